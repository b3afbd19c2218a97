// out/.cache for documents rendered on a worker thread: the worker's print layout reads and
// leaves its laid-out parts, drawn pages and Word sections, and its tables' fitted widths, through
// the main thread's cache (render-cache.ts), by messages. The main thread owns the cache: it
// checks what it reads, and writes what a build made only when the build succeeds; a worker
// never touches out/.cache itself.
//
// Without this a worker rendered its documents whole: a rebuild of a long plan after one 施策
// changed laid out every part of each excerpt given to a worker (19 s for one excerpt of a
// 1,400-施策 plan, where the main thread reused the plan's parts).
import type { PartEntryKind, PartStore } from '../backends/pdf/part-cache.ts';
import type { FitMemo } from '../layout/fit-columns.ts';
import type { DocumentJob } from './document-job.ts';
import type { RenderContext } from './render-document.ts';

/** A worker's request about the job at `index` of the pool's order. */
export type CacheRequest = { readonly cache: true; readonly index: number } & (
  | { readonly ask: 'open'; readonly id: number }
  | { readonly ask: 'read'; readonly id: number; readonly key: string; readonly kind: PartEntryKind }
  | { readonly ask: 'keep'; readonly key: string }
  | { readonly ask: 'write'; readonly key: string; readonly kind: PartEntryKind; readonly record: Uint8Array }
  | { readonly ask: 'fit-used'; readonly key: string }
  | { readonly ask: 'fit-set'; readonly key: string; readonly widths: readonly number[] }
);
/** A request of kind A as its sender writes it (each kind of a union apart). */
type Ask<A extends CacheRequest['ask']> =
  Extract<CacheRequest, { ask: A }> extends infer R ? (R extends unknown ? Omit<R, 'cache' | 'id'> : never) : never;

/** The main thread's reply to an `open` or a `read`. */
export interface CacheReply {
  readonly reply: number;
  /** open: the parts' salt and the job's fitted widths (absent: the job is rendered uncached). */
  readonly salt?: string;
  readonly widths?: readonly (readonly [string, readonly number[]])[];
  /** read: the entry's bytes, if out/.cache has it. */
  readonly bytes?: Uint8Array;
}

export const isCacheRequest = (message: object): message is CacheRequest => 'cache' in message;

/**
 * The main thread's side: answers a worker's requests with the cache the main thread's own
 * documents use (`context.parts`, `context.fits`), or undefined when the build has no cache.
 */
/** Answers a worker's request (a reply only to `open` and `read`). */
export type CacheHost = (request: CacheRequest, reply: (answer: CacheReply) => void) => void;

export function cacheHost(
  context: Pick<RenderContext, 'parts' | 'fits'>,
  jobs: readonly DocumentJob[],
): CacheHost | undefined {
  const { parts, fits } = context;
  if (!parts || !fits) return undefined;
  /** Each job's store and widths, made once (a store made again would forget the job's parts). */
  const opened = new Map<number, { store: PartStore; memo?: FitMemo }>();
  const storeOf = (index: number) => {
    let job = opened.get(index);
    if (!job) opened.set(index, (job = { store: parts(jobs[index]!) }));
    return job;
  };
  return (request, reply) => {
    const job = storeOf(request.index);
    switch (request.ask) {
      case 'open':
        fits(jobs[request.index]!).then(
          (memo) => {
            job.memo = memo;
            reply({ reply: request.id, salt: job.store.salt, widths: memo.known() });
          },
          () => reply({ reply: request.id }),
        );
        break;
      case 'read':
        job.store.read(request.key, request.kind).then(
          (bytes) => reply({ reply: request.id, ...(bytes ? { bytes } : {}) }),
          () => reply({ reply: request.id }),
        );
        break;
      case 'keep':
        job.store.keep(request.key);
        break;
      case 'write':
        job.store.write(request.key, request.record, request.kind);
        break;
      // Sent only after `open` was answered: the job's widths are known by then.
      case 'fit-used':
        job.memo?.get(request.key);
        break;
      case 'fit-set':
        job.memo?.set(request.key, request.widths);
        break;
    }
  };
}

/** The worker's side: asks the main thread, and is told its replies. */
export class CacheClient {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: CacheReply) => void>();

  constructor(private readonly post: (request: CacheRequest) => void) {}

  /** A reply from the main thread. */
  answer(reply: CacheReply): void {
    const waiter = this.waiting.get(reply.reply);
    this.waiting.delete(reply.reply);
    waiter?.(reply);
  }

  /** The cache of the job at `index`: its parts and fitted widths, or undefined without one. */
  async open(index: number): Promise<{ parts: PartStore; fits: FitMemo } | undefined> {
    const { salt, widths } = await this.ask({ ask: 'open', index });
    if (salt === undefined) return undefined;
    const known = new Map(widths);
    const tell = (request: Ask<'keep' | 'write' | 'fit-used' | 'fit-set'>) => this.post({ cache: true, ...request });
    return {
      parts: {
        salt,
        read: async (key, kind) => (await this.ask({ ask: 'read', index, key, kind })).bytes,
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

  private ask(request: Ask<'open'> | Ask<'read'>): Promise<CacheReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ cache: true, id, ...request });
    });
  }
}
