import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLocalHost, startPreview } from './preview-server.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** A GET of `/` with the given Host header: the status code. */
const statusWithHost = (url: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });

describe('keikaku preview and DNS rebinding', () => {
  it('knows this machine’s names, whatever the port', () => {
    expect(['127.0.0.1:8080', 'localhost', 'LOCALHOST:1', '[::1]:8080'].map(isLocalHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['evil.example', 'evil.example:8080', '127.0.0.1.evil.example', undefined].map(isLocalHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('answers a request naming 127.0.0.1, and refuses one naming another site', async () => {
    const preview = await startPreview({ cwd: ROOT, dataDir: 'data', templatesDir: 'templates', port: 0 });
    try {
      const port = new URL(preview.url).port;
      expect(await statusWithHost(preview.url, `127.0.0.1:${port}`)).toBe(200);
      expect(await statusWithHost(preview.url, `evil.example:${port}`)).toBe(403);
    } finally {
      await preview.close();
    }
  }, 60_000);
});

describe('keikaku preview over time', () => {
  it('keeps watching when the data folder is deleted and made again (a checkout, an unzipped copy)', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-preview-'));
    await cp(path.join(ROOT, 'data'), path.join(work, 'data'), { recursive: true });
    const preview = await startPreview({
      cwd: work,
      dataDir: 'data',
      templatesDir: path.join(ROOT, 'templates'),
      port: 0,
    });
    try {
      await rm(path.join(work, 'data'), { recursive: true });
      await cp(path.join(ROOT, 'data'), path.join(work, 'data'), { recursive: true });
      // Let the rebuild that the deletion itself causes run and settle first.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await (await fetch(preview.url)).text()).not.toContain('地域活動のさらなる活性化');
      const file = path.join(work, 'data', 'measures', '01.yaml');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('title: 地域活動の活性化', 'title: 地域活動のさらなる活性化'));
      // The change must reach the page through the watch of the new folder.
      const deadline = Date.now() + 5000;
      let page = '';
      while (Date.now() < deadline && !page.includes('地域活動のさらなる活性化')) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        page = await (await fetch(preview.url)).text();
      }
      expect(page).toContain('地域活動のさらなる活性化');
    } finally {
      await preview.close();
    }
  }, 60_000);

  it('exits with a message, and keeps nothing running, when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'bin', 'keikaku.js'), 'preview', '--port', String(port)],
        { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
      );
      expect(run.signal).toBeNull(); // ended by itself, not by the timeout
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `keikaku preview: ポート ${port} は使われています。--port で別の番号を指定してください\n`,
      );
    } finally {
      taken.close();
    }
  }, 60_000);
});
