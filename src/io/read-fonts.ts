// Loads the BIZ UD font files from fonts/ (beside the package), once per process.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { FONT_FILE_NAMES, type FontFiles } from '../backends/fonts.ts';
import { displayPath, fileErrorMessage } from './read-data-dir.ts';

export const DEFAULT_FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

const cache = new Map<string, Promise<{ fonts?: FontFiles; diagnostics: Diagnostic[] }>>();

export function readFonts(dir = DEFAULT_FONTS_DIR, cwd = process.cwd()): Promise<{ fonts?: FontFiles; diagnostics: Diagnostic[] }> {
  const key = path.resolve(cwd, dir);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = load(key, cwd);
    cache.set(key, loaded);
  }
  return loaded;
}

async function load(dir: string, cwd: string): Promise<{ fonts?: FontFiles; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const entries = await Promise.all(
    (Object.entries(FONT_FILE_NAMES) as [keyof FontFiles, string][]).map(async ([key, name]) => {
      const file = path.join(dir, name);
      try {
        const data = await readFile(file);
        if (data.length < 12) throw Object.assign(new Error('too short'), { code: 'EFONT' });
        return [key, data] as const;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        diagnostics.push({
          severity: 'error', file: displayPath(file, cwd), rule: 'font',
          message: code === 'EFONT' ? 'フォントファイルが壊れています。BIZ UD フォントを入れ直してください' : `フォントファイルを読めません: ${fileErrorMessage(error)}。BIZ UD フォント（fonts/ の ${name}）が必要です`,
        });
        return undefined;
      }
    }),
  );
  if (diagnostics.length > 0) return { diagnostics };
  return { fonts: Object.fromEntries(entries.filter((e) => e !== undefined)) as unknown as FontFiles, diagnostics };
}
