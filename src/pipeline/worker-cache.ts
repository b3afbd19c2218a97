// out/.cache for documents rendered on a worker thread: the worker reads the entries its print
// layout needs (laid-out parts, drawn pages, Word sections, compressed streams, its tables'
// fitted widths) itself, with the checks the main thread reads with (render-cache.ts
// readEntryFile), and tells the main thread what it used and made by messages that need no
// answer. The main thread owns the cache: it removes a damaged entry a worker found and says so,
// and writes what a build made only when the build succeeds; a worker never writes or removes
// anything in out/.cache.
//
// Without this a worker rendered its documents whole: a rebuild of a long plan after one 施策
// changed laid out every part of each excerpt given to a worker (19 s for one excerpt of a
// 1,400-施策 plan, where the main thread reused the plan's parts). A worker once asked the main
// thread for each entry and waited for its reply; but the main thread reads messages only between
// its long stretches of work (a plan's whole layout, its drawing, its Word file), so in a cold
// build of 140 施策 the worker spent 22.5 s of 38.6 s waiting (measured 2026-12-03).
import path from 'node:path';
import type { PartEntryKind, PartStore } from '../backends/pdf/part-cache.ts';
import type { FitMemo } from '../layout/fit-columns.ts';
import type { DocumentJob } from './document-job.ts';
import type { RenderContext } from './render-document.ts';
import { fitWidths, partName, readEntryFile } from './render-cache.ts';

/** What a worker reads of out/.cache itself, for the jobs of the pool's order (by index). */
export interface CacheView {
  /** out/.cache; absent when it is not to be read (it is a link: render-cache.ts isUsable). */
  readonly folder?: string;
  /** What every part depends on beside its definition (PartStore.salt). */
  readonly salt: string;
  /** The name of each job's fitted-widths entry. */
  readonly fitsEntries: readonly string[];
}

/** A worker's message about the job at `index` of the pool's order. */
export type CacheRequest = { readonly cache: true; readonly index: number } &
  /** The worker starts the job: the main thread opens the job's store and widths. */
  (
    | { readonly ask: 'open' }
    /** The worker found the entry damaged and did not use it: the main thread removes it. */
    | { readonly ask: 'damaged'; readonly key: string; readonly kind: PartEntryKind }
    | { readonly ask: 'keep'; readonly key: string }
    | { readonly ask: 'write'; readonly key: string; readonly kind: PartEntryKind; readonly record: Uint8Array }
    | { readonly ask: 'fit-used'; readonly key: string }
    | { readonly ask: 'fit-set'; readonly key: string; readonly widths: readonly number[] }
  );
/** A request of kind A as its sender writes it (each kind of a union apart). */
type Ask<A extends CacheRequest['ask']> =
  Extract<CacheRequest, { ask: A }> extends infer R ? (R extends unknown ? Omit<R, 'cache'> : never) : never;

export const isCacheRequest = (message: object): message is CacheRequest => 'cache' in message;

/** The main thread's side: takes a worker's requests; `settled` once what they started is done. */
export interface CacheHost {
  take(request: CacheRequest): void;
  /** Waited for before the build reads the cache's notes and writes it. */
  settled(): Promise<void>;
}

/**
 * Applies a worker's requests to the cache the main thread's own documents use
 * (`context.parts`, `context.fits`), or undefined when the build has no cache.
 */
export function cacheHost(
  context: Pick<RenderContext, 'parts' | 'fits'>,
  jobs: readonly DocumentJob[],
): CacheHost | undefined {
  const { parts, fits } = context;
  if (!parts || !fits) return undefined;
  /** Each job's store and widths, made once (a store made again would forget the job's parts). */
  const opened = new Map<number, { store: PartStore; memo: Promise<FitMemo | undefined> }>();
  const pending: Promise<unknown>[] = [];
  const jobAt = (index: number) => {
    let job = opened.get(index);
    if (!job) {
      const memo = fits(jobs[index]!).catch(() => undefined);
      pending.push(memo);
      opened.set(index, (job = { store: parts(jobs[index]!), memo }));
    }
    return job;
  };
  return {
    take: (request) => {
      const job = jobAt(request.index);
      switch (request.ask) {
        case 'open':
          break;
        case 'damaged':
          // The main thread's read finds it damaged too: it removes it and notes it for the user.
          pending.push(job.store.read(request.key, request.kind).catch(() => undefined));
          break;
        case 'keep':
          job.store.keep(request.key);
          break;
        case 'write':
          job.store.write(request.key, request.record, request.kind);
          break;
        // In the order they came: the widths once the job's memo is open.
        case 'fit-used':
          pending.push(job.memo.then((memo) => memo?.get(request.key)));
          break;
        case 'fit-set':
          pending.push(job.memo.then((memo) => memo?.set(request.key, request.widths)));
          break;
      }
    },
    settled: async () => {
      while (pending.length > 0) await Promise.all(pending.splice(0));
    },
  };
}

/** The worker's side: reads out/.cache itself and tells the main thread. */
export class CacheClient {
  constructor(
    private readonly view: CacheView,
    private readonly post: (request: CacheRequest) => void,
  ) {}

  /** The cache of the job at `index`: its parts and fitted widths. */
  async open(index: number): Promise<{ parts: PartStore; fits: FitMemo }> {
    const tell = (request: Ask<CacheRequest['ask']>) => this.post({ cache: true, ...request });
    tell({ ask: 'open', index });
    // A damaged widths entry is the main thread's to remove: it reads the entry as it opens the job.
    const widths = await this.entry(this.view.fitsEntries[index]!);
    const known = fitWidths(widths instanceof Uint8Array ? widths : undefined);
    return {
      parts: {
        salt: this.view.salt,
        read: async (key, kind) => {
          const found = await this.entry(partName(key, kind));
          if (found === 'damaged') tell({ ask: 'damaged', index, key, kind });
          return found instanceof Uint8Array ? found : undefined;
        },
        keep: (key) => tell({ ask: 'keep', index, key }),
        write: (key, record, kind) => tell({ ask: 'write', index, key, kind, record }),
      },
      fits: {
        get: (key) => {
          const found = known.get(key);
          if (found) tell({ ask: 'fit-used', index, key });
          return found;
        },
        set: (key, fitted) => {
          known.set(key, fitted);
          tell({ ask: 'fit-set', index, key, widths: fitted });
        },
        known: () => [...known],
      },
    };
  }

  private entry(name: string): Promise<Uint8Array | 'absent' | 'damaged'> {
    const { folder } = this.view;
    return folder === undefined ? Promise.resolve('absent') : readEntryFile(path.join(folder, name));
  }
}
