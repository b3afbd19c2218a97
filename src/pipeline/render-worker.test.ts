// A render worker takes the jobs of its order one at a time, as it finishes one: started together,
// each held its tree and its layout until all were done (a 1,400-施策 plan's 22 excerpts at once
// in one worker). It takes only jobs nobody else has taken.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const events: string[] = [];
const finish = new Map<string, () => void>();
const NAMES = ['plan', 'a', 'b', 'c'];
const port = Object.assign(new EventEmitter(), {
  postMessage: (message: { index: number }) => events.push(`answered ${NAMES[message.index]}`),
});

vi.mock('node:worker_threads', () => ({
  parentPort: port,
  workerData: { templateSources: [], theme: {}, cwd: '.', formats: ['html'], creationDate: '2024-04-01' },
}));
vi.mock('../io/read-fonts.ts', () => ({ readFonts: () => Promise.resolve({ fonts: {} }) }));
vi.mock('../templates/engine.ts', () => ({ Templates: { compile: () => ({ templates: {} }) } }));
vi.mock('./render-document.ts', () => ({
  renderDocument: (job: { name: string }) => {
    events.push(`started ${job.name}`);
    return new Promise((resolve) => finish.set(job.name, () => resolve({ files: [], diagnostics: [] })));
  },
}));

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('render worker', () => {
  it('renders one job at a time, in order, taking only those nobody else has taken', async () => {
    const { runRenderWorker } = await import('./render-worker.ts');
    const { claimedBy, claimNext, MAIN_THREAD, newClaims } = await import('./job-claims.ts');
    runRenderWorker();
    const claims = newClaims(NAMES.length);
    claimNext(claims, MAIN_THREAD);
    const jobs = NAMES.slice(1).map((name) => ({ name }));
    port.emit('message', { claims, jobs, first: 1, claimer: 2 });
    await settle();
    expect(events).toEqual(['started a']);
    // Meanwhile the main thread, free again, takes the next job (b).
    expect(claimNext(claims, MAIN_THREAD)).toBe(2);
    finish.get('a')!();
    await settle();
    expect(events).toEqual(['started a', 'answered a', 'started c']);
    finish.get('c')!();
    await settle();
    expect(events).toEqual(['started a', 'answered a', 'started c', 'answered c']);
    expect(claimedBy(claims, 2)).toEqual([1, 3]);
    expect(claimedBy(claims, MAIN_THREAD)).toEqual([0, 2]);
  });
});
