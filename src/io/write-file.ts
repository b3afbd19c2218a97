// Writes output files atomically, and only inside the out folder: a reader (or a crash, or a
// second build at the same time) sees the old file or the new one, never half of one, and a
// symbolic link planted in out/ is replaced, never followed.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './paths.ts';

/** Temporary files are hidden and name the process that writes them: `.<name>.<pid>.<random>.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export class OutputPathError extends Error {}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // 'wx': never open an existing path, so a link placed at the temporary name is not followed.
    await writeFile(temporary, data, { flag: 'wx' });
    // rename() replaces a link at the target with the file; it does not write through it.
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Checks that `target` lies inside `root` and that no folder between them is a symbolic link
 * (which would carry the write elsewhere). Creates nothing.
 */
export async function assertInside(root: string, target: string): Promise<void> {
  if (!isInside(root, target)) throw new OutputPathError(`出力先のフォルダの外には書き出せません: ${target}`);
  const relative = path.relative(root, target);
  let current = root;
  for (const part of path
    .dirname(relative)
    .split(path.sep)
    .filter((p) => p !== '.' && p !== '')) {
    current = path.join(current, part);
    const stat = await lstat(current).catch(() => undefined);
    if (stat?.isSymbolicLink())
      throw new OutputPathError(
        `出力先のフォルダ ${current} が記号リンク（シンボリックリンク）になっています。リンクをたどって書き出すことはしません。削除してからもう一度実行してください`,
      );
    if (stat && !stat.isDirectory()) throw new OutputPathError(`出力先の ${current} がフォルダではありません`);
  }
}

/**
 * The output folder itself must be a real folder (or not exist yet): a link would carry every
 * write, and the cache's reads and pruning, to wherever it points.
 */
export async function assertOutputFolder(outDir: string, shown = outDir): Promise<void> {
  const stat = await lstat(outDir).catch(() => undefined);
  if (stat?.isSymbolicLink())
    throw new OutputPathError(
      `出力先のフォルダ ${shown} が記号リンク（シンボリックリンク）になっています。リンクをたどって書き出すことはしません。リンクを削除するか、実際のフォルダを --out に指定してください`,
    );
  if (stat && !stat.isDirectory())
    throw new OutputPathError('出力先のフォルダがあるべき場所に、同じ名前のファイルがあります');
}

/** Removes temporary files left in `dir` by builds that were killed (their process is gone). */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    // Only files (or links): a folder that happens to look like a temporary name is left alone.
    const stat = pid && !isRunning(pid) ? await lstat(path.join(dir, name)).catch(() => undefined) : undefined;
    if (stat && !stat.isDirectory()) await rm(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes a set of documents (names relative to `outDir`, `/`-separated) into `outDir`: every
 * target is checked before any is written, temporaries left by killed builds are cleared, and
 * each file is written atomically. Returns the absolute paths, in order.
 */
export async function writeDocuments(
  outDir: string,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
): Promise<string[]> {
  const targets = files.map((file) => path.join(outDir, ...file.name.split('/')));
  for (const target of targets) await assertInside(outDir, target);
  // Two documents that one file system takes for the same file: the second would replace the first.
  const seen = new Map<string, string>();
  for (const target of targets) {
    const key = target.normalize('NFC').toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) throw new OutputPathError(`2つの文書が同じファイル名になります: ${other} と ${target}`);
    seen.set(key, target);
  }
  for (const dir of new Set(targets.map((t) => path.dirname(t)))) await removeStaleTemporaries(dir);
  for (const [i, file] of files.entries()) await writeFileAtomic(targets[i]!, file.bytes);
  return targets;
}
