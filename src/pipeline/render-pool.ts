// Renders a build's documents on every core: the main thread takes the biggest document (the
// whole plan), a worker thread per remaining core takes the others. Output does not depend on
// who rendered what: each document is rendered alone from its own inputs.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import { renderDocument, type RenderContext, type RenderResult } from './render-document.ts';
import { embeddedCode, RENDER_WORKER } from '../io/own-files.ts';
import type { WorkerSetup } from './render-worker.ts';
import { documentCost } from './progress.ts';
import { withBoundedHeap } from './heap-bound.ts';

export interface JobResult {
  readonly job: DocumentJob;
  readonly files?: readonly RenderedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

const cost = documentCost;

/**
 * A worker pays a start-up: loading the libraries and warming their code in a fresh isolate
 * (measured: +1.3 s CPU). For the shipped plan (about 67,000 here) a build is faster without
 * workers; for 140 施策 (720,000) with one (13.7 s → 11.7 s on 2 cores).
 */
const MIN_COST_FOR_WORKERS = 300_000;
/** That start-up, as a share of the build's work, counted against each worker when sharing out. */
const WORKER_START_SHARE = 0.15;

export async function renderAll(
  jobs: readonly DocumentJob[],
  context: RenderContext,
  setup: Pick<WorkerSetup, 'cwd' | 'fontsDir'>,
): Promise<JobResult[]> {
  const ordered = [...jobs].sort((a, b) => cost(b) - cost(a));
  const total = ordered.reduce((s, j) => s + cost(j), 0);
  return withBoundedHeap(total, () => renderShared(ordered, total, context, setup));
}

/** The jobs (biggest first) rendered on this thread and on workers, when they pay. */
async function renderShared(
  ordered: readonly DocumentJob[],
  total: number,
  context: RenderContext,
  setup: Pick<WorkerSetup, 'cwd' | 'fontsDir'>,
): Promise<JobResult[]> {
  const done = (job: DocumentJob, result: RenderResult): JobResult => {
    context.progress?.documentDone(cost(job));
    return { job, ...result };
  };
  // KEIKAKU_WORKERS=0 never uses workers, =1 always does (for tests and measurements).
  const forced = process.env.KEIKAKU_WORKERS;
  const workerCount =
    forced === '0' ? 0 : Math.min(Math.max(availableParallelism() - 1, forced === '1' ? 1 : 0), ordered.length - 1, 3);
  if (workerCount < 1 || (total < MIN_COST_FOR_WORKERS && forced !== '1')) {
    const results: JobResult[] = [];
    for (const job of ordered) results.push(done(job, await renderDocument(job, context)));
    return results;
  }
  // Fixed shares, decided up front: a worker gets its whole list at once, so that it never
  // waits for the main thread (busy laying out pages) to hand it the next job.
  const bins: DocumentJob[][] = Array.from({ length: workerCount + 1 }, () => []);
  const load = bins.map((_, i) => (i === 0 ? 0 : total * WORKER_START_SHARE));
  for (const job of ordered) {
    const lightest = load.indexOf(Math.min(...load));
    bins[lightest]!.push(job);
    load[lightest]! += cost(job);
  }
  const workers = bins
    .slice(1)
    .filter((b) => b.length > 0)
    .map(() =>
      startWorker({
        ...setup,
        templateSources: context.templateSources,
        theme: context.theme,
        formats: context.formats,
        creationDate: context.creationDate.toISOString(),
      }),
    );
  try {
    const own = (async () => {
      const results: JobResult[] = [];
      for (const job of bins[0]!) results.push(done(job, await renderDocument(job, context)));
      return results;
    })();
    const others = workers.map((worker, i) =>
      Promise.all(bins[i + 1]!.map(async (job) => done(job, await worker.render(job)))),
    );
    return (await Promise.all([own, ...others])).flat();
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}

interface RenderWorker {
  render(job: DocumentJob): Promise<RenderResult>;
  close(): Promise<void>;
}

function startWorker(setup: WorkerSetup): RenderWorker {
  // The single executable has no script file to start: its worker runs the code it carries.
  const code = embeddedCode();
  const worker = code
    ? new Worker(code.toString('utf8'), { eval: true, workerData: { ...setup, [RENDER_WORKER]: true } })
    : new Worker(new URL('./render-worker-entry.mjs', import.meta.url), { workerData: setup });
  const pending = new Map<string, { resolve: (r: RenderResult) => void; reject: (e: Error) => void }>();
  let closing = false;
  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on(
    'message',
    (message: { name: string; files?: RenderedFile[]; diagnostics?: Diagnostic[]; error?: string }) => {
      const waiter = pending.get(message.name);
      pending.delete(message.name);
      if (!waiter) return;
      if (message.error) waiter.reject(new Error(message.error));
      else
        waiter.resolve({
          ...(message.files
            ? { files: message.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })) }
            : {}),
          diagnostics: message.diagnostics ?? [],
        });
    },
  );
  worker.on('error', failAll);
  // A worker that ends without an error event (process.exit in a library, a killed thread)
  // would otherwise leave its documents waiting forever.
  worker.on('exit', (code) => {
    if (!closing && pending.size > 0)
      failAll(new Error(`render worker exited (code ${code}) with ${pending.size} document(s) unfinished`));
  });
  return {
    render: (job) =>
      new Promise((resolve, reject) => {
        pending.set(job.name, { resolve, reject });
        worker.postMessage(job);
      }),
    close: async () => {
      closing = true;
      await worker.terminate();
    },
  };
}
