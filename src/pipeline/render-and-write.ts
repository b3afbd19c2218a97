// The orchestrator every command that makes documents goes through: document jobs → (out/.cache
// or render, on worker threads when large) → atomic write into out/ → one log line per file,
// naming the inputs it came from. Everything is rendered before anything is written, so a
// failure leaves out/ as it was.
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { displayPath } from '../io/paths.ts';
import { writeErrorCause } from '../io/file-errors.ts';
import { assertOutputFolder, OutputPathError, writeDocuments } from '../io/write-file.ts';
import type { DocumentJob, RenderedFile } from './document-job.ts';
import { pruneStaleDocuments } from './output-manifest.ts';
import { CACHE_DIR, jobKeys, RenderCache } from './render-cache.ts';
import type { RenderContext } from './render-document.ts';
import type { OutputFormat } from '../backends/backend.ts';
import { renderAll } from './render-pool.ts';
import { documentCost, duration } from './progress.ts';

export interface WriteOptions {
  readonly cwd: string;
  /** Absolute. */
  readonly outDir: string;
  /** fonts/ beside the package when absent (render workers load the fonts themselves). */
  readonly fontsDir?: string;
  /** What the documents are made from, for the log: `data/ と templates/`. */
  readonly inputs: string;
  /**
   * out/.cache: `prune` keeps one build's worth (the whole build's); `read-write` adds without
   * removing (a single document such as the 新旧対照表); `off` neither reads nor writes.
   */
  readonly cache: 'prune' | 'read-write' | 'off';
  /** out/.cache as the caller opened it (build: validation read its memo), instead of opening it here. */
  readonly openedCache?: RenderCache;
  /**
   * A whole build (every document of the plan): documents that an earlier whole build wrote and
   * this one does not make are removed from out/ (output-manifest.ts), among those this predicate
   * says the build stands for (a draft's build, for drafts only).
   */
  readonly pruneDocuments?: (name: string) => boolean;
  readonly log: (line: string) => void;
  /**
   * One line per file written (which, from what, how large) when true or absent; a whole build
   * asks for `summary` instead: one line (how many, how many from out/.cache, how long since
   * `startedAt`, a performance.now() time), its file lines only with --verbose.
   */
  readonly listFiles?: boolean;
  readonly summary?: { readonly startedAt: number };
}

export interface WriteResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Display paths of the files written, in the order of the jobs. */
  readonly written: readonly string[];
  /** Jobs rendered now (the others came from out/.cache unchanged). */
  readonly rendered: readonly string[];
}

export async function renderAndWrite(
  jobs: readonly DocumentJob[],
  context: RenderContext,
  options: WriteOptions,
): Promise<WriteResult> {
  const diagnostics: Diagnostic[] = [];
  const failed = (): WriteResult => ({ diagnostics: sortDiagnostics(diagnostics), written: [], rendered: [] });
  try {
    await assertOutputFolder(options.outDir, displayPath(options.outDir, options.cwd));
  } catch (error) {
    if (!(error instanceof OutputPathError)) throw error;
    diagnostics.push({
      severity: 'error',
      file: displayPath(options.outDir, options.cwd),
      rule: 'output-path',
      message: `${error.message}。文書は書き出していません`,
    });
    return failed();
  }
  const cache = options.cache === 'off' ? undefined : (options.openedCache ?? openCache(options.outDir, options.cwd));
  await cache?.prepare(context);
  const filesByJob = new Map<string, readonly RenderedFile[]>();
  const keysByJob = new Map<string, Map<OutputFormat, string>>();
  const toRender: DocumentJob[] = [];
  for (const job of jobs) {
    const keys = await jobKeys(job, context);
    keysByJob.set(job.name, keys);
    const cached = await cache?.get(job, keys);
    if (cached) filesByJob.set(job.name, cached);
    else toRender.push(job);
  }
  context.progress?.documents(
    jobs.length,
    jobs.length - toRender.length,
    toRender.reduce((sum, job) => sum + documentCost(job), 0),
  );
  // Parts and table widths are kept for documents made on this thread (a worker's are made whole).
  if (cache)
    context = {
      ...context,
      parts: (job) => cache.partStore(job),
      fits: (job) => cache.fitMemo(job),
      workerCache: (jobs) => cache.workerView(jobs),
    };
  const setup = { cwd: options.cwd, ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}) };
  for (const result of await renderAll(toRender, context, setup)) {
    diagnostics.push(...result.diagnostics);
    if (!result.files) return failed();
    filesByJob.set(result.job.name, result.files);
    cache?.put(result.job, result.files, keysByJob.get(result.job.name)!);
  }
  // In the order of the jobs, whoever rendered them.
  const files = jobs.flatMap((job) => filesByJob.get(job.name) ?? []);
  const renderedFiles = new Set(toRender.flatMap((job) => filesByJob.get(job.name)!.map((f) => f.name)));

  let targets: string[];
  try {
    // Names come from validated data (a 担当課 cannot hold / or ..): the writer is the last guard.
    targets = await writeDocuments(options.outDir, files);
  } catch (error) {
    // The user's disk, not keikaku: a message with the place and the cause, never a stack trace.
    const io = error as NodeJS.ErrnoException;
    if (!(error instanceof OutputPathError) && typeof io?.code !== 'string') throw error;
    diagnostics.push({
      severity: 'error',
      file: displayPath(io.path ?? options.outDir, options.cwd),
      rule: error instanceof OutputPathError ? 'output-path' : 'output-write',
      message: error instanceof OutputPathError ? error.message : `${writeErrorCause(error)}。文書は書き出していません`,
    });
    return failed();
  }
  // The cache learns this build's documents only now that they are in out/.
  await cache?.commit();
  for (const note of cache?.notes ?? []) options.log(note);
  const written = targets.map((target) => displayPath(target, options.cwd));
  if (options.listFiles !== false)
    files.forEach((file, i) => {
      const fromCache = renderedFiles.has(file.name) ? '' : '、変更がないため out/.cache から';
      options.log(
        `${written[i]} を書き出しました（${options.inputs} から、${formatSize(file.bytes.length)}${fromCache}）`,
      );
    });
  const fromCache = files.length - renderedFiles.size;
  if (options.summary) {
    const cached = fromCache > 0 ? `変更がなく ${cache!.shown} から ${fromCache} ファイル、` : '';
    const seconds = (performance.now() - options.summary.startedAt) / 1000;
    // One document (a --department build): its files by name; more: how many, and where.
    const what =
      jobs.length === 1
        ? `${written.join('・')} `
        : `${displayPath(options.outDir, options.cwd)}/ に ${jobs.length} 文書・${files.length} ファイル`;
    options.log(`${options.inputs} から ${what}を書き出しました（${cached}${duration(seconds)}）`);
  }
  if (options.cache === 'prune') await cache?.prune();
  if (options.pruneDocuments) {
    const pruned = await pruneStaleDocuments(
      options.outDir,
      files.map((f) => f.name),
      context.formats,
      options.cwd,
      options.pruneDocuments,
    );
    diagnostics.push(...pruned.diagnostics);
    for (const shown of pruned.removed)
      options.log(`${shown} を消しました（前のビルドが作り、今回は作らない文書です）`);
  }
  return {
    diagnostics: sortDiagnostics(diagnostics),
    written,
    rendered: jobs.filter((job) => toRender.includes(job)).map((job) => job.name),
  };
}

/** out/.cache of this out folder (not read or written until asked). */
export const openCache = (outDir: string, cwd: string): RenderCache =>
  new RenderCache(path.join(outDir, CACHE_DIR), displayPath(path.join(outDir, CACHE_DIR), cwd));

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
