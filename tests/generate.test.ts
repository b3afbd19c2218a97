// keikaku generate: synthetic plans for benchmarks, valid and deterministic.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { loadPlan, ROOT } from './helpers/plan.ts';

describe('keikaku generate', () => {
  it('writes N valid 施策 over 30 departments, the same for the same --measures and --seed', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-gen-'));
    for (const out of ['a', 'b'])
      expect(
        (
          await runCli(
            ['generate', '--measures', '57', '--seed', '3', '--out', out, '--data', path.join(ROOT, 'data')],
            work,
          )
        ).code,
      ).toBe(0);
    const plan = await loadPlan(path.join(work, 'a'));
    expect(plan.measures).toHaveLength(57);
    expect(new Set(plan.measures.flatMap((m) => m.projects.map((p) => p.department))).size).toBeGreaterThan(20);
    expect(plan.departments).toHaveLength(30);
    const files = (await readdir(path.join(work, 'a', 'measures'))).sort();
    for (const f of files)
      expect(await readFile(path.join(work, 'b', 'measures', f), 'utf8')).toBe(
        await readFile(path.join(work, 'a', 'measures', f), 'utf8'),
      );
    const other = await runCli(
      ['generate', '--measures', '57', '--seed', '4', '--out', 'c', '--data', path.join(ROOT, 'data')],
      work,
    );
    expect(other.code).toBe(0);
    expect(await readFile(path.join(work, 'c', 'measures', '01.yaml'), 'utf8')).not.toBe(
      await readFile(path.join(work, 'a', 'measures', '01.yaml'), 'utf8'),
    );
    expect(
      (await runCli(['generate', '--measures', '5', '--out', 'a', '--data', path.join(ROOT, 'data')], work)).code,
    ).toBe(1);
  });
});
