// diffView: what the 新旧対照表 template reads from a comparison: titles, the sides in either order,
// the 総括 of each 施策, underlined and shortened text, and amounts with their difference (+, △).
import { describe, expect, it } from 'vitest';
import type { Plan } from '../data/plan-model.ts';
import type { MeasureDiff, PlanDiff } from '../plan/plan-diff.ts';
import { diffView, formatDifference } from './diff-view.ts';

/** A plan as diffView reads it: only its municipality, title and level names matter here. */
const planCalled = (title: string, measureLabel: string): Plan => ({
  municipality: '見本町',
  title,
  period: { start: 2024, end: 2026 },
  labels: { policy: '基本方針', basicMeasure: '基本施策', measure: measureLabel, initiative: '取組', project: '事業' },
  statuses: [{ name: '新規' }, { name: '継続' }],
  tags: [],
  fundingSources: [],
  policies: [{ number: 1, title: '基本方針A', basicMeasures: [{ number: 1, title: '基本施策A' }] }],
  departments: [],
  measures: [],
});
// The new plan renamed both the plan and its 施策 level: headings follow the new plan.
const before = planCalled('旧実施計画', '施策');
const after = planCalled('実施計画', '個別施策');

const measureDiff = (diff: Partial<MeasureDiff> & Pick<MeasureDiff, 'id' | 'kind'>): MeasureDiff => ({
  number: 1,
  code: '1',
  title: '施策A',
  changes: [],
  budget: [],
  ...diff,
});

const period = { start: 2024, end: 2026 };
const planDiff = (diff: Partial<PlanDiff>): PlanDiff => ({
  before: period,
  after: period,
  commonYears: [2024, 2025, 2026],
  enteringYears: [],
  leavingYears: [],
  measures: [],
  unchanged: 0,
  totals: [],
  enteringTotals: [],
  ...diff,
});

/** One changed 施策 with a sentence changed, a 取組 added and a 事業 removed, and three amounts. */
const changed = measureDiff({
  id: 'm1',
  code: '1-1',
  title: '地域の振興',
  kind: 'changed',
  changes: [
    { kind: 'changed', label: '施策の方向', before: '施設を利用する', after: '施設を活用する' },
    { kind: 'added', label: '取組', after: '③オープンデータの公開' },
    { kind: 'removed', label: '事業', before: '人権教育の推進' },
  ],
  budget: [
    { project: '地域振興事業', year: 2025, before: 132, after: 140 },
    { project: '新設事業', year: 2024, after: 1500 },
    { project: '廃止事業', year: 2026, before: 2000 },
  ],
});
const added = measureDiff({ id: 'm2', number: 2, code: '2', title: '新しい施策', kind: 'added' });
const removed = measureDiff({ id: 'm3', number: 3, code: '3', title: '古い施策', kind: 'removed' });
const onlyBudget = measureDiff({
  id: 'm4',
  number: 4,
  code: '4',
  title: '予算だけ変わった施策',
  kind: 'changed',
  budget: [{ project: '事業D', year: 2024, before: 10, after: 10 }],
});
const onlyText = measureDiff({
  id: 'm5',
  number: 5,
  code: '5',
  title: '文だけ変わった施策',
  kind: 'changed',
  changes: [{ kind: 'changed', label: '施策名', before: '施策E', after: '施策F' }],
});

const diff = planDiff({
  measures: [changed, added, removed, onlyBudget, onlyText],
  unchanged: 7,
  totals: [
    { year: 2024, before: 100, after: 1600 },
    { year: 2025, before: 1200, after: 1000 },
    { year: 2026, before: 50, after: 50 },
  ],
});

describe('formatDifference', () => {
  it('prints an increase with +, a decrease with △ (the budget tables’ mark), no change as 0', () => {
    expect(formatDifference(1234)).toBe('+1,234');
    expect(formatDifference(-1234)).toBe('△1,234');
    expect(formatDifference(0)).toBe('0');
  });
});

describe('diffView, new plan on the left (the default)', () => {
  it('titles the 新旧対照表 with the new plan’s title and its period when the period did not move', () => {
    const view = diffView(diff, before, after);
    expect(view.municipality).toBe('見本町');
    expect(view.labels).toBe(after.labels);
    expect(view.documentTitle).toBe('実施計画 新旧対照表（2024年度～2026年度）');
    expect(view.runningHeader).toBe('実施計画 新旧対照表（2024年度～2026年度）');
    expect(view.periods).toStrictEqual({ left: '2024年度～2026年度', right: '2024年度～2026年度', changed: false });
  });

  it('puts 改正後 on the left and 改正前 on the right', () => {
    const view = diffView(diff, before, after);
    expect([view.leftLabel, view.rightLabel]).toStrictEqual(['改正後', '改正前']);
  });

  it('labels the years both plans have, and gives each year’s total on both sides with its difference', () => {
    const view = diffView(diff, before, after);
    expect(view.years).toStrictEqual([
      { label: '2024年度（令和6年度）' },
      { label: '2025年度（令和7年度）' },
      { label: '2026年度（令和8年度）' },
    ]);
    expect(view.totals).toStrictEqual([
      { year: '2024年度（令和6年度）', left: '1,600', right: '100', difference: '+1,500' },
      { year: '2025年度（令和7年度）', left: '1,000', right: '1,200', difference: '△200' },
      { year: '2026年度（令和8年度）', left: '50', right: '50', difference: '0' },
    ]);
    expect(view.unchanged).toBe(7);
  });

  it('sums up each 施策 in the 総括: 新設, 削除, or its counts of changes and 事業費 changes', () => {
    const view = diffView(diff, before, after);
    expect(view.summary).toStrictEqual([
      { measure: '個別施策1-1　地域の振興', text: '変更3件、事業費の変更3件' },
      { measure: '個別施策2　新しい施策', text: '新設' },
      { measure: '個別施策3　古い施策', text: '削除' },
      { measure: '個別施策4　予算だけ変わった施策', text: '事業費の変更1件' },
      { measure: '個別施策5　文だけ変わった施策', text: '変更1件' },
    ]);
  });

  it('heads each 施策 with its code and title, and says （新設） or （削除）', () => {
    const view = diffView(diff, before, after);
    expect(view.measures.map((m) => [m.anchor, m.heading])).toStrictEqual([
      ['diff-m1', '個別施策1-1　地域の振興'],
      ['diff-m2', '個別施策2　新しい施策（新設）'],
      ['diff-m3', '個別施策3　古い施策（削除）'],
      ['diff-m4', '個別施策4　予算だけ変わった施策'],
      ['diff-m5', '個別施策5　文だけ変わった施策'],
    ]);
  });

  it('underlines the changed word on both sides, and an added or removed item whole, beside （新設） or （削除）', () => {
    const view = diffView(diff, before, after);
    expect(view.measures[0]!.rows).toStrictEqual([
      {
        label: '施策の方向',
        left: {
          segments: [
            { text: '施設を', changed: false },
            { text: '活用', changed: true },
            { text: 'する', changed: false },
          ],
        },
        right: {
          segments: [
            { text: '施設を', changed: false },
            { text: '利用', changed: true },
            { text: 'する', changed: false },
          ],
        },
      },
      {
        label: '取組',
        left: { segments: [{ text: '③オープンデータの公開', changed: true }] },
        right: { segments: [], note: '（新設）' },
      },
      {
        label: '事業',
        left: { segments: [], note: '（削除）' },
        right: { segments: [{ text: '人権教育の推進', changed: true }] },
      },
    ]);
  });

  it('lists each changed amount with ― where a side has none, and its difference', () => {
    const view = diffView(diff, before, after);
    expect(view.measures[0]!.budget).toStrictEqual([
      { project: '地域振興事業', year: '2025年度', left: '140', right: '132', difference: '+8' },
      { project: '新設事業', year: '2024年度', left: '1,500', right: '―', difference: '+1,500' },
      { project: '廃止事業', year: '2026年度', left: '―', right: '2,000', difference: '△2,000' },
    ]);
  });
});

describe('diffView, old plan on the left (old-first)', () => {
  it('puts 改正前 on the left, and the old side of every text, total and amount there', () => {
    const view = diffView(diff, before, after, 'old-first');
    expect([view.leftLabel, view.rightLabel]).toStrictEqual(['改正前', '改正後']);
    expect(view.totals[1]).toStrictEqual({
      year: '2025年度（令和7年度）',
      left: '1,200',
      right: '1,000',
      difference: '△200',
    });
    expect(view.measures[0]!.rows.map((r) => [r.left, r.right])).toStrictEqual([
      [
        {
          segments: [
            { text: '施設を', changed: false },
            { text: '利用', changed: true },
            { text: 'する', changed: false },
          ],
        },
        {
          segments: [
            { text: '施設を', changed: false },
            { text: '活用', changed: true },
            { text: 'する', changed: false },
          ],
        },
      ],
      [{ segments: [], note: '（新設）' }, { segments: [{ text: '③オープンデータの公開', changed: true }] }],
      [{ segments: [{ text: '人権教育の推進', changed: true }] }, { segments: [], note: '（削除）' }],
    ]);
    expect(view.measures[0]!.budget[1]).toStrictEqual({
      project: '新設事業',
      year: '2024年度',
      left: '―',
      right: '1,500',
      difference: '+1,500',
    });
  });
});

describe('diffView across a moved period', () => {
  it('says both periods in the title of a rolled plan, and only the new one in the running header', () => {
    const view = diffView(planDiff({ before: { start: 2023, end: 2025 }, commonYears: [2024, 2025] }), before, after);
    expect(view.documentTitle).toBe('実施計画 新旧対照表（2023年度～2025年度 → 2024年度～2026年度）');
    expect(view.runningHeader).toBe('実施計画 新旧対照表（2024年度～2026年度）');
    expect(view.periods).toStrictEqual({ left: '2024年度～2026年度', right: '2023年度～2025年度', changed: true });
    expect(view.years).toStrictEqual([{ label: '2024年度（令和6年度）' }, { label: '2025年度（令和7年度）' }]);
  });

  it('counts a period that starts in the same year but ends later as moved', () => {
    const view = diffView(planDiff({ before: { start: 2024, end: 2025 } }), before, after, 'old-first');
    expect(view.documentTitle).toBe('実施計画 新旧対照表（2024年度～2025年度 → 2024年度～2026年度）');
    expect(view.periods).toStrictEqual({ left: '2024年度～2025年度', right: '2024年度～2026年度', changed: true });
  });

  it('counts a period that ends in the same year but starts earlier as moved', () => {
    const view = diffView(planDiff({ before: { start: 2023, end: 2026 } }), before, after);
    expect(view.periods.changed).toBe(true);
  });
});

describe('shortening of long unchanged text in a changed sentence', () => {
  const rowsOf = (beforeText: string, afterText: string) =>
    diffView(
      planDiff({
        measures: [
          measureDiff({
            id: 'm1',
            kind: 'changed',
            changes: [{ kind: 'changed', label: '施策の方向', before: beforeText, after: afterText }],
          }),
        ],
      }),
      before,
      after,
    ).measures[0]!.rows[0]!;

  it('keeps only the 12 characters next to the change of a 28-character stretch at either end', () => {
    // 28 characters before the change, 28 after it.
    const head = '町民が主体的に取り組む公益性のある事業については、制度を';
    const tail = 'して、地域の課題を解決するための活動を幅広く支援します。';
    const row = rowsOf(`${head}利用${tail}`, `${head}活用${tail}`);
    expect(row.left.segments).toStrictEqual([
      { text: '…る事業については、制度を', changed: false },
      { text: '活用', changed: true },
      { text: 'して、地域の課題を解決す…', changed: false },
    ]);
    expect(row.right.segments).toStrictEqual([
      { text: '…る事業については、制度を', changed: false },
      { text: '利用', changed: true },
      { text: 'して、地域の課題を解決す…', changed: false },
    ]);
  });

  it('keeps a 27-character stretch whole, and both ends of a long stretch between two changes', () => {
    const first = '町民が取り組む公益性のある事業には、住民協働事業制度を'; // 27 characters
    const middle = 'して、地域の課題を解決するための活動を幅広く支援する事業を'; // 29 characters
    const row = rowsOf(`${first}利用${middle}拡充します。`, `${first}活用${middle}充実します。`);
    expect(row.left.segments).toStrictEqual([
      { text: '町民が取り組む公益性のある事業には、住民協働事業制度を', changed: false },
      { text: '活用', changed: true },
      { text: 'して、地域の課題を解決す…動を幅広く支援する事業を', changed: false },
      { text: '充実', changed: true },
      { text: 'します。', changed: false },
    ]);
  });

  it('shows whole the side with nothing underlined (words only added on the other), never 「…」 alone', () => {
    const head = '町民が主体的に取り組む公益性のある事業については、制度を';
    const tail = '活用して、地域の課題を解決するための活動を幅広く支援します。';
    const row = rowsOf(`${head}${tail}`, `${head}積極的に${tail}`);
    expect(row.left.segments.filter((s) => s.changed).map((s) => s.text)).toStrictEqual(['積極的に']);
    expect(row.right.segments.map((s) => s.text).join('')).toBe(`${head}${tail}`);
    expect(row.right.segments.some((s) => s.text.includes('…'))).toBe(false);
  });

  it('never shortens the underlined text itself, however long', () => {
    const long = '町民が主体的に取り組む公益性のある事業については、制度を活用して支援します。';
    const row = diffView(
      planDiff({
        measures: [
          measureDiff({ id: 'm1', kind: 'changed', changes: [{ kind: 'added', label: '取組', after: long }] }),
        ],
      }),
      before,
      after,
    ).measures[0]!.rows[0]!;
    expect(row.left.segments).toStrictEqual([{ text: long, changed: true }]);
  });
});
