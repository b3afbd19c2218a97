import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import type { RenderContext } from './render-document.ts';

let { hashOfSourceTree, jobKeys, RenderCache } = {} as typeof import('./render-cache.ts');
// The module is loaded afresh before each test, not imported at the top: the entry format (its
// header, its name pattern) is made when it loads, and the mutation run (Stryker) credits a change
// to it only to the tests during which the module loaded.
beforeEach(async () => {
  vi.resetModules();
  ({ hashOfSourceTree, jobKeys, RenderCache } = await import('./render-cache.ts'));
});

const bytes = (text: string) => new TextEncoder().encode(text);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function context(overrides: Partial<Record<keyof RenderContext, unknown>> = {}): RenderContext {
  return {
    fonts: {
      gothic: { regular: bytes('gothic'), bold: bytes('gothic-bold') },
      mincho: { regular: bytes('mincho') },
    },
    templateSources: [
      { name: 'plan', partial: false, text: '{{> measure}}' },
      { name: 'measure', partial: true, text: '<p>{{title}}</p>{{> budget}}' },
      { name: 'budget', partial: true, text: '<table></table>' },
      { name: 'unused', partial: true, text: 'x' },
      { name: 'excerpt', partial: false, text: '<p>抜粋</p>' },
    ],
    theme: { page: 'A4' },
    creationDate: new Date('2024-03-31T15:00:00Z'),
    formats: ['pdf', 'html'],
    ...overrides,
  } as unknown as RenderContext;
}

const job = (view: unknown = { title: '計画' }, template = 'plan') =>
  ({ name: '実施計画_2024-2026', template, view }) as unknown as DocumentJob;

const keyOf = async (j: DocumentJob, c: RenderContext) => (await jobKeys(j, c)).get('pdf')!;

describe('jobKeys', () => {
  it('gives each format its own key, the same for the same inputs', async () => {
    const keys = await jobKeys(job(), context());
    expect([...keys.keys()]).toEqual(['pdf', 'html']);
    expect(keys.get('pdf')).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.get('pdf')).not.toBe(keys.get('html'));
    expect(await jobKeys(job(), context())).toEqual(keys);
  });

  it('changes with the view, the template and every partial it reaches, the theme, the fonts and the date', async () => {
    const base = await keyOf(job(), context());
    const sources = context().templateSources;
    const withText = (name: string, text: string) =>
      context({ templateSources: sources.map((t) => (t.name === name ? { ...t, text } : t)) });
    const changed = [
      await keyOf(job({ title: '計画2' }), context()),
      await keyOf(job(undefined, 'excerpt'), context()),
      await keyOf(job(), withText('plan', '{{> measure}}!')),
      await keyOf(job(), withText('measure', '<p>{{title}}</p>')),
      await keyOf(job(), withText('budget', '<table><tr></tr></table>')),
      await keyOf(job(), context({ theme: { page: 'B5' } })),
      await keyOf(job(), context({ creationDate: new Date('2025-03-31T15:00:00Z') })),
      await keyOf(
        job(),
        context({ fonts: { gothic: { regular: bytes('gothic') }, mincho: { regular: bytes('mincho') } } }),
      ),
      await keyOf(
        job(),
        context({
          fonts: {
            gothic: { regular: bytes('gothic'), bold: bytes('gothic-bold') },
            mincho: { regular: bytes('mincho'), fallback: bytes('fallback') },
          },
        }),
      ),
    ];
    for (const [i, key] of changed.entries()) expect(key, `change ${i}`).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('does not change with a template the job does not reach', async () => {
    const base = await keyOf(job(), context());
    const sources = context().templateSources.map((t) => (t.name === 'unused' ? { ...t, text: 'y' } : t));
    expect(await keyOf(job(), context({ templateSources: sources }))).toBe(base);
    const excerptOnly = context().templateSources.map((t) => (t.name === 'excerpt' ? { ...t, text: '別' } : t));
    expect(await keyOf(job(), context({ templateSources: excerptOnly }))).toBe(base);
  });
  it('follows partials written without a space ({{>name}}) and as blocks ({{#> name}})', async () => {
    const sources = [
      { name: 'plan', partial: false, text: '{{>measure}}' },
      { name: 'measure', partial: true, text: '{{#> frame}}x{{/frame}}' },
      { name: 'frame', partial: true, text: '<div>{{> @partial-block}}</div>' },
    ];
    const withFrame = (text: string) =>
      context({ templateSources: sources.map((t) => (t.name === 'frame' ? { ...t, text } : t)) });
    expect(await keyOf(job(), withFrame('<section>{{> @partial-block}}</section>'))).not.toBe(
      await keyOf(job(), withFrame('<div>{{> @partial-block}}</div>')),
    );
  });

  it('copes with a partial that includes itself, or one that is not among the templates', async () => {
    const sources = [
      { name: 'plan', partial: false, text: '{{> tree}}{{> missing}}' },
      { name: 'tree', partial: true, text: '{{#each children}}{{> tree}}{{/each}}' },
    ];
    const key = await keyOf(job(), context({ templateSources: sources }));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const changedTree = sources.map((t) => (t.name === 'tree' ? { ...t, text: `${t.text}!` } : t));
    expect(await keyOf(job(), context({ templateSources: changedTree }))).not.toBe(key);
  });

  it('a font moved from one role or face to another changes the key', async () => {
    const fonts = (gothic: object, mincho: object) => context({ fonts: { gothic, mincho } });
    const x = bytes('x');
    const keys = [
      await keyOf(job(), fonts({ regular: bytes('g'), bold: x }, { regular: bytes('m') })),
      await keyOf(job(), fonts({ regular: bytes('g'), fallback: x }, { regular: bytes('m') })),
      await keyOf(job(), fonts({ regular: bytes('g') }, { regular: bytes('m'), bold: x })),
      await keyOf(job(), fonts({ regular: bytes('g') }, { regular: bytes('m') })),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('hashOfSourceTree', () => {
  async function tree(): Promise<{ parent: string; root: string }> {
    const parent = await mkdtemp(path.join(tmpdir(), 'keikaku-source-'));
    const root = path.join(parent, 'src');
    await mkdir(path.join(root, 'views', 'deep'), { recursive: true });
    await writeFile(path.join(root, 'main.ts'), 'export {}');
    await writeFile(path.join(root, 'views', 'deep', 'worker.mjs'), 'export {}');
    await writeFile(path.join(root, 'README.md'), '説明');
    await writeFile(path.join(parent, 'package.json'), '{"version":"1.0.0"}');
    return { parent, root };
  }

  it('is the sha256 of the scripts in every subfolder, of package.json and of the lockfile', async () => {
    const { parent, root } = await tree();
    const base = hashOfSourceTree(root);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOfSourceTree(root)).toBe(base);
    /** The hash with `file` holding `text`; the tree is put back afterwards. */
    const changed = async (file: string, text: string) => {
      const before = await readFile(file).catch(() => undefined);
      await writeFile(file, text);
      const hash = hashOfSourceTree(root);
      await (before ? writeFile(file, before) : rm(file));
      return hash;
    };
    const hashes = [
      await changed(path.join(root, 'main.ts'), 'export const a = 1;'),
      await changed(path.join(root, 'views', 'deep', 'worker.mjs'), 'export const b = 2;'),
      await changed(path.join(parent, 'package.json'), '{"version":"1.0.1"}'),
      await changed(path.join(parent, 'package-lock.json'), '{"lockfileVersion":3}'),
      await changed(path.join(root, 'views', 'extra.cts'), ''),
      await changed(path.join(root, 'views', 'extra.js'), ''),
    ];
    expect(new Set([base, ...hashes]).size).toBe(hashes.length + 1);
    expect(hashOfSourceTree(root)).toBe(base);
    // Files that are not scripts do not count.
    expect(await changed(path.join(root, 'README.md'), '別の説明')).toBe(base);
    expect(await changed(path.join(root, 'notes.tsx'), '')).toBe(base);
    expect(await changed(path.join(root, 'data.json'), '{}')).toBe(base);
  });

  it('counts a script’s name, not only its content', async () => {
    const { root } = await tree();
    const base = hashOfSourceTree(root);
    await rename(path.join(root, 'main.ts'), path.join(root, 'main2.ts'));
    expect(hashOfSourceTree(root)).not.toBe(base);
  });
});

describe('RenderCache', () => {
  const files: RenderedFile[] = [
    { name: '実施計画_2024-2026.pdf', bytes: bytes('%PDF 計画') },
    { name: '実施計画_2024-2026.html', bytes: bytes('<!doctype html>計画') },
  ];
  const keys = new Map([
    ['pdf', 'a'.repeat(64)],
    ['html', 'b'.repeat(64)],
  ] as const);

  async function filled(): Promise<{ dir: string; cache: InstanceType<typeof RenderCache> }> {
    const out = await mkdtemp(path.join(tmpdir(), 'keikaku-cache-'));
    const dir = path.join(out, '.cache');
    const cache = new RenderCache(dir);
    cache.put(job(), files, keys);
    await cache.commit();
    return { dir, cache: new RenderCache(dir) };
  }

  it('writes each entry as a header with the sha256 of its bytes, then the bytes; reads them back', async () => {
    const { dir, cache } = await filled();
    expect((await readdir(dir)).sort()).toEqual([`${'a'.repeat(64)}.pdf.entry`, `${'b'.repeat(64)}.html.entry`]);
    const entry = await readFile(path.join(dir, `${'a'.repeat(64)}.pdf.entry`));
    expect(entry.toString('latin1', 0, 81)).toBe(`keikaku-cache 1 ${sha256(files[0]!.bytes)}\n`);
    expect(new Uint8Array(entry.subarray(81))).toEqual(files[0]!.bytes);
    expect(await cache.get(job(), keys)).toEqual(files);
    expect(cache.notes).toEqual([]);
  });

  it('gives nothing when a format is missing, and keeps what is there', async () => {
    const { dir, cache } = await filled();
    const more = new Map([...keys, ['docx', 'c'.repeat(64)] as const]);
    expect(await cache.get(job(), more)).toBeUndefined();
    expect(cache.notes).toEqual([]);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('discards an entry whose bytes do not match its hash, or that is not a file, and says so', async () => {
    const { dir, cache } = await filled();
    const pdf = path.join(dir, `${'a'.repeat(64)}.pdf.entry`);
    const entry = await readFile(pdf);
    await writeFile(pdf, entry.subarray(0, entry.length - 1)); // truncated
    expect(await cache.get(job(), keys)).toBeUndefined();
    expect(cache.notes).toEqual([
      'out/.cache の 実施計画_2024-2026.pdf の控えが壊れているかファイルでないため、捨てて作り直しました',
    ]);
    expect(await readdir(dir)).toEqual([`${'b'.repeat(64)}.html.entry`]);

    const html = path.join(dir, `${'b'.repeat(64)}.html.entry`);
    const other = await mkdtemp(path.join(tmpdir(), 'keikaku-elsewhere-'));
    await writeFile(path.join(other, 'entry'), await readFile(html));
    await rm(html);
    await symlink(path.join(other, 'entry'), html);
    const again = new RenderCache(dir, 'キャッシュ');
    expect(await again.get(job(), new Map([['html', 'b'.repeat(64)]]))).toBeUndefined();
    expect(again.notes).toEqual([
      'キャッシュ の 実施計画_2024-2026.html の控えが壊れているかファイルでないため、捨てて作り直しました',
    ]);
    expect(await readFile(path.join(other, 'entry'))).toBeTruthy();
  });

  it('is not used at all when the cache folder, or the folder holding it, is not a real folder', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'keikaku-cache-'));
    const target = await mkdtemp(path.join(tmpdir(), 'keikaku-target-'));
    await symlink(target, path.join(out, '.cache'));
    const cache = new RenderCache(path.join(out, '.cache'));
    expect(await cache.get(job(), keys)).toBeUndefined();
    cache.put(job(), files, keys);
    await cache.commit();
    await cache.prune();
    expect(await readdir(target)).toEqual([]);
    expect(cache.notes).toEqual([
      'out/.cache がフォルダではない（記号リンクなど）ため、キャッシュを読み書きせずに全部作りました',
    ]);

    const parent = path.join(out, 'file-out');
    await writeFile(parent, '');
    const under = new RenderCache(path.join(parent, '.cache'), 'out/.cache');
    expect(await under.get(job(), keys)).toBeUndefined();
    expect(under.notes).toEqual([
      'out がフォルダではない（記号リンクなど）ため、キャッシュを読み書きせずに全部作りました',
    ]);
  });

  it('writes queued entries only on commit, and says so (without failing) when it cannot', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'keikaku-cache-'));
    const dir = path.join(out, '.cache');
    const cache = new RenderCache(dir);
    cache.put(job(), files, keys);
    expect(await readdir(out)).toEqual([]);
    await cache.commit();
    expect(await readdir(dir)).toHaveLength(2);

    const blocked = path.join(out, 'blocked', '.cache');
    await mkdir(blocked, { recursive: true });
    await mkdir(path.join(blocked, `${'a'.repeat(64)}.pdf.entry`)); // a folder where the entry goes
    const failing = new RenderCache(blocked);
    failing.put(job(), files, keys);
    await failing.commit();
    expect(failing.notes).toHaveLength(1);
    expect(failing.notes[0]).toMatch(/^out\/\.cache に控えを書けませんでした（.+）。次のビルドは全部作り直します$/);
  });

  it('prune keeps the entries this build used or wrote and removes the rest (older names too), nothing else', async () => {
    const { dir, cache } = await filled();
    const stale = `${'c'.repeat(64)}.pdf.entry`;
    const older = `${'d'.repeat(64)}.pdf`;
    const lookalikes = [
      `x${'c'.repeat(64)}.pdf.entry`,
      `${'c'.repeat(64)}.pdf.entry.bak`,
      'cafe.pdf',
      `${'g'.repeat(64)}.pdf.entry`,
    ];
    const docx = `${'f'.repeat(64)}.docx.entry`;
    for (const name of [stale, older, docx, 'README.txt', ...lookalikes]) await writeFile(path.join(dir, name), '');
    expect(await cache.get(job(), new Map([['pdf', 'a'.repeat(64)]]))).toHaveLength(1);
    await cache.prune();
    expect((await readdir(dir)).sort()).toEqual(['README.txt', `${'a'.repeat(64)}.pdf.entry`, ...lookalikes].sort());

    const writer = new RenderCache(dir);
    writer.put(job(), [files[1]!], new Map([['html', 'e'.repeat(64)]]));
    await writer.commit();
    await writer.prune();
    expect((await readdir(dir)).sort()).toEqual(['README.txt', `${'e'.repeat(64)}.html.entry`, ...lookalikes].sort());
  });

  it('discards a folder planted at an entry’s name, and says so', async () => {
    const { dir, cache } = await filled();
    const pdf = path.join(dir, `${'a'.repeat(64)}.pdf.entry`);
    await rm(pdf);
    await mkdir(pdf);
    await writeFile(path.join(pdf, 'inside'), '');
    expect(await cache.get(job(), keys)).toBeUndefined();
    expect(cache.notes).toEqual([
      'out/.cache の 実施計画_2024-2026.pdf の控えが壊れているかファイルでないため、捨てて作り直しました',
    ]);
    expect(await readdir(dir)).toEqual([`${'b'.repeat(64)}.html.entry`]);
  });

  // Counted in /proc/self/fd (Linux, as in CI): node lists no open file among its active resources.
  it.runIf(existsSync('/proc/self/fd'))('leaves no file open after reading entries', async () => {
    const { cache } = await filled();
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    expect(await cache.get(job(), keys)).toEqual(files);
    expect(open()).toBe(before);
  });

  it('queues only the files whose format has a key; commit with nothing queued creates nothing', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'keikaku-cache-'));
    const dir = path.join(out, '.cache');
    const idle = new RenderCache(dir);
    await idle.commit();
    expect(await readdir(out)).toEqual([]);
    const cache = new RenderCache(dir);
    cache.put(job(), files, new Map([['pdf', 'a'.repeat(64)]]));
    await cache.commit();
    expect(await readdir(dir)).toEqual([`${'a'.repeat(64)}.pdf.entry`]);
  });

  it('prune does nothing when there is no cache folder, and never prunes through a link', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'keikaku-cache-'));
    await new RenderCache(path.join(out, '.cache')).prune();
    expect(await readdir(out)).toEqual([]);
    const target = await mkdtemp(path.join(tmpdir(), 'keikaku-target-'));
    const entry = `${'c'.repeat(64)}.pdf.entry`;
    await writeFile(path.join(target, entry), '');
    await symlink(target, path.join(out, '.cache'));
    await new RenderCache(path.join(out, '.cache')).prune();
    expect(await readdir(target)).toEqual([entry]);
  });

  it('remove deletes the folder, and is fine when there is none', async () => {
    const { dir } = await filled();
    await RenderCache.remove(dir);
    await RenderCache.remove(dir);
    expect(await readdir(path.dirname(dir))).toEqual([]);
  });
});
