// renderAll when a render worker ends without reporting an error (a library calling
// process.exit, a thread killed): its documents must fail the build, not leave it waiting.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatePlan } from '../data/validate.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { excerptView } from '../views/excerpt-view.ts';
import type { DocumentJob } from './document-job.ts';
import { loadRenderInputs } from './load-inputs.ts';

// A worker that accepts its first job, then exits with code 0 and never answers.
vi.mock('node:worker_threads', () => ({
  Worker: class extends EventEmitter {
    postMessage() {
      setImmediate(() => this.emit('exit', 0));
    }
    terminate() {
      return Promise.resolve(0);
    }
  },
}));

const ROOT = path.join(import.meta.dirname, '..', '..');

afterEach(() => {
  delete process.env.KEIKAKU_WORKERS;
});

describe('renderAll', () => {
  it('fails the documents of a worker that exits without an error, instead of waiting forever', async () => {
    const { renderAll } = await import('./render-pool.ts');
    const read = await readDataDir(path.join(ROOT, 'tests', 'fixtures', 'minimal'), ROOT);
    const plan = validatePlan(read.files, read.diagnostics).value!;
    const inputs = (await loadRenderInputs({ templatesDir: path.join(ROOT, 'templates'), cwd: ROOT })).value!;
    const jobs: DocumentJob[] = plan.departments.slice(0, 2).map((department) => ({
      name: department,
      template: 'excerpt',
      view: excerptView(plan, department),
    }));
    process.env.KEIKAKU_WORKERS = '1';
    const result = renderAll(jobs, { ...inputs, formats: ['html'], creationDate: new Date(0) }, { cwd: ROOT });
    await expect(result).rejects.toThrow(/render worker exited \(code 0\) with 1 document\(s\) unfinished/);
  });
});
