// validatePlan with a memo (ValidationMemo): a file whose bytes validated before is neither
// parsed nor checked again, and the result is the same to the last diagnostic's column, also
// when the checks across files report in a file read from the memo (it is parsed again then).
// Each broken fixture of tests/fixtures/broken/ is validated twice with one memo.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataDir } from '../io/read-data-dir.ts';
import { validatePlan, type DataFile, type FileFindings, type GlyphCoverage, type ValidationMemo } from './validate.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

/** A memo in memory, kept as JSON as out/.cache keeps it, counting what it is asked. */
function memoInMemory() {
  const kept = new Map<string, string>();
  const counts = { hits: 0, misses: 0, sets: 0 };
  const memo: ValidationMemo = {
    get: (key) => {
      const json = kept.get(key);
      counts[json === undefined ? 'misses' : 'hits']++;
      return json === undefined ? undefined : (JSON.parse(json) as FileFindings);
    },
    set: (key, findings) => {
      counts.sets++;
      kept.set(key, JSON.stringify(findings));
    },
  };
  return { memo, counts };
}

async function dataFiles(dir: string): Promise<DataFile[]> {
  return (await readDataDir(dir, ROOT)).files;
}

/** Validated fresh, then twice with one memo: the three results, and what the memo was asked. */
function threeTimes(files: readonly DataFile[]) {
  const fresh = validatePlan(files);
  const { memo, counts } = memoInMemory();
  const first = validatePlan(files, [], { memo });
  const before = { ...counts };
  const second = validatePlan(files, [], { memo });
  return {
    fresh,
    first,
    second,
    firstCounts: before,
    secondCounts: { hits: counts.hits - before.hits, sets: counts.sets - before.sets },
  };
}

describe('validatePlan with a memo of earlier findings', () => {
  it('gives the shipped plan and its warnings exactly as a fresh validation, without parsing a file again', async () => {
    const files = await dataFiles(path.join(ROOT, 'data'));
    const { fresh, first, second, secondCounts } = threeTimes(files);
    expect(fresh.value).toBeDefined();
    expect(fresh.diagnostics.length).toBeGreaterThan(0); // the seed's warnings (a 事業 without status)
    expect(first).toStrictEqual(fresh);
    expect(second).toStrictEqual(fresh);
    const yamlFiles = files.filter((f) => f.kind !== 'picture').length;
    expect(secondCounts).toEqual({ hits: yamlFiles, sets: 0 });
  });

  it('reports every broken fixture as a fresh validation does, to the line and column', async () => {
    const minimal = await dataFiles(path.join(FIXTURES, 'minimal'));
    const targets: Record<string, string> = {
      measure: 'measures/01.yaml',
      measure02: 'measures/02.yaml',
      departments: 'departments.yaml',
      plan: 'plan.yaml',
    };
    const fixtures = (await readdir(path.join(FIXTURES, 'broken'))).filter((n) => n.endsWith('.yaml')).sort();
    expect(fixtures.length).toBeGreaterThan(20);
    let reparsedAcrossFiles = 0;
    for (const fixture of fixtures) {
      const target = targets[fixture.split('.')[1]!]!;
      const bytes = new Uint8Array(await readFile(path.join(FIXTURES, 'broken', fixture)));
      const files = minimal.map((f) => (f.file.endsWith(`/${target}`) ? { ...f, bytes } : f));
      const { fresh, second, secondCounts } = threeTimes(files);
      expect(second, fixture).toStrictEqual(fresh);
      // A file with a problem found by the checks across files was read from the memo.
      if (
        secondCounts.hits === files.filter((f) => f.kind !== 'picture').length &&
        fresh.diagnostics.some((d) => d.line !== undefined)
      )
        reparsedAcrossFiles++;
    }
    expect(reparsedAcrossFiles).toBeGreaterThan(3);
  });

  it('checks the texts again against other fonts: what the first fonts lacked is not reported under the names of the next', async () => {
    const files = await dataFiles(path.join(ROOT, 'data'));
    const lacking = (fontNames: string, char: string): GlyphCoverage => ({
      fontNames,
      missing: (text) => (text.includes(char) ? [char] : []),
    });
    const { memo } = memoInMemory();
    const first = validatePlan(files, [], { memo, glyphs: lacking('字体A', '町') });
    expect(first.diagnostics.some((d) => d.message.includes('字体A'))).toBe(true);
    const next = lacking('字体B', '課');
    const again = validatePlan(files, [], { memo, glyphs: next });
    expect(again).toStrictEqual(validatePlan(files, [], { glyphs: next }));
    expect(again.diagnostics.some((d) => d.message.includes('字体A'))).toBe(false);
  });
});
