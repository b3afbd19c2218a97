// What a build reports as it goes, for a person watching it (cli/progress-line.ts draws it on a
// terminal). Work is counted in the units of documentCost: the size of the data a document shows.
import type { DocumentJob } from './document-job.ts';

export interface BuildProgress {
  /** The build's documents: how many in all, how many come unchanged from out/.cache, the work of the rest. */
  documents(total: number, fromCache: number, work: number): void;
  /** A document made (by its name among the build's), and its work. */
  documentDone(document: string, work: number): void;
  /**
   * A document's print layout begins: its work, and its parts (the front matter, each 施策).
   * Documents rendered on worker threads lay out at the same time as this thread's.
   */
  partsPlanned(document: string, work: number, parts: number): void;
  /** One more part of a document's print layout laid out, or taken unchanged from out/.cache. */
  partDone(document: string, fromCache: boolean): void;
}

const costs = new WeakMap<DocumentJob, number>();

/**
 * Rough cost of making a document: the size of the data it shows. Worked out once per job (the
 * plan's view of a large plan takes a while to write out, and the cost is asked for often).
 */
export function documentCost(job: DocumentJob): number {
  let cost = costs.get(job);
  if (cost === undefined) costs.set(job, (cost = JSON.stringify(job.view).length));
  return cost;
}

/** A time as people read it: 3.4 秒, 2 分 5 秒. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} 秒`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} 分 ${whole % 60} 秒`;
}
