// Entry of a render worker: a worker thread does not inherit the main program's TypeScript
// loader, so it registers tsx itself, then runs the worker written in TypeScript.
import { register } from 'tsx/esm/api';

register();
const { runRenderWorker } = await import('./render-worker.ts');
runRenderWorker();
