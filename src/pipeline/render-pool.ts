// Renders a build's documents on every core: the main thread takes the biggest document (the
// whole plan), and it and a worker thread per remaining core take the others, biggest first, each
// as it finishes one. Output does not depend on who rendered what: each document is rendered
// alone from its own inputs.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import type { RenderContext, RenderResult } from './render-document.ts';
import { embeddedCode, RENDER_WORKER } from '../io/own-files.ts';
import {
  isProgressReport,
  type ProgressReport,
  type WorkerAnswer,
  type WorkerSetup,
  type WorkOrder,
} from './render-worker.ts';
import { claimedBy, claimNext, MAIN_THREAD, newClaims } from './job-claims.ts';
import { documentCost } from './progress.ts';
import { withBoundedHeap } from './heap-bound.ts';
import { cacheHost, isCacheRequest, type CacheHost, type CacheRequest } from './worker-cache.ts';

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

export async function renderAll(
  jobs: readonly DocumentJob[],
  context: RenderContext,
  setup: Pick<WorkerSetup, 'cwd' | 'fontsDir'>,
): Promise<JobResult[]> {
  // A build whose documents all come from out/.cache renders nothing: it never loads the markup
  // parser, the layout and the fonts' shaping (about 150 ms of start-up).
  if (jobs.length === 0) return [];
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
    context.progress?.documentDone(job.name, cost(job));
    return { job, ...result };
  };
  const { renderDocument } = await import('./render-document.ts');
  // KEIKAKU_WORKERS=0 never uses workers, =1 always does (for tests and measurements).
  const forced = process.env.KEIKAKU_WORKERS;
  const workerCount =
    forced === '0' ? 0 : Math.min(Math.max(availableParallelism() - 1, forced === '1' ? 1 : 0), ordered.length - 1, 3);
  if (workerCount < 1 || (total < MIN_COST_FOR_WORKERS && forced !== '1')) {
    const results: JobResult[] = [];
    for (const job of ordered) results.push(done(job, await renderDocument(job, context)));
    return results;
  }
  // Each thread takes the next job as it finishes one (job-claims.ts), biggest first: this thread
  // the first (the whole plan) at once, workers the next as soon as they have started.
  const claims = newClaims(ordered.length);
  claimNext(claims, MAIN_THREAD);
  const answers = ordered.map(() => answer());
  const work: Omit<WorkOrder, 'claimer'> = { claims, jobs: ordered.slice(1), first: 1 };
  const host = cacheHost(context, ordered);
  const view = host && (await context.workerCache?.(ordered));
  // A worker's parts move the progress line as this thread's do.
  const progress = context.progress;
  const report =
    progress &&
    ((message: ProgressReport) => {
      const job = ordered[message.index]!;
      if ('parts' in message) progress.partsPlanned(job.name, cost(job), message.parts);
      else progress.partDone(job.name, message.fromCache);
    });
  const workers = Array.from({ length: workerCount }, (_, i) =>
    startWorker(
      {
        ...setup,
        templateSources: context.templateSources,
        theme: context.theme,
        formats: context.formats,
        creationDate: context.creationDate.toISOString(),
        ...(view ? { cache: view } : {}),
        progress: report !== undefined,
      },
      { ...work, claimer: MAIN_THREAD + 1 + i },
      answers,
      host,
      report,
    ),
  );
  try {
    const results = Promise.all(answers.map(async ({ promise }, i) => done(ordered[i]!, await promise)));
    // Once a document has failed, the build fails: this thread takes no more.
    let failed = false;
    results.catch(() => (failed = true));
    for (let i = 0; i >= 0 && !failed; i = claimNext(claims, MAIN_THREAD)) {
      const { resolve, reject } = answers[i]!;
      await renderDocument(ordered[i]!, context).then(resolve, reject);
    }
    return await results;
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    // What the workers' messages started (removing a damaged entry, noting widths) ends before
    // the build reads the cache's notes and writes it.
    await host?.settled();
  }
}

/** A job's result, to come from whichever thread took it. */
interface Answer {
  readonly promise: Promise<RenderResult>;
  readonly resolve: (result: RenderResult) => void;
  readonly reject: (error: Error) => void;
}

function answer(): Answer {
  let resolve!: Answer['resolve'];
  let reject!: Answer['reject'];
  const promise = new Promise<RenderResult>((yes, no) => ((resolve = yes), (reject = no)));
  // Rejected while nobody awaits it yet (a worker died early): handled where it is awaited.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

interface RenderWorker {
  close(): Promise<void>;
}

function startWorker(
  setup: WorkerSetup,
  order: WorkOrder,
  answers: readonly Answer[],
  host: CacheHost | undefined,
  report: ((message: ProgressReport) => void) | undefined,
): RenderWorker {
  // The single executable has no script file to start: its worker runs the code it carries.
  const code = embeddedCode();
  const worker = code
    ? new Worker(code.toString('utf8'), { eval: true, workerData: { ...setup, [RENDER_WORKER]: true } })
    : // '../pipeline/': this code may sit in a shared chunk of lib/ (scripts/compile.mjs), one
      // folder below lib/ as src/pipeline/ is below src/.
      new Worker(new URL('../pipeline/render-worker-entry.mjs', import.meta.url), { workerData: setup });
  const answered = new Set<number>();
  let closing = false;
  // The jobs it took and did not answer: they fail the build (the others are taken by the rest).
  const failUnanswered = (error: (count: number) => Error) => {
    const unanswered = claimedBy(order.claims, order.claimer).filter((i) => !answered.has(i));
    for (const i of unanswered) {
      answered.add(i);
      answers[i]!.reject(error(unanswered.length));
    }
  };
  worker.on('message', (message: WorkerAnswer | CacheRequest | ProgressReport) => {
    if (isCacheRequest(message)) return host?.take(message);
    if (isProgressReport(message)) return report?.(message);
    if (answered.has(message.index)) return;
    answered.add(message.index);
    const waiter = answers[message.index]!;
    if (message.error) waiter.reject(new Error(message.error));
    else
      waiter.resolve({
        ...(message.files
          ? { files: message.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })) }
          : {}),
        diagnostics: message.diagnostics ?? [],
      });
  });
  worker.on('error', (error) => failUnanswered(() => error));
  // A worker that ends without an error event (process.exit in a library, a killed thread)
  // would otherwise leave its documents waiting forever.
  worker.on('exit', (code) => {
    if (!closing)
      failUnanswered((count) => new Error(`render worker exited (code ${code}) with ${count} document(s) unfinished`));
  });
  worker.postMessage(order);
  return {
    close: async () => {
      closing = true;
      await worker.terminate();
    },
  };
}
