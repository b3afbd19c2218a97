// What the memory checks share (draw-memory.ts, word-memory.ts): each runs in a process of its
// own with --expose-gc, samples the live heap (after a full collection), and starts from the tree
// of a plan's whole document.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { creationDate } from '../../src/pipeline/document-job.ts';
import { documentTree } from '../../src/pipeline/render-document.ts';
import { loadPlan, ROOT, shippedInputs, wholePlanJob } from './plan.ts';

/** The heap in use after a full collection. */
export function liveHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('a memory check runs under node --expose-gc');
  gc();
  return process.memoryUsage().heapUsed;
}

/** The heap in use and the bytes of ArrayBuffers (Buffers, typed arrays) alive, after a full collection. */
export function liveMemory(): number {
  const heap = liveHeap();
  return heap + process.memoryUsage().arrayBuffers;
}

/**
 * In a check's process: its arguments (`DATA_DIR MODE`, MODE one of `modes`) and the tree of that
 * plan's whole document, made from the shipped templates.
 */
export async function startMemoryCheck<Mode extends string>(script: string, modes: readonly Mode[]) {
  const [dataDir, mode] = process.argv.slice(2);
  if (!dataDir || !modes.includes(mode as Mode))
    throw new Error(`usage: node --expose-gc --import tsx ${script} DATA_DIR ${modes.join('|')}`);
  const plan = await loadPlan(dataDir);
  const inputs = await shippedInputs();
  const { tree } = documentTree(wholePlanJob(plan), inputs);
  if (!tree) throw new Error(`${dataDir}: no document tree`);
  return { mode: mode as Mode, plan, inputs, tree, creationDate: creationDate(plan) };
}

/**
 * Runs a check of tests/helpers on a plan's data in a process of its own, once in each of two
 * modes (the bounded way, then the whole-document way): what each prints, as JSON.
 */
export function runMemoryChecks<Result>(script: string, dataDir: string, modes: [string, string]): [Result, Result] {
  return [runMemoryCheck<Result>(script, dataDir, modes[0]), runMemoryCheck<Result>(script, dataDir, modes[1])];
}

function runMemoryCheck<Result>(script: string, dataDir: string, mode: string): Result {
  return JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'tests', 'helpers', script), dataDir, mode],
      { cwd: ROOT, encoding: 'utf8' },
    ),
  ) as Result;
}
