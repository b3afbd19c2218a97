import { request } from 'node:http';
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
