// A worker thread reads out/.cache itself, without waiting for an answer from the main thread
// (which reads messages only between its long stretches of work), and leaves to the main thread
// what changes the cache: removing a damaged entry (and saying so), noting what it used.
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentJob } from './document-job.ts';
import type { RenderContext } from './render-document.ts';
import { RenderCache } from './render-cache.ts';
import { CacheClient, cacheHost, type CacheRequest } from './worker-cache.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const KEY = 'a'.repeat(64);
const job = { name: '担当課別/総務課', template: 'excerpt', view: {} } as unknown as DocumentJob;
const context = {
  fonts: { gothic: { regular: bytes('gothic'), bold: bytes('gothic-bold') }, mincho: { regular: bytes('mincho') } },
  theme: { page: 'A4' },
} as unknown as RenderContext;

/** A cache in a fresh out/ holding one part record and this job's fitted widths, as a build leaves them. */
async function cacheWithEntries(): Promise<{ cache: RenderCache; dir: string }> {
  const out = await mkdtemp(path.join(tmpdir(), 'keikaku-worker-cache-'));
  const dir = path.join(out, '.cache');
  const cache = new RenderCache(dir);
  await cache.prepare(context);
  cache.partStore(job).write(KEY, bytes('組版の記録'), 'part');
  (await cache.fitMemo(job)).set('表1', [120, 240]);
  cache.put(job, [], new Map([['pdf', 'b'.repeat(64)]]));
  await cache.commit();
  // The cache of the next build, which the worker serves.
  const next = new RenderCache(dir);
  await next.prepare(context);
  return { cache: next, dir };
}

/** The worker's side with a main thread that never answers: it only collects the messages. */
async function unansweredClient(cache: RenderCache) {
  const told: CacheRequest[] = [];
  const client = new CacheClient(await cache.workerView([job]), (request) => told.push(request));
  return { told, opened: await client.open(0) };
}

describe('a worker’s out/.cache', () => {
  it('reads its parts and widths with no answer from the main thread', async () => {
    const { cache } = await cacheWithEntries();
    const { told, opened } = await unansweredClient(cache);
    expect(new TextDecoder().decode(await opened.parts.read(KEY, 'part'))).toBe('組版の記録');
    expect(await opened.parts.read('c'.repeat(64), 'part')).toBeUndefined();
    expect(opened.fits.known()).toEqual([['表1', [120, 240]]]);
    expect(told).toEqual([{ cache: true, ask: 'open', index: 0 }]);
  });

  it('does not use a damaged entry, and the main thread removes it and says so', async () => {
    const { cache, dir } = await cacheWithEntries();
    const entry = path.join(dir, `${KEY}.part.entry`);
    const damaged = await readFile(entry);
    damaged[damaged.length - 1]! ^= 0xff;
    await writeFile(entry, damaged);

    const { told, opened } = await unansweredClient(cache);
    expect(await opened.parts.read(KEY, 'part')).toBeUndefined();
    expect(told.at(-1)).toEqual({ cache: true, ask: 'damaged', index: 0, key: KEY, kind: 'part' });
    expect(await readdir(dir)).toContain(`${KEY}.part.entry`);

    const host = cacheHost({ parts: (j) => cache.partStore(j), fits: (j) => cache.fitMemo(j) }, [job])!;
    for (const request of told) host.take(request);
    await host.settled();
    expect(await readdir(dir)).not.toContain(`${KEY}.part.entry`);
    expect(cache.notes).toEqual([
      'out/.cache の 担当課別/総務課（組版の部分） の控えが壊れているかファイルでないため、捨てて作り直しました',
    ]);
  });

  it('reads nothing when out/.cache is a link to another folder', async () => {
    const { dir } = await cacheWithEntries();
    const out = await mkdtemp(path.join(tmpdir(), 'keikaku-worker-cache-link-'));
    await mkdir(out, { recursive: true });
    await symlink(dir, path.join(out, '.cache'), 'dir');
    const linked = new RenderCache(path.join(out, '.cache'));
    await linked.prepare(context);
    const { opened } = await unansweredClient(linked);
    expect(await opened.parts.read(KEY, 'part')).toBeUndefined();
    expect(opened.fits.known()).toEqual([]);
  });

  it('has the widths the worker used and made noted by the main thread before the build writes the cache', async () => {
    const { cache, dir } = await cacheWithEntries();
    const { told, opened } = await unansweredClient(cache);
    expect(opened.fits.get('表1')).toEqual([120, 240]);
    opened.fits.set('表2', [90]);
    const host = cacheHost({ parts: (j) => cache.partStore(j), fits: (j) => cache.fitMemo(j) }, [job])!;
    for (const request of told) host.take(request);
    await host.settled();
    cache.put(job, [], new Map([['pdf', 'b'.repeat(64)]]));
    await cache.commit();
    const again = new RenderCache(dir);
    await again.prepare(context);
    expect((await again.fitMemo(job)).known()).toEqual([
      ['表1', [120, 240]],
      ['表2', [90]],
    ]);
  });
});
