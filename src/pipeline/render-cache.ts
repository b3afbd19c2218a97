// out/.cache: the bytes of each document, keyed by a hash of everything that makes them (the
// view of the data it shows, the templates and theme, the fonts, keikaku's own code, the date), so that a
// rebuild renders only the documents whose inputs changed. Safe to delete at any time.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/write-file.ts';
import type { OutputFormat } from '../backends/backend.ts';
import { FONT_ROLES } from '../theme/theme.ts';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import type { RenderContext } from './render-document.ts';

export const CACHE_DIR = '.cache';

const SOURCE_ROOT = fileURLToPath(new URL('../', import.meta.url));

let codeHash: Promise<string> | undefined;

/** A hash of keikaku's own source: a new version never reuses an old version's output. */
function hashOfCode(): Promise<string> {
  codeHash ??= (async () => {
    const hash = createHash('sha256');
    const files = (await readdir(SOURCE_ROOT, { recursive: true })).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
    for (const file of files) hash.update(file).update(await readFile(path.join(SOURCE_ROOT, file)));
    return hash.digest('hex');
  })();
  return codeHash;
}

const fontHashes = new WeakMap<object, string>();

function hashOfFonts(fonts: RenderContext['fonts']): string {
  let hash = fontHashes.get(fonts);
  if (!hash) {
    const h = createHash('sha256');
    for (const role of FONT_ROLES) {
      const face = fonts[role];
      h.update(role).update(face.regular);
      if (face.bold) h.update('bold').update(face.bold);
    }
    hash = h.digest('hex');
    fontHashes.set(fonts, hash);
  }
  return hash;
}

/** The main template and every partial it reaches through {{> name}}: a change elsewhere does not touch this job. */
function templatesUsed(main: string, sources: RenderContext['templateSources']): RenderContext['templateSources'] {
  const byName = new Map(sources.map((t) => [`${t.partial ? 'p' : 'm'}:${t.name}`, t]));
  const used = new Map<string, RenderContext['templateSources'][number]>();
  const visit = (key: string) => {
    const source = byName.get(key);
    if (!source || used.has(key)) return;
    used.set(key, source);
    for (const m of source.text.matchAll(/\{\{#?>\s*([\w-]+)/g)) visit(`p:${m[1]}`);
  };
  visit(`m:${main}`);
  return [...used.values()];
}

/** The cache key of each format of a job (the inputs are hashed once, the format added last). */
export async function jobKeys(job: DocumentJob, context: RenderContext): Promise<Map<OutputFormat, string>> {
  const inputs = createHash('sha256')
    .update(await hashOfCode())
    .update(hashOfFonts(context.fonts))
    .update(
      JSON.stringify(templatesUsed(job.template, context.templateSources).map((t) => [t.name, t.partial, t.text])),
    )
    .update(JSON.stringify(context.theme))
    .update(JSON.stringify({ template: job.template, view: job.view, date: context.creationDate.toISOString() }))
    .digest('hex');
  return new Map(
    context.formats.map((format) => [format, createHash('sha256').update(inputs).update(format).digest('hex')]),
  );
}

export class RenderCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  private file(key: string, format: OutputFormat) {
    return path.join(this.dir, `${key}.${format}`);
  }

  /** The cached files of a job, or undefined when any format is missing. */
  async get(job: DocumentJob, keys: ReadonlyMap<OutputFormat, string>): Promise<RenderedFile[] | undefined> {
    const files: RenderedFile[] = [];
    for (const [format, key] of keys) {
      const bytes = await readFile(this.file(key, format)).catch(() => undefined);
      if (!bytes) return undefined;
      files.push({ name: `${job.name}.${format}`, bytes: new Uint8Array(bytes) });
    }
    for (const [format, key] of keys) this.used.add(`${key}.${format}`);
    return files;
  }

  async put(files: readonly RenderedFile[], keys: ReadonlyMap<OutputFormat, string>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const file of files) {
      const format = path.extname(file.name).slice(1) as OutputFormat;
      const key = keys.get(format);
      if (!key) continue;
      await writeFileAtomic(this.file(key, format), file.bytes);
      this.used.add(`${key}.${format}`);
    }
  }

  /** Removes the entries this build did not use, so the cache holds one build's worth. */
  async prune(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((n) => /^[0-9a-f]{64}\.\w+$/.test(n) && !this.used.has(n))
        .map((n) => rm(path.join(this.dir, n), { force: true })),
    );
  }

  static async remove(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }
}
