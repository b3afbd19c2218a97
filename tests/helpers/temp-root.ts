// vitest's globalSetup: every temporary folder the suite makes (its own, the CLI's, LibreOffice's
// profile, wine's prefix) goes under one folder made for the run and removed after it, so that a
// run leaves nothing in /tmp. Tests name their folders with mkdtemp(tmpdir()) as before: os.tmpdir()
// reads TMPDIR on every call, and the workers and the processes they start inherit it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'keikaku-tests-'));
  process.env.TMPDIR = root;
  return async () => {
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
