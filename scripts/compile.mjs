// Compiles src/ to plain JavaScript in lib/ (run by `npm ci` as the prepare step, never
// committed), file by file in the same layout, so that `keikaku` starts without compiling
// TypeScript at every run and loads each module (and its libraries) only when a command needs it.
// bin/keikaku.js uses lib/ only while it is at least as new as every source; otherwise, and when
// this step could not run (esbuild is a development dependency), it runs src/ through tsx.
//
// Plain JavaScript, not TypeScript: it runs before anything else is set up.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = path.join(ROOT, 'src');
const LIB = path.join(ROOT, 'lib');
/** Written last: bin/keikaku.js trusts lib/ only when this says it was made from the current sources. */
export const STAMP = '.compiled-from.json';

/** The sources lib/ is made from, and the newest change among them (what the stamp records). */
export async function sourceState(src = SRC) {
  const files = (await readdir(src, { recursive: true }))
    .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.test.ts'))
    .sort();
  let newest = 0;
  for (const f of files) newest = Math.max(newest, (await stat(path.join(src, f))).mtimeMs);
  return { files: files.map((f) => f.split(path.sep).join('/')), newest };
}

async function compile() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.warn(
      'keikaku: esbuild がないため lib/ を作りませんでした（TypeScript のまま動かします。少し遅くなります）',
    );
    return;
  }
  const state = await sourceState();
  await rm(LIB, { recursive: true, force: true });
  const entryPoints = state.files.filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, f));
  await esbuild.build({
    entryPoints,
    outdir: LIB,
    outbase: SRC,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
  });
  // Sources import each other as ./x.ts (tsconfig's allowImportingTsExtensions): lib/ imports ./x.js.
  for (const f of (await readdir(LIB, { recursive: true })).filter((f) => f.endsWith('.js'))) {
    const file = path.join(LIB, f);
    const code = await readFile(file, 'utf8');
    const rewritten = code.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.ts(["'])/g, '$1$2.js$3');
    if (rewritten !== code) await writeFile(file, rewritten);
  }
  // The render worker's entry: in src/ it registers tsx first; lib/ needs no loader.
  await writeFile(
    path.join(LIB, 'pipeline', 'render-worker-entry.mjs'),
    "// Entry of a render worker (compiled by scripts/compile.mjs).\nimport { runRenderWorker } from './render-worker.js';\n\nrunRenderWorker();\n",
  );
  await writeFile(path.join(LIB, STAMP), `${JSON.stringify(state)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await compile();
