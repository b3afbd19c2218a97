// A worker thread that renders documents, so that a build uses every core: it compiles the
// templates and loads the fonts once, then renders the jobs it takes (job-claims.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputFormat } from '../backends/backend.ts';
import type { FontFiles } from '../backends/fonts.ts';
import { readFonts } from '../io/read-fonts.ts';
import { Templates, type TemplateSource } from '../templates/engine.ts';
import type { Theme } from '../theme/theme.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import { claimNext } from './job-claims.ts';
import type { BuildProgress } from './progress.ts';
import { renderDocument } from './render-document.ts';
import { CacheClient, type CacheView } from './worker-cache.ts';

export interface WorkerSetup {
  readonly templateSources: readonly TemplateSource[];
  readonly theme: Theme;
  readonly fontsDir?: string;
  readonly cwd: string;
  readonly formats: readonly OutputFormat[];
  readonly creationDate: string;
  /** What this worker reads of out/.cache itself for its documents (absent: no cache; worker-cache.ts). */
  readonly cache?: CacheView;
  /** The main thread shows progress: the worker reports its print layouts' parts. */
  readonly progress?: boolean;
}

/** What the main thread sends a worker, once: every job but the first (the main thread's), and the claims. */
export interface WorkOrder {
  readonly claims: Int32Array;
  /** The jobs from index `first` on, in the claims' order. */
  readonly jobs: readonly DocumentJob[];
  readonly first: number;
  /** This worker's number in the claims. */
  readonly claimer: number;
}

/** A worker's answer for the job at `index`: its files and diagnostics, or the error it ended with. */
export interface WorkerAnswer {
  readonly index: number;
  readonly files?: RenderedFile[];
  readonly diagnostics?: Diagnostic[];
  readonly error?: string;
}

/** A worker's report of a print layout's parts (the job at `index`), for the progress line. */
export type ProgressReport = { readonly progress: true; readonly index: number } & (
  { readonly parts: number } | { readonly fromCache: boolean }
);

export const isProgressReport = (message: object): message is ProgressReport => 'progress' in message;

/** What the worker tells the main thread of the job at `index` as its layout goes. */
function reportsFor(index: number): BuildProgress {
  const report = (message: ProgressReport) => parentPort!.postMessage(message);
  return {
    documents: () => {},
    documentDone: () => {},
    partsPlanned: (_document, _work, parts) => report({ progress: true, index, parts }),
    partDone: (_document, fromCache) => report({ progress: true, index, fromCache }),
  };
}

/**
 * Runs this thread as a render worker: takes jobs of the order it is sent until none is left,
 * one at a time (jobs rendered together would each hold their tree and layout until all were
 * done), and answers each.
 */
export function runRenderWorker(): void {
  const setup = workerData as WorkerSetup;
  const compiled = Templates.compile(setup.templateSources);
  const fonts = readFonts(setup.theme, setup.fontsDir, setup.cwd).then((loaded) => loaded.fonts);
  const cache = setup.cache && new CacheClient(setup.cache, (request) => parentPort!.postMessage(request));
  let started = false;
  // The order, once.
  parentPort!.on('message', (message: WorkOrder) => {
    if (started) return;
    started = true;
    const order = message;
    void (async () => {
      for (let i = claimNext(order.claims, order.claimer); i >= 0; i = claimNext(order.claims, order.claimer))
        await renderJob(i, order.jobs[i - order.first]!, setup, compiled.templates, fonts, cache);
    })();
  });
}

async function renderJob(
  index: number,
  job: DocumentJob,
  setup: WorkerSetup,
  templates: ReturnType<typeof Templates.compile>['templates'],
  loading: Promise<FontFiles | undefined>,
  cache: CacheClient | undefined,
): Promise<void> {
  try {
    const fonts = await loading;
    if (!templates || !fonts) throw new Error('worker setup failed');
    const cached = await cache?.open(index);
    const result = await renderDocument(job, {
      ...(cached ? { parts: () => cached.parts, fits: () => Promise.resolve(cached.fits) } : {}),
      ...(setup.progress ? { progress: reportsFor(index) } : {}),
      templates,
      templateSources: setup.templateSources,
      theme: setup.theme,
      fonts,
      formats: setup.formats,
      creationDate: new Date(setup.creationDate),
    });
    parentPort!.postMessage(
      { index, ...result } satisfies WorkerAnswer,
      (result.files ?? []).map((f) => f.bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({ index, error: String((error as Error)?.stack ?? error) } satisfies WorkerAnswer);
  }
}
