#!/usr/bin/env node
// Entry point of the `keikaku` command: runs the compiled JavaScript in lib/ (made by `npm ci`,
// scripts/compile.mjs) when it was made from the current sources, else the TypeScript sources
// through tsx's loader (a source edited since, or an install without the compile step).
import { readFile } from 'node:fs/promises';
import { sourceState, STAMP } from '../scripts/compile.mjs';

const lib = new URL('../lib/', import.meta.url);

async function compiledIsCurrent() {
  try {
    const stamp = JSON.parse(await readFile(new URL(STAMP, lib), 'utf8'));
    const now = await sourceState();
    return stamp.newest === now.newest && stamp.files.join('\n') === now.files.join('\n');
  } catch {
    return false;
  }
}

let main;
if (await compiledIsCurrent()) ({ main } = await import(new URL('cli/main.js', lib).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
