// Reads the data folder: plan.yaml, departments.yaml and measures/*.yaml. The only place that
// knows the folder's layout; missing pieces become diagnostics, not exceptions.
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { MAX_DATA_FILE_BYTES, tooLargeDiagnostic } from '../data/decode.ts';
import path from 'node:path';
import { readErrorCause } from './file-errors.ts';
import { displayPath, isInside } from './paths.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DataFile } from '../data/validate.ts';

export const DATA_LAYOUT = {
  plan: 'plan.yaml',
  departments: 'departments.yaml',
  measuresDir: 'measures',
} as const;

/** A picture at the data folder's top: PNG or JPEG. */
export const PICTURE_NAME = /\.(png|jpe?g)$/i;

export async function readDataDir(
  dir: string,
  cwd = process.cwd(),
): Promise<{ files: DataFile[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(cwd, dir);
  const files: DataFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const shownRoot = displayPath(root, cwd);

  // Real path of the folder: a link inside it may point elsewhere inside it, never outside.
  const realRoot = await realpath(root).catch(() => root);

  const readOne = async (absolute: string, kind: DataFile['kind']) => {
    const file = displayPath(absolute, cwd);
    const refuse = (rule: string, message: string) => diagnostics.push({ severity: 'error', file, rule, message });
    try {
      if ((await lstat(absolute)).isSymbolicLink()) {
        const target = await realpath(absolute);
        if (!isInside(realRoot, target)) {
          // Its contents would reach diagnostics, and CI turns diagnostics into public annotations.
          refuse(
            'link-outside-data',
            `データのフォルダの外（${target}）を指す記号リンクです。リンクの先は読みません。ファイルそのものをフォルダに置いてください`,
          );
          return;
        }
      }
      // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer; it is then refused below.
      const handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) {
          refuse('not-a-file', '通常のファイルではありません（フォルダ、FIFO、デバイスなど）。読みません');
          return;
        }
        // A file far too large is refused before it is read (a 50 MB file must not stall CI),
        // and no more than the limit is read even if it grows meanwhile.
        if (stat.size > MAX_DATA_FILE_BYTES) {
          diagnostics.push(tooLargeDiagnostic(file, stat.size));
          return;
        }
        // Sized by the file (a buffer of the limit for each of 1,400 files cost seconds to
        // zero), grown if the file grows while read, never past the limit.
        let buffer = Buffer.allocUnsafe(stat.size + 1);
        let length = 0;
        for (let n = -1; n !== 0; length += n) {
          if (length === buffer.length) {
            if (length > MAX_DATA_FILE_BYTES) break;
            const larger = Buffer.allocUnsafe(Math.min(length * 2, MAX_DATA_FILE_BYTES + 1));
            buffer.copy(larger, 0, 0, length);
            buffer = larger;
          }
          n = (await handle.read(buffer, length, buffer.length - length, null)).bytesRead;
        }
        if (length > MAX_DATA_FILE_BYTES) {
          diagnostics.push(tooLargeDiagnostic(file, length));
          return;
        }
        files.push({ file, kind, bytes: new Uint8Array(buffer.subarray(0, length)) });
      } finally {
        await handle.close();
      }
    } catch (error) {
      refuse('unreadable-file', readErrorCause(error));
    }
  };

  await readOne(path.join(root, DATA_LAYOUT.plan), 'plan');
  await readOne(path.join(root, DATA_LAYOUT.departments), 'departments');
  const top = await readdir(root).catch(() => []);
  diagnostics.push(...misnamedTopFiles(top, root, cwd));
  // Pictures plan.yaml may name (the emblem for the cover), read like the rest.
  for (const name of top.filter((n) => PICTURE_NAME.test(n) && !n.startsWith('.')).sort())
    await readOne(path.join(root, name), 'picture');

  const measuresDir = path.join(root, DATA_LAYOUT.measuresDir);
  let names: string[] = [];
  try {
    const listed = await readdir(measuresDir);
    diagnostics.push(...notReadMeasureFiles(listed, measuresDir, cwd));
    const all = listed.filter(isYamlName).sort();
    // Hidden files and editors' and other systems' leftovers (.#02.yaml from Emacs, ._02.yaml
    // from macOS, ~$02.yaml from Office) are not 施策: skipped, with a word.
    names = all.filter(isMeasureFileName);
    for (const name of all.filter(isLeftover)) {
      diagnostics.push({
        severity: 'warning',
        file: displayPath(path.join(measuresDir, name), cwd),
        rule: 'skipped-file',
        message: '隠しファイルかエディタなどの一時ファイルのため、施策として読みませんでした',
      });
    }
  } catch (error) {
    diagnostics.push({
      severity: 'error',
      file: displayPath(measuresDir, cwd),
      rule: 'unreadable-file',
      message: `施策のフォルダを読めません: ${readErrorCause(error)}`,
    });
  }
  if (names.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      severity: 'error',
      file: displayPath(measuresDir, cwd),
      rule: 'no-measures',
      message: `施策のファイル（${shownRoot}/measures/*.yaml）が1つもありません`,
    });
  }
  for (const name of names) await readOne(path.join(measuresDir, name), 'measure');
  return { files, diagnostics };
}

const isLeftover = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');
const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name);

/** Whether a file of the measures folder is read as a 施策 (roll rolls exactly these). */
export const isMeasureFileName = (name: string): boolean => isYamlName(name) && !isLeftover(name);

/**
 * Files of the measures folder that look like 施策 data but are not read: `12.yaml.txt` (saved by
 * an editor that added .txt, which Windows hides) is an error, since 施策12 would silently leave
 * the plan; a backup (`12.yaml.bak`, `12.yaml~`) is a warning.
 */
function notReadMeasureFiles(names: readonly string[], dir: string, cwd: string): Diagnostic[] {
  return names
    .filter((n) => !isYamlName(n) && !isLeftover(n) && (/\.ya?ml/i.test(n) || n.endsWith('~')))
    .sort()
    .map((name): Diagnostic => {
      const file = displayPath(path.join(dir, name), cwd);
      return /\.ya?ml\.txt$/i.test(name)
        ? {
            severity: 'error',
            file,
            rule: 'data-file-not-read',
            message: `名前が .yaml で終わっていないため、施策として読みません。施策のデータなら「${name.replace(/\.txt$/i, '')}」という名前にしてください（Windows では、エクスプローラーの「表示」で「ファイル名拡張子」を表示すると .txt が見えます）`,
          }
        : {
            severity: 'warning',
            file,
            rule: 'skipped-file',
            message: 'バックアップなどのファイルのため、施策として読みませんでした（名前が .yaml で終わっていません）',
          };
    });
}

/** plan.yml, departments.yaml.txt…: read only under their exact names. */
function misnamedTopFiles(names: readonly string[], root: string, cwd: string): Diagnostic[] {
  const expected: readonly string[] = [DATA_LAYOUT.plan, DATA_LAYOUT.departments];
  return names
    .filter((n) => /^(plan|departments)\.ya?ml(\.txt)?$/i.test(n) && !expected.includes(n.toLowerCase()))
    .sort()
    .map((name): Diagnostic => {
      const wanted = expected.find((e) => e.startsWith(name.split('.')[0]!.toLowerCase()))!;
      const present = names.includes(wanted);
      return {
        severity: present ? 'warning' : 'error',
        file: displayPath(path.join(root, name), cwd),
        rule: 'data-file-not-read',
        message: present
          ? `このファイルは読みません（読むのは ${wanted} です）。古い写しなら消してください`
          : `このファイルは読みません。「${wanted}」という名前にしてください`,
      };
    });
}
