// Compiles src/ to plain JavaScript in lib/ (run by `npm ci` as the prepare step, never
// committed), so that `keikaku` starts without compiling TypeScript at every run.
// bin/keikaku.js uses lib/ only while it is at least as new as every source; otherwise, and when
// this step could not run (esbuild is a development dependency), it runs src/ through tsx.
//
// The command line and the render worker are bundled with the libraries they use, split into
// chunks that load only when a command needs them (a backend only when its format is written).
// A build of the shipped plan then opens 59 script files instead of 506, `keikaku validate` 23
// instead of 203 (most of them CommonJS that Node translates for ES modules one by one), and
// validate takes about 80% of the time it took with one file per module (see ARCHITECTURE.md).
//
// Every output file lies one folder below lib/ (cli/, pipeline/, chunks/), as every source lies
// one folder below src/: code that finds keikaku's own files from import.meta.url
// (src/io/own-files.ts, src/pipeline/render-pool.ts) finds the same ones from either.
//
// Plain JavaScript, not TypeScript: it runs before anything else is set up.
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
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
  await esbuild.build({
    entryPoints: {
      'cli/main': path.join(SRC, 'cli', 'main.ts'),
      'pipeline/render-worker': path.join(SRC, 'pipeline', 'render-worker.ts'),
    },
    outdir: LIB,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
    // The bundled libraries are CommonJS: in an ES module they need require, __filename and
    // __dirname, which Node gives only to CommonJS files.
    banner: {
      js: [
        "import { createRequire as __keikakuRequire } from 'node:module';",
        "import { fileURLToPath as __keikakuPath } from 'node:url';",
        'const require = __keikakuRequire(import.meta.url);',
        'const __filename = __keikakuPath(import.meta.url);',
        "const __dirname = __keikakuPath(new URL('.', import.meta.url));",
      ].join(' '),
    },
  });
  // The render worker's entry: in src/ it registers tsx first; lib/ needs no loader.
  await writeFile(
    path.join(LIB, 'pipeline', 'render-worker-entry.mjs'),
    "// Entry of a render worker (compiled by scripts/compile.mjs).\nimport { runRenderWorker } from './render-worker.js';\n\nrunRenderWorker();\n",
  );
  await writeFile(path.join(LIB, STAMP), `${JSON.stringify(state)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await compile();
