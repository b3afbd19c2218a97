// A large build's heap kept near what it holds. After each full collection V8 lets a heap grow,
// on a machine with much memory, to up to four times what survived it. A large build holds a few
// hundred MB but makes GBs of objects that outlive V8's young generation and then die (a 施策
// table's docx objects while it is written, a part's pages while drawn), so the heap grows into
// that allowance: at 1,400 施策 the main thread's heap reached 1.9 GB with under 0.5 GB held, and
// the build's peak 2.4 GB. V8's heap-growing-percent replaces the allowance by a fixed one, read
// at each collection, so it can be set once the build's size is known. Measured at 1,400 施策
// (one run each, this 2-core machine): peak 2,409 → 1,398 MB, wall 198 → 208 s, CPU +9%.
// Smaller builds keep V8's own policy: their heap stays under 1 GB, and on a small heap a fixed
// allowance means many more full collections for little (140 施策 at 30%: CPU +29%).
import { setFlagsFromString } from 'node:v8';

/** From this much work (documentCost summed over a build's documents; 140 施策 ≈ 1 M, 1,400 ≈ 9.8 M). */
const BOUND_FROM_COST = 3_000_000;
/** Growth allowed after a full collection, in percent of what survived it. */
const GROWING_PERCENT = 50;

/**
 * Runs a build's rendering with V8's heap growth bounded when the work is at least
 * BOUND_FROM_COST (KEIKAKU_HEAP_BOUND=on / off decides instead, for tests and measurements),
 * and gives V8 its own policy back after, whatever happens. V8's flags are the process's: worker
 * threads started meanwhile are bounded too.
 */
export async function withBoundedHeap<T>(totalCost: number, render: () => Promise<T>): Promise<T> {
  const forced = process.env.KEIKAKU_HEAP_BOUND;
  const bounded = forced === 'on' || (forced !== 'off' && totalCost >= BOUND_FROM_COST);
  if (!bounded) return render();
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
  try {
    return await render();
  } finally {
    // 0 is V8's default: its own growing factor.
    setFlagsFromString('--heap-growing-percent=0');
  }
}
