// keikaku's own files (templates/, fonts/, package.json): read from the folder keikaku is
// installed in when it runs under Node, or from the assets embedded in the single executable
// (npm run package), which must read nothing from any install folder. Callers name them by
// absolute path, as any other file: in the executable those paths lie under a folder that does
// not exist on disk, and reads of it are answered from the embedded assets.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as sea from 'node:sea';
import { fileURLToPath } from 'node:url';
import { isInside } from './paths.ts';

/** The asset that lists every embedded file (node:sea has no way to list its assets before Node 24). */
export const ASSET_MANIFEST = 'keikaku-assets.json';
/** The asset holding the executable's own code: what a render worker runs, and what the cache key hashes. */
export const ASSET_CODE = 'keikaku.cjs';
/**
 * The key in workerData that marks a render worker started from the executable's code, which is
 * also the command line's: with it the code runs as a worker.
 */
export const RENDER_WORKER = 'keikakuRenderWorker';

/** node:sea when running as a single executable, else null. */
export const singleExecutable = (): typeof sea | null => (sea.isSea() ? sea : null);

let root: string | undefined;

/**
 * The folder that holds keikaku's own templates/ and fonts/: the package folder under Node; in the
 * executable, a folder beside it named so that no real folder is ever mistaken for it.
 */
export function ownRoot(): string {
  root ??= singleExecutable()
    ? path.join(path.dirname(process.execPath), '[keikaku 同梱]')
    : fileURLToPath(new URL('../../', import.meta.url));
  return root;
}

/** keikaku's own templates folder. */
export const ownTemplatesDir = (): string => path.join(ownRoot(), 'templates');
/** keikaku's own fonts folder. */
export const ownFontsDir = (): string => path.join(ownRoot(), 'fonts');

let manifest: readonly string[] | undefined;

/** The embedded files' names ('templates/plan.hbs', …), `/`-separated, or undefined under Node. */
function embeddedNames(): readonly string[] | undefined {
  const sea = singleExecutable();
  if (!sea) return undefined;
  manifest ??= JSON.parse(Buffer.from(sea.getAsset(ASSET_MANIFEST)).toString('utf8')) as string[];
  return manifest;
}

/** The embedded name of an absolute path under ownRoot(), or undefined for any other path. */
function embeddedName(absolute: string): string | undefined {
  if (!embeddedNames() || !isInside(ownRoot(), absolute)) return undefined;
  return path.relative(ownRoot(), absolute).split(path.sep).join('/');
}

const notFound = (absolute: string) =>
  Object.assign(new Error(`ENOENT: no such file or directory, open '${absolute}'`), {
    code: 'ENOENT',
    path: absolute,
  });

/** Whether a path is one of the executable's embedded files or folders (never one on disk). */
export const isEmbedded = (absolute: string): boolean => embeddedName(absolute) !== undefined;

/** readFile for any path: keikaku's own files come from the executable when it is one. */
export async function readAnyFile(absolute: string): Promise<Buffer> {
  const name = embeddedName(absolute);
  if (name === undefined) return readFile(absolute);
  if (!embeddedNames()!.includes(name)) throw notFound(absolute);
  return Buffer.from(singleExecutable()!.getAsset(name));
}

/** readdir (names only) for any folder: keikaku's own folders come from the executable when it is one. */
export async function readAnyFolder(absolute: string): Promise<string[]> {
  const folder = embeddedName(absolute);
  if (folder === undefined) return readdir(absolute);
  const prefix = `${folder}/`;
  const names = new Set<string>();
  for (const name of embeddedNames()!) if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split('/')[0]!);
  if (names.size === 0) throw notFound(absolute);
  return [...names];
}

/** The executable's own code (undefined under Node). */
export function embeddedCode(): Buffer | undefined {
  const sea = singleExecutable();
  return sea ? Buffer.from(sea.getAsset(ASSET_CODE)) : undefined;
}
