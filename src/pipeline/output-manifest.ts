// out/.keikaku-files.json: the documents that whole builds wrote into out/. The next whole build
// removes those it no longer makes (the excerpt of a renamed or removed 担当課), so that out/
// never holds a stale document beside the current ones; a file that keikaku did not write (a
// note the user put in out/, a 新旧対照表) is never in the list and never touched. A missing or
// damaged list only means that nothing is removed.
import { lstat, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeErrorCause } from '../io/file-errors.ts';
import { displayPath } from '../io/paths.ts';
import { assertInside, writeFileAtomic } from '../io/write-file.ts';

export const MANIFEST = '.keikaku-files.json';

/**
 * After a whole build wrote `written` (names relative to out/, `/`-separated): removes the
 * documents of `formats` that an earlier whole build wrote and this one did not, and records
 * what out/ now holds. Returns the display paths removed, and a warning for any it could not.
 */
export async function pruneStaleDocuments(
  outDir: string,
  written: readonly string[],
  formats: readonly string[],
  cwd: string,
  standsFor: (name: string) => boolean = () => true,
): Promise<{ removed: string[]; diagnostics: Diagnostic[] }> {
  const file = path.join(outDir, MANIFEST);
  const before = await readManifest(file);
  const now = new Set(written);
  const stale = before.filter(
    (name) => !now.has(name) && formats.includes(path.extname(name).slice(1)) && standsFor(name),
  );
  const removed: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const kept = new Set(before.filter((name) => !stale.includes(name)));
  for (const name of stale) {
    const target = path.join(outDir, ...name.split('/'));
    try {
      // The list is a file in out/ like any other: only a regular file inside out/ is removed.
      await assertInside(outDir, target);
      const stat = await lstat(target).catch(() => undefined);
      if (stat?.isFile()) {
        await rm(target);
        removed.push(displayPath(target, cwd));
      }
    } catch (error) {
      kept.add(name);
      diagnostics.push({
        severity: 'warning',
        file: displayPath(target, cwd),
        rule: 'output-prune',
        message: `前のビルドが作り、今回は作らない文書ですが、消せませんでした: ${error instanceof Error && !('code' in error) ? error.message : writeErrorCause(error)}`,
      });
    }
  }
  for (const name of written) kept.add(name);
  await writeFileAtomic(file, `${JSON.stringify({ files: [...kept].sort() }, null, 2)}\n`);
  return { removed, diagnostics };
}

async function readManifest(file: string): Promise<string[]> {
  try {
    if (!(await lstat(file)).isFile()) return [];
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { files?: unknown };
    if (!Array.isArray(parsed.files)) return [];
    return parsed.files.filter(
      (name): name is string =>
        typeof name === 'string' &&
        name !== '' &&
        !/[\\:]/.test(name) &&
        !name.split('/').some((part) => part === '' || part === '..' || part.startsWith('.')),
    );
  } catch {
    return [];
  }
}
