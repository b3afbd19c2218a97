// Loads the BIZ UD font files from fonts/ (beside the package), once per process.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { FONT_FILE_NAMES, type FontFiles } from '../backends/fonts.ts';
import { displayPath, fileErrorMessage } from './read-data-dir.ts';

export const DEFAULT_FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

const cache = new Map<string, Promise<{ fonts?: FontFiles; diagnostics: Diagnostic[] }>>();

export function readFonts(
  dir = DEFAULT_FONTS_DIR,
  cwd = process.cwd(),
): Promise<{ fonts?: FontFiles; diagnostics: Diagnostic[] }> {
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
        if (!isTrueType(data)) throw Object.assign(new Error('not a font'), { code: 'EFONT' });
        return [key, data] as const;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        diagnostics.push({
          severity: 'error',
          file: displayPath(file, cwd),
          rule: 'font',
          message:
            code === 'EFONT'
              ? `フォントファイル ${name} が TrueType フォントではありません（壊れているようです）。BIZ UD フォントを入れ直してください`
              : `フォントファイル ${name} を読めません: ${fileErrorMessage(error)}。BIZ UD フォント（fonts/ の ${name}）が必要です`,
        });
        return undefined;
      }
    }),
  );
  if (diagnostics.length > 0) return { diagnostics };
  return { fonts: Object.fromEntries(entries.filter((e) => e !== undefined)) as unknown as FontFiles, diagnostics };
}

/** The sfnt version tag that starts a TrueType or OpenType font file. */
function isTrueType(data: Buffer): boolean {
  if (data.length < 12) return false;
  const tag = data.readUInt32BE(0);
  return tag === 0x00010000 || tag === 0x74727565 /* 'true' */ || tag === 0x4f54544f; /* 'OTTO' */
}
