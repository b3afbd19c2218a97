// A build's documents taken by whichever thread is free: each slot of a shared array says who
// took that job (0: nobody yet), and a thread takes the next free one in a single atomic step.
// No thread asks another for work, so a worker never waits for the main thread, which is busy
// laying out pages for seconds at a time and would answer a message only between parts; and who
// took a job stays known should its thread die before answering.

/** The thread that makes the build; workers claim as 2, 3… */
export const MAIN_THREAD = 1;

/** The claims of `count` jobs, shareable with worker threads (postMessage passes it by reference). */
export function newClaims(count: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * count));
}

/** Takes the first job nobody has taken (jobs are in the order to take them): its index, or -1. */
export function claimNext(claims: Int32Array, claimer: number): number {
  for (let i = 0; i < claims.length; i++) if (Atomics.compareExchange(claims, i, 0, claimer) === 0) return i;
  return -1;
}

/** The jobs a thread has taken. */
export function claimedBy(claims: Int32Array, claimer: number): number[] {
  const taken: number[] = [];
  for (let i = 0; i < claims.length; i++) if (Atomics.load(claims, i) === claimer) taken.push(i);
  return taken;
}
