// A worker thread that renders documents, so that a build uses every core: it compiles the
// templates and loads the fonts once, then renders the jobs it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputFormat } from '../backends/backend.ts';
import type { FontFiles } from '../backends/fonts.ts';
import { readFonts } from '../io/read-fonts.ts';
import { Templates, type TemplateSource } from '../templates/engine.ts';
import type { Theme } from '../theme/theme.ts';
import type { DocumentJob } from './document-job.ts';
import { renderDocument } from './render-document.ts';

export interface WorkerSetup {
  readonly templateSources: readonly TemplateSource[];
  readonly theme: Theme;
  readonly fontsDir?: string;
  readonly cwd: string;
  readonly formats: readonly OutputFormat[];
  readonly creationDate: string;
}

/** Runs this thread as a render worker: answers each job posted to it. */
export function runRenderWorker(): void {
  const setup = workerData as WorkerSetup;
  const compiled = Templates.compile(setup.templateSources);
  const fonts = readFonts(setup.theme, setup.fontsDir, setup.cwd).then((loaded) => loaded.fonts);
  // One job at a time, in the order sent: jobs started together would each hold their tree and
  // layout until all were done (at 1,400 施策, the excerpts' 22 documents at once).
  let queue = Promise.resolve();
  parentPort!.on('message', (job: DocumentJob) => {
    queue = queue.then(() => renderJob(job, setup, compiled.templates, fonts));
  });
}

async function renderJob(
  job: DocumentJob,
  setup: WorkerSetup,
  templates: ReturnType<typeof Templates.compile>['templates'],
  loading: Promise<FontFiles | undefined>,
): Promise<void> {
  try {
    const fonts = await loading;
    if (!templates || !fonts) throw new Error('worker setup failed');
    const result = await renderDocument(job, {
      templates,
      templateSources: setup.templateSources,
      theme: setup.theme,
      fonts,
      formats: setup.formats,
      creationDate: new Date(setup.creationDate),
    });
    parentPort!.postMessage(
      { name: job.name, ...result },
      (result.files ?? []).map((f) => f.bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({ name: job.name, error: String((error as Error)?.stack ?? error) });
  }
}
