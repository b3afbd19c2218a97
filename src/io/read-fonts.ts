// Loads the theme's font files (BIZ UD by default) from a fonts folder, once per process.
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontFiles } from '../backends/fonts.ts';
import { unicodeCmap } from '../backends/cmap.ts';
import { FONT_ROLES, type Theme } from '../theme/theme.ts';
import { readErrorCause } from './file-errors.ts';
import { ownFontsDir, readAnyFile } from './own-files.ts';
import { displayPath } from './paths.ts';

type Loaded = { fonts?: FontFiles; diagnostics: Diagnostic[] };

const cache = new Map<string, Promise<Loaded>>();

/** The theme's font files from `dir` (keikaku's own fonts/ by default), read once per process. */
export function readFonts(theme: Theme, dir = ownFontsDir(), cwd = process.cwd()): Promise<Loaded> {
  const root = path.resolve(cwd, dir);
  const key = JSON.stringify([root, theme.fonts]);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = load(theme, root, cwd);
    cache.set(key, loaded);
  }
  return loaded;
}

async function load(theme: Theme, dir: string, cwd: string): Promise<Loaded> {
  const diagnostics: Diagnostic[] = [];
  const readFont = async (name: string): Promise<Buffer | undefined> => {
    const file = path.join(dir, name);
    try {
      const data = await readAnyFile(file);
      if (!isTrueType(data)) throw Object.assign(new Error('not a font'), { code: 'EFONT' });
      const cmap = unicodeCmap(data);
      if (typeof cmap === 'string') {
        diagnostics.push({
          severity: 'error',
          file: displayPath(file, cwd),
          rule: 'font',
          message: `フォントファイル ${name} は使えません: ${cmap}。Unicode の文字の表を持つ TrueType または OpenType のフォント（BIZ UD フォントなど）を指定してください`,
        });
        return undefined;
      }
      return data;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      diagnostics.push({
        severity: 'error',
        file: displayPath(file, cwd),
        rule: 'font',
        message:
          code === 'EFONT'
            ? `フォントファイル ${name} が TrueType フォントではありません（壊れているようです）。BIZ UD フォントを入れ直してください`
            : `フォントファイル ${name} を読めません: ${readErrorCause(error)}。BIZ UD フォント（fonts/ の ${name}）が必要です`,
      });
      return undefined;
    }
  };
  const fallback = theme.fallbackFont ? await readFont(theme.fallbackFont.file) : undefined;
  const faces = await Promise.all(
    FONT_ROLES.map(async (role) => {
      const font = theme.fonts[role];
      const [regular, bold] = await Promise.all([readFont(font.regular), font.bold ? readFont(font.bold) : undefined]);
      return [role, { regular, ...(bold ? { bold } : {}), ...(fallback ? { fallback } : {}) }] as const;
    }),
  );
  if (diagnostics.length > 0) return { diagnostics };
  return { fonts: Object.fromEntries(faces) as unknown as FontFiles, diagnostics };
}

/** The sfnt version tag that starts a TrueType or OpenType font file. */
function isTrueType(data: Buffer): boolean {
  if (data.length < 12) return false;
  const tag = data.readUInt32BE(0);
  return tag === 0x00010000 || tag === 0x74727565 /* 'true' */ || tag === 0x4f54544f; /* 'OTTO' */
}
