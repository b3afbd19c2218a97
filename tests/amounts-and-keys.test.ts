// Numbers and keys that YAML reads differently from how staff mean them: a year key written
// twice in two spellings, -0, and amounts so large that totals would lose precision.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT } from '../src/data/schema.ts';
import { errorLines, makeDataDir, readFixture, validateWith } from './helpers/cli.ts';
import { loadPlan } from './helpers/plan.ts';

const AMOUNTS = 'amounts: { 2024: 100, 2025: 200, 2026: 0 }';
const withAmounts = async (amounts: string) => {
  const text = await readFixture('minimal/measures/01.yaml');
  if (!text.includes(AMOUNTS)) throw new Error('the fixture has changed');
  return { 'measures/01.yaml': text.replace(AMOUNTS, amounts) };
};

describe('amounts and year keys', () => {
  it('refuses a year written twice, as a number and as a string, at the second (one value would silently win)', async () => {
    const run = await validateWith(await withAmounts('amounts: { 2024: 100, 2025: 200, 2026: 0, "2024": 999 }'));
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      'data/measures/01.yaml:26:47: エラー: キー「2024」が2回書かれています（2024 と "2024" は同じキーとして読まれます）。1つにまとめてください',
    ]);
  });

  it('reads -0 as 0, so that no document prints -0', async () => {
    const cwd = await makeDataDir(await withAmounts('amounts: { 2024: -0, 2025: 200, 2026: 0 }'));
    const plan = await loadPlan(path.join(cwd, 'data'));
    const amount = plan.measures[0]!.budget[0]!.amounts['2024'];
    expect(Object.is(amount, 0)).toBe(true);
  });

  it(`refuses an amount above ${MAX_AMOUNT.toLocaleString('ja-JP')}千円, where totals would stop being exact`, async () => {
    const run = await validateWith(await withAmounts(`amounts: { 2024: ${MAX_AMOUNT + 1}, 2025: 200, 2026: 0 }`));
    expect(errorLines(run.stdout)).toEqual([
      'data/measures/01.yaml:26:22: エラー: 2024年度の事業費（千円）が大きすぎます（上限 999,999,999千円）。千円単位で書いているか確かめてください（数値 1000000000が書かれています）',
    ]);
    const largest = await validateWith(await withAmounts(`amounts: { 2024: ${MAX_AMOUNT}, 2025: 200, 2026: 0 }`));
    expect(errorLines(largest.stdout)).toEqual([]);
  });
});
