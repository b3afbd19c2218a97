// out/.cache: the bytes of each document, keyed by a hash of everything that makes them (the
// view of the data it shows, the templates and theme, the fonts, keikaku's own code and its
// dependencies' versions, the date), so that a rebuild renders only the documents whose inputs
// changed; and the laid-out parts of their print layouts (the front matter, each 施策), so that
// a changed document lays out only its changed parts again. Safe to delete at any time. The cache is untrusted input: an entry is used only if
// it is a regular file (never a link) whose recorded content hash matches, and the cache is
// written only once a build has written out/.
import { createHash } from 'node:crypto';
import { constants, readdirSync, readFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { writeErrorCause } from '../io/file-errors.ts';
import { embeddedCode, ownRoot } from '../io/own-files.ts';
import { removeStaleTemporaries, writeFileAtomic } from '../io/write-file.ts';
import type { OutputFormat } from '../backends/backend.ts';
import { FONT_ROLES } from '../theme/theme.ts';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import type { RenderContext } from './render-document.ts';
import type { PartEntryKind, PartStore } from '../backends/pdf/part-cache.ts';
import type { CacheView } from './worker-cache.ts';
import type { FitMemo } from '../layout/fit-columns.ts';
import type { FileFindings, ValidationMemo } from '../data/validate.ts';

export const CACHE_DIR = '.cache';

let codeHash: string | undefined;

/**
 * A hash of keikaku's own source and of the exact versions of its dependencies (the lockfile):
 * a new version of keikaku, or an upgraded pdfkit, never reuses an old version's output. The
 * single executable hashes the code it carries (its dependencies bundled in).
 */
function hashOfCode(): Promise<string> {
  if (codeHash === undefined) {
    const embedded = embeddedCode();
    codeHash = embedded
      ? createHash('sha256').update('executable').update(embedded).digest('hex')
      : // The TypeScript sources, also when lib/ (compiled from them, bin/keikaku.js checks) runs:
        // a build by either shares the other's cache.
        hashOfSourceTree(path.join(ownRoot(), 'src'));
  }
  return Promise.resolve(codeHash);
}

/**
 * The sha256 (hex) of every script under `root` (.js, .ts, .mjs, .cjs, .mts, .cts, in any
 * subfolder; names and contents, in name order) and of package.json and package-lock.json in the
 * folder above it (either may be missing).
 */
export function hashOfSourceTree(root: string): string {
  // Read synchronously: about 200 small files, which one by one through fs/promises (open,
  // stat, read, close, each a round trip to the thread pool) took 130 ms of every build's start,
  // and 8 ms this way.
  const hash = createHash('sha256');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[cm]?[jt]s$/.test(f))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(path.join(root, file)));
  for (const file of ['package.json', 'package-lock.json']) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(root, '..', file));
    } catch {
      bytes = Buffer.alloc(0);
    }
    hash.update(file).update(bytes);
  }
  return hash.digest('hex');
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
      if (face.fallback) h.update('fallback').update(face.fallback);
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

/** An entry starts with this line and the sha256 of the bytes that follow it. */
const HEADER = 'keikaku-cache 1 ';
const HEADER_LENGTH = HEADER.length + 64 + 1;
// Entries end in `.entry`, not in `.html` or `.pdf`: a tool run over out/ (a validator, a
// search) must not take them for documents. Names without it are an older keikaku's, pruned.
const ENTRY_NAME = /^[0-9a-f]{64}\.\w+(?:\.entry)?$/;
const entryName = (key: string, format: OutputFormat) => `${key}.${format}.entry`;
/** The fitted widths of a document's tables (layout/fit-columns.ts), by a hash of the table. */
const fitsName = (salt: string, job: DocumentJob) =>
  `${createHash('sha256').update(salt).update('\n').update(job.name).digest('hex')}.fits.entry`;
/**
 * A laid-out part of a print layout (backends/pdf/part-record.ts), its drawn pages (drawn-pages.ts)
 * or a Word section (backends/docx/section-cache.ts); or a document's compressed streams
 * (backends/pdf/stream-memo.ts).
 */
export const partName = (key: string, kind: PartEntryKind = 'part') => `${key}.${kind}.entry`;
/** The parts a document's print layout used, one key a line: kept while the document is. */
const partListName = (keys: ReadonlyMap<OutputFormat, string>) => `${[...keys.values()][0]}.parts.entry`;

const PART_KINDS: readonly PartEntryKind[] = ['part', 'drawn', 'word', 'streams'];
const PART_KIND_NAMES: Readonly<Record<PartEntryKind, string>> = {
  part: '組版の部分',
  drawn: '描いた部分',
  word: 'Word の部分',
  streams: 'PDF の圧縮済みデータ',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * An entry's bytes if it is a regular file whose recorded content hash matches; 'damaged' if it
 * is anything else that exists (a link, a folder, a file cut or altered), which the cache's owner
 * removes. Also what a worker thread reads with (worker-cache.ts).
 */
export async function readEntryFile(file: string): Promise<Uint8Array | 'absent' | 'damaged'> {
  const header = Buffer.alloc(HEADER_LENGTH);
  let bytes: Uint8Array;
  try {
    // O_NOFOLLOW: a link planted in the cache is never read through.
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size < HEADER_LENGTH) return 'damaged';
      // The header and the content read into buffers of their own: the content is not copied out
      // of the file's bytes (a large rebuild reads a hundred MB of entries), and what is returned
      // owns its whole ArrayBuffer, as a render worker hands its files' buffers over.
      bytes = new Uint8Array(stat.size - HEADER_LENGTH);
      if (!(await readFully(handle, header, 0)) || !(await readFully(handle, bytes, HEADER_LENGTH))) return 'damaged';
    } finally {
      await handle.close();
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'damaged';
  }
  return header.toString('latin1') === `${HEADER}${sha256(bytes)}\n` ? bytes : 'damaged';
}

/** Fills `into` from the file at `position`; false if the file ends first. */
async function readFully(handle: FileHandle, into: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

/** The fitted widths a fits entry holds (none if it is missing or not what keikaku writes). */
export function fitWidths(bytes: Uint8Array | undefined): Map<string, readonly number[]> {
  const known = new Map<string, readonly number[]>();
  try {
    if (bytes)
      for (const [key, widths] of Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as object))
        if (Array.isArray(widths) && widths.every((w) => typeof w === 'number')) known.set(key, widths);
  } catch {
    known.clear();
  }
  return known;
}

export class RenderCache {
  private readonly used = new Set<string>();
  /** The part records each job's print layout read or wrote, by job name. */
  private readonly partsByJob = new Map<string, Set<string>>();
  /** What every laid-out part depends on beside its own definition: keikaku's code and the fonts. */
  private partSalt = '';
  /** What every fitted width depends on beside its table: the code, the fonts, the theme. */
  private fitSalt = '';
  /** Each job's fitted widths: the entry's name, the widths this build used, whether any is new. */
  private readonly fitsByJob = new Map<
    string,
    { name: string; used: Map<string, readonly number[]>; added: boolean }
  >();
  private readonly pending: { readonly name: string; readonly bytes: Uint8Array }[] = [];
  private usable: Promise<boolean> | undefined;
  private readonly noted = new Map<string, number>();
  /** The validation memo's entry as this build leaves it (validationMemo). */
  private validation: { name: string; lines: () => string[] | undefined } | undefined;

  /** What the user should know about the cache (a damaged entry, a link), in Japanese, each once. */
  get notes(): string[] {
    return [...this.noted].map(([note, count]) => (count > 1 ? `${note}（${count} 件）` : note));
  }

  private note(text: string): void {
    this.noted.set(text, (this.noted.get(text) ?? 0) + 1);
  }

  /** `dir` is out/.cache; `shown` is how messages name it. */
  constructor(
    private readonly dir: string,
    readonly shown = 'out/.cache',
  ) {}

  private file(name: string) {
    return path.join(this.dir, name);
  }

  /** The cache folder is used only when it is absent or a real folder: never through a link. */
  private isUsable(): Promise<boolean> {
    this.usable ??= (async () => {
      for (const dir of [path.dirname(this.dir), this.dir]) {
        const stat = await lstat(dir).catch(() => undefined);
        if (stat && !stat.isDirectory()) {
          this.note(
            `${dir === this.dir ? this.shown : path.dirname(this.shown)} がフォルダではない（記号リンクなど）ため、キャッシュを読み書きせずに全部作りました`,
          );
          return false;
        }
      }
      return true;
    })();
    return this.usable;
  }

  /** Learns what the build's parts and fitted widths depend on (before any get). */
  async prepare(context: Pick<RenderContext, 'fonts' | 'theme'>): Promise<void> {
    this.partSalt = createHash('sha256')
      .update(await hashOfCode())
      .update(hashOfFonts(context.fonts))
      .digest('hex');
    this.fitSalt = createHash('sha256').update(this.partSalt).update(JSON.stringify(context.theme)).digest('hex');
  }

  /** The cached files of a job, or undefined when any format is missing or fails its check. */
  async get(job: DocumentJob, keys: ReadonlyMap<OutputFormat, string>): Promise<RenderedFile[] | undefined> {
    if (!(await this.isUsable())) return undefined;
    const files: RenderedFile[] = [];
    for (const [format, key] of keys) {
      const bytes = await this.read(entryName(key, format), `${job.name}.${format}`);
      if (!bytes) return undefined;
      files.push({ name: `${job.name}.${format}`, bytes });
    }
    for (const [format, key] of keys) this.used.add(entryName(key, format));
    // Its tables' widths and the parts of its print layout stay too: the next change reuses them.
    this.used.add(fitsName(this.fitSalt, job));
    const parts = await this.read(partListName(keys), `${job.name}（組版の部分の一覧）`);
    if (parts) {
      this.used.add(partListName(keys));
      for (const key of new TextDecoder().decode(parts).split('\n')) if (/^[0-9a-f]{64}$/.test(key)) this.keepPart(key);
    }
    return files;
  }

  /**
   * The widths a job's tables were fitted to in the last build (for this theme, fonts and code);
   * what this build fits is kept in their place when it succeeds (only this build's tables).
   */
  async fitMemo(job: DocumentJob): Promise<FitMemo> {
    const name = fitsName(this.fitSalt, job);
    const known = fitWidths((await this.isUsable()) ? await this.read(name, `${job.name}（表の列幅）`) : undefined);
    const record = { name, used: new Map<string, readonly number[]>(), added: false };
    this.fitsByJob.set(job.name, record);
    return {
      get: (key) => {
        const widths = known.get(key);
        if (widths) record.used.set(key, widths);
        return widths;
      },
      set: (key, widths) => {
        record.used.set(key, widths);
        record.added = true;
      },
      known: () => [...known],
    };
  }

  /**
   * What validation found of each data file before (data/validate.ts), for this code and these
   * fonts: one entry, a line per file (its key, a space, its findings as JSON), each line's JSON
   * parsed only for a file asked for. Written at `commit` with the files this build validated
   * when any was new or one went; else kept as it is.
   */
  async validationMemo(): Promise<ValidationMemo> {
    const name = `${createHash('sha256').update(this.partSalt).update('\nvalidation').digest('hex')}.validated.entry`;
    const bytes = (await this.isUsable()) ? await this.read(name, 'データの検証結果') : undefined;
    const known = new Map<string, string>();
    for (const line of bytes ? new TextDecoder().decode(bytes).split('\n') : []) {
      const key = line.slice(0, 64);
      if (/^[0-9a-f]{64}$/.test(key) && line[64] === ' ') known.set(key, line.slice(65));
    }
    const used = new Map<string, string>();
    let added = false;
    this.validation = {
      name,
      lines: () => (added || used.size !== known.size ? [...used].map(([key, json]) => `${key} ${json}`) : undefined),
    };
    return {
      get: (key) => {
        const json = known.get(key);
        if (json === undefined) return undefined;
        try {
          const findings = JSON.parse(json) as FileFindings;
          if (typeof findings !== 'object' || findings === null || !Array.isArray(findings.diagnostics))
            return undefined;
          used.set(key, json);
          return findings;
        } catch {
          // Not what keikaku writes (its checksum held): validated again.
          return undefined;
        }
      },
      set: (key, findings) => {
        // Now: what the build does with the values later must not reach the memo.
        used.set(key, JSON.stringify(findings));
        added = true;
      },
    };
  }

  /** What worker threads read of out/.cache themselves for these jobs (by their index). */
  async workerView(jobs: readonly DocumentJob[]): Promise<CacheView> {
    return {
      ...((await this.isUsable()) ? { folder: this.dir } : {}),
      salt: this.partSalt,
      fitsEntries: jobs.map((job) => fitsName(this.fitSalt, job)),
    };
  }

  /** Where a job's print layout finds and leaves its laid-out parts (backends/pdf/part-cache.ts). */
  partStore(job: DocumentJob): PartStore {
    const keys = new Set<string>();
    this.partsByJob.set(job.name, keys);
    return {
      salt: this.partSalt,
      read: async (key, kind) =>
        (await this.isUsable()) ? this.read(partName(key, kind), `${job.name}（${PART_KIND_NAMES[kind]}）`) : undefined,
      keep: (key) => {
        keys.add(key);
        this.keepPart(key);
      },
      write: (key, record, kind) => {
        keys.add(key);
        this.pending.push({ name: partName(key, kind), bytes: record });
      },
    };
  }

  /** A part's entries of every kind stay in the cache. */
  private keepPart(key: string): void {
    for (const kind of PART_KINDS) this.used.add(partName(key, kind));
  }

  /** An entry's bytes if it is a regular file whose content hash matches; a bad entry is removed. */
  private async read(name: string, document: string): Promise<Uint8Array | undefined> {
    const found = await readEntryFile(this.file(name));
    if (found === 'absent') return undefined;
    return found === 'damaged' ? this.discard(name, document) : found;
  }

  private async discard(name: string, document: string): Promise<undefined> {
    this.note(`${this.shown} の ${document} の控えが壊れているかファイルでないため、捨てて作り直しました`);
    // recursive: a folder planted at an entry's name goes too (a link is removed, not followed).
    await rm(this.file(name), { force: true, recursive: true });
    return undefined;
  }

  /** Queues a job's files; they reach the cache only when `commit` is called (a build that worked). */
  put(job: DocumentJob, files: readonly RenderedFile[], keys: ReadonlyMap<OutputFormat, string>): void {
    for (const file of files) {
      const format = path.extname(file.name).slice(1) as OutputFormat;
      const key = keys.get(format);
      if (key) this.pending.push({ name: entryName(key, format), bytes: file.bytes });
    }
    const fits = this.fitsByJob.get(job.name);
    if (fits?.added)
      this.pending.push({
        name: fits.name,
        bytes: new TextEncoder().encode(JSON.stringify(Object.fromEntries(fits.used))),
      });
    else if (fits) this.used.add(fits.name);
    const parts = this.partsByJob.get(job.name);
    if (parts && parts.size > 0 && keys.size > 0)
      this.pending.push({ name: partListName(keys), bytes: new TextEncoder().encode([...parts].join('\n')) });
  }

  /** Writes the queued entries (each atomically, with its content hash) and clears dead temporaries. */
  async commit(): Promise<void> {
    if (this.validation) {
      const lines = this.validation.lines();
      if (lines) this.pending.push({ name: this.validation.name, bytes: new TextEncoder().encode(lines.join('\n')) });
      else this.used.add(this.validation.name);
    }
    if (!(await this.isUsable()) || this.pending.length === 0) return;
    try {
      await this.writePending();
    } catch (error) {
      // The documents are already in out/: a cache that cannot be written only costs speed.
      if (typeof (error as NodeJS.ErrnoException)?.code !== 'string') throw error;
      this.note(`${this.shown} に控えを書けませんでした（${writeErrorCause(error)}）。次のビルドは全部作り直します`);
    }
  }

  private async writePending(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await removeStaleTemporaries(this.dir);
    for (const { name, bytes } of this.pending.splice(0)) {
      await writeFileAtomic(
        this.file(name),
        Buffer.concat([Buffer.from(`${HEADER}${sha256(bytes)}\n`, 'latin1'), bytes]),
      );
      this.used.add(name);
    }
  }

  /** Removes the entries this build did not use, so the cache holds one build's worth. */
  async prune(): Promise<void> {
    if (!(await this.isUsable())) return;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => ENTRY_NAME.test(n) && !this.used.has(n)).map((n) => rm(this.file(n), { force: true })),
    );
  }

  static async remove(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }
}
