// Reads the data folder: plan.yaml, departments.yaml and measures/*.yaml. The only place that
// knows the folder's layout; missing pieces become diagnostics, not exceptions.
import { readdir, readFile, stat } from 'node:fs/promises';
import { MAX_DATA_FILE_BYTES, tooLargeDiagnostic } from '../data/decode.ts';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DataFile } from '../data/validate.ts';

export const DATA_LAYOUT = {
  plan: 'plan.yaml',
  departments: 'departments.yaml',
  measuresDir: 'measures',
} as const;

/** How a path is shown to the user: relative to the working directory when inside it, POSIX separators. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}

export async function readDataDir(
  dir: string,
  cwd = process.cwd(),
): Promise<{ files: DataFile[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(cwd, dir);
  const files: DataFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const shownRoot = displayPath(root, cwd);

  const readOne = async (absolute: string, kind: DataFile['kind']) => {
    const file = displayPath(absolute, cwd);
    try {
      // A file far too large is refused before it is read (a 50 MB file must not stall CI).
      const size = (await stat(absolute)).size;
      if (size > MAX_DATA_FILE_BYTES) {
        diagnostics.push(tooLargeDiagnostic(file, size));
        return;
      }
      files.push({ file, kind, bytes: await readFile(absolute) });
    } catch (error) {
      diagnostics.push({ severity: 'error', file, rule: 'unreadable-file', message: fileErrorMessage(error) });
    }
  };

  await readOne(path.join(root, DATA_LAYOUT.plan), 'plan');
  await readOne(path.join(root, DATA_LAYOUT.departments), 'departments');

  const measuresDir = path.join(root, DATA_LAYOUT.measuresDir);
  let names: string[] = [];
  try {
    names = (await readdir(measuresDir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    diagnostics.push({
      severity: 'error',
      file: displayPath(measuresDir, cwd),
      rule: 'unreadable-file',
      message: `施策のフォルダを読めません: ${fileErrorMessage(error)}`,
    });
  }
  if (names.length === 0 && diagnostics.length === 0) {
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

export function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'ファイルがありません';
    case 'EACCES':
    case 'EPERM':
      return 'ファイルを読む権限がありません';
    case 'EISDIR':
      return 'ファイルではなくフォルダです';
    default:
      return `ファイルを読めません（${code ?? String(error)}）`;
  }
}
