// Reads the theme of a templates folder (templates/theme.yaml) and validates it.
import path from 'node:path';
import type { Diagnosed } from '../diagnostics/diagnostic.ts';
import { parseTheme } from '../theme/parse-theme.ts';
import { THEME_FILE, type Theme } from '../theme/theme.ts';
import { readErrorCause } from './file-errors.ts';
import { ownTemplatesDir, readAnyFile } from './own-files.ts';
import { displayPath } from './paths.ts';

/** The theme of a templates folder; keikaku's own when a town's folder has none (it lies over keikaku's). */
export async function readTheme(templatesDir: string, cwd: string): Promise<Diagnosed<Theme | undefined>> {
  const file = path.resolve(cwd, templatesDir, THEME_FILE);
  const shown = displayPath(file, cwd);
  let bytes: Uint8Array;
  try {
    bytes = await readAnyFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const own = ownTemplatesDir();
    if (missing && path.resolve(cwd, templatesDir) !== path.resolve(own)) return readTheme(own, cwd);
    return {
      value: undefined,
      diagnostics: [
        {
          severity: 'error',
          file: shown,
          rule: missing ? 'theme-missing' : 'unreadable-file',
          message: missing
            ? `文書の見た目を決める ${THEME_FILE} がありません。keikaku に同梱の templates/${THEME_FILE} をこのフォルダに写してください`
            : readErrorCause(error),
        },
      ],
    };
  }
  return parseTheme(shown, bytes);
}
