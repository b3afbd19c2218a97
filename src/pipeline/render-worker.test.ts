// A render worker takes the jobs it is sent one at a time: started together, each held its tree
// and its layout until all were done (a 1,400-施策 plan's 22 excerpts at once in one worker).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const events: string[] = [];
const finish = new Map<string, () => void>();
const port = Object.assign(new EventEmitter(), {
  postMessage: (message: { name: string }) => events.push(`answered ${message.name}`),
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
  it('renders one job at a time, in the order sent', async () => {
    const { runRenderWorker } = await import('./render-worker.ts');
    runRenderWorker();
    for (const name of ['a', 'b', 'c']) port.emit('message', { name });
    await settle();
    expect(events).toEqual(['started a']);
    finish.get('a')!();
    await settle();
    expect(events).toEqual(['started a', 'answered a', 'started b']);
    finish.get('b')!();
    await settle();
    finish.get('c')!();
    await settle();
    expect(events).toEqual(['started a', 'answered a', 'started b', 'answered b', 'started c', 'answered c']);
  });
});
