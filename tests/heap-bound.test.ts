// A large build asks V8 to keep its heap near what it holds (src/pipeline/heap-bound.ts): the same
// documents, with a lower peak of memory (under Node 20; see below for Node 24). Shown on a generated plan of 60 施策, the bound forced on
// and off (KEIKAKU_HEAP_BOUND): large enough for the bound to show, small enough to build twice.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedPlan, readDocuments } from './helpers/cli.ts';
import { ROOT } from './helpers/plan.ts';

/** A build in a process of its own (scripts/bench-child.mjs): its documents and its peak memory. */
async function buildMeasured(data: string, bound: 'on' | 'off') {
  const dir = await mkdtemp(path.join(tmpdir(), `keikaku-heap-${bound}-`));
  const report = path.join(dir, 'report.json');
  const out = path.join(dir, 'out');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'bench-child.mjs'), 'build', '--data', data, '--out', out, '--no-cache'],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, KEIKAKU_HEAP_BOUND: bound, KEIKAKU_BENCH_REPORT: report } },
  );
  const { code, maxRssMb } = JSON.parse(await readFile(report, 'utf8')) as { code: number; maxRssMb: number };
  return { code, maxRssMb, documents: await readDocuments(out) };
}

describe('a large build’s heap', () => {
  it('is kept near what the build holds: the same documents with a lower peak (a generated plan of 60 施策)', async () => {
    const data = await generatedPlan(60);
    const bounded = await buildMeasured(data, 'on');
    const unbounded = await buildMeasured(data, 'off');
    expect([bounded.code, unbounded.code]).toEqual([0, 0]);
    expect([...bounded.documents.keys()]).toEqual([...unbounded.documents.keys()]);
    for (const [name, bytes] of bounded.documents)
      expect(bytes.equals(unbounded.documents.get(name)!), name).toBe(true);
    // Node 20's V8 (11.3) lets the heap grow to four times what survived a collection: there the
    // bound shows (measured: 396–404 MB against 552–571 MB). Node 24's V8 (13.6) sizes it more
    // tightly by itself, and the bound's gain at this size is within the runs' spread (measured:
    // 0.84× and 0.92× of the unbounded peak), so only the bytes are compared there.
    if (Number(process.versions.node.split('.')[0]) < 22)
      expect(bounded.maxRssMb).toBeLessThan(unbounded.maxRssMb * 0.85);
  }, 240_000);
});
