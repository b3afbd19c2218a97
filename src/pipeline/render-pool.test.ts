// renderAll with workers: each thread takes the next document as it finishes one, so a quick
// worker takes what a busy main thread cannot; and a render worker that ends without reporting an
// error (a library calling process.exit, a thread killed) fails the documents it took, instead
// of leaving the build waiting.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatePlan } from '../data/validate.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { excerptView } from '../views/excerpt-view.ts';
import type { DocumentJob } from './document-job.ts';
import type { WorkOrder } from './render-worker.ts';
import { loadRenderInputs } from './load-inputs.ts';

// The mocked worker, as each test sets it: `exits` takes one job, then exits with code 0 and never
// answers; `quick` takes every job left as soon as it is sent its order, and answers each, one per
// turn of the event loop, with one file named worker.html.
let workerKind: 'exits' | 'quick' = 'exits';
vi.mock('node:worker_threads', async () => {
  const { claimNext } = await import('./job-claims.ts');
  return {
    Worker: class extends EventEmitter {
      postMessage(order: WorkOrder) {
        if (workerKind === 'exits') {
          claimNext(order.claims, order.claimer);
          setImmediate(() => this.emit('exit', 0));
          return;
        }
        for (
          let index = claimNext(order.claims, order.claimer);
          index >= 0;
          index = claimNext(order.claims, order.claimer)
        ) {
          const bytes = new TextEncoder().encode('worker').buffer;
          setImmediate(() => this.emit('message', { index, files: [{ name: 'worker.html', bytes }], diagnostics: [] }));
        }
      }
      terminate() {
        return Promise.resolve(0);
      }
    },
  };
});

const ROOT = path.join(import.meta.dirname, '..', '..');

afterEach(() => {
  delete process.env.KEIKAKU_WORKERS;
});

async function excerptJobs(count: number) {
  const read = await readDataDir(path.join(ROOT, 'tests', 'fixtures', 'minimal'), ROOT);
  const plan = validatePlan(read.files, read.diagnostics).value!;
  const inputs = (await loadRenderInputs({ templatesDir: path.join(ROOT, 'templates'), cwd: ROOT })).value!;
  const department = plan.departments[0]!;
  const jobs: DocumentJob[] = Array.from({ length: count }, (_, i) => ({
    name: `${department}${i}`,
    template: 'excerpt',
    view: excerptView(plan, department),
  }));
  return { jobs, context: { ...inputs, formats: ['html' as const], creationDate: new Date(0) } };
}

describe('renderAll', () => {
  it('gives the main thread the first document and a free worker every one it takes, answered in order', async () => {
    const { renderAll } = await import('./render-pool.ts');
    const { jobs, context } = await excerptJobs(4);
    process.env.KEIKAKU_WORKERS = '1';
    workerKind = 'quick';
    const results = await renderAll(jobs, context, { cwd: ROOT });
    expect(results.map((r) => [r.job.name, r.files?.map((f) => f.name)])).toEqual([
      [jobs[0]!.name, [`${jobs[0]!.name}.html`]],
      ...jobs.slice(1).map((job) => [job.name, ['worker.html']]),
    ]);
  });

  it('fails the documents of a worker that exits without an error, instead of waiting forever', async () => {
    const { renderAll } = await import('./render-pool.ts');
    const { jobs, context } = await excerptJobs(2);
    process.env.KEIKAKU_WORKERS = '1';
    workerKind = 'exits';
    const result = renderAll(jobs, context, { cwd: ROOT });
    await expect(result).rejects.toThrow(/render worker exited \(code 0\) with 1 document\(s\) unfinished/);
  });
});
