// planView: the labels, 施策体系, 取組 rows, 事業費 tables and 凡例 that the plan's templates read,
// for the whole plan, for some 施策 (--measure) and for the 事業 of one 担当課.
import { describe, expect, it, vi } from 'vitest';
// Modules loaded afresh below keep the schema already loaded (vi.doMock): reloading it would make
// the mutation run credit the schema's load-time definitions to these tests, which do not check them.
import * as schema from '../data/schema.ts';
import type { Measure, Plan } from '../data/plan-model.ts';
import type { ProjectData } from '../data/schema.ts';
import { levelView, markers, planView } from './plan-view.ts';

// 事業 of 施策 m1: one with a code, a 目印, a marked 区分 and a 事業の概要; one with SDGs only and
// an unmarked 区分; one with neither 担当課 nor 区分 nor code.
const p1: ProjectData = {
  id: 'p1',
  name: '商工業支援事業',
  code: '4111',
  department: '政策企画課',
  status: '新規',
  tags: ['priority'],
  summary: '商工会を通じて支援します。',
};
const p2: ProjectData = { id: 'p2', name: '雇用対策事業', department: '総務課', status: '継続', sdgs: [1] };
const p3: ProjectData = { id: 'p3', name: '空き店舗活用事業' };
/** The 事業 of a 施策 written with `rows` (no 取組). */
const p4: ProjectData = { id: 'p4', name: '企業誘致事業', department: '政策企画課', status: '継続' };
/** A 再掲 of p1 in another 施策. */
const p5: ProjectData = {
  id: 'p5',
  name: '商工業支援事業',
  code: '4111',
  department: '政策企画課',
  status: '新規',
  repeatOf: 'p1',
};
const p6: ProjectData = { id: 'p6', name: '電子申請事業', department: '総務課' };

const m1: Measure = {
  id: 'm1',
  number: 1,
  policy: 1,
  basicMeasure: 1,
  code: '1-1-1',
  title: '地域産業の振興',
  tags: ['priority', 'strategy'],
  directions: ['地域の産業を支えます。'],
  sdgs: [8],
  indicators: [
    {
      id: 'i1',
      name: '創業件数',
      kind: '成果指標',
      unit: '件',
      direction: 'up',
      baseline: { year: 2023, value: 12 },
      targets: { '2024': 13, '2026': 15 },
    },
  ],
  projects: [p1, p2, p3],
  initiatives: [
    {
      id: 't1',
      name: '商工業の支援',
      rows: [
        { project: 'p1', schedule: { '2024': ['補助金の交付'], '2025': ['補助金の交付', '効果の検証'], '2026': [] } },
        { project: 'p2', schedule: { '2024': ['相談会'] } },
      ],
    },
    { id: 't2', name: '空き店舗の活用', rows: [{ project: 'p3', schedule: {} }] },
  ],
  hasInitiatives: true,
  budget: [
    { project: 'p1', amounts: { '2024': 1200, '2025': 0, '2026': 3456 }, reference: { '2023': 1000 } },
    { project: 'p2', amounts: { '2024': 5, '2025': 10 } },
  ],
  file: 'measures/01.yaml',
};
/** Written with `rows`: one unnamed group with the 施策's id and title. */
const m2: Measure = {
  id: 'm2',
  number: 2,
  policy: 1,
  basicMeasure: 1,
  title: '企業誘致',
  directions: ['企業を誘致します。'],
  projects: [p4],
  initiatives: [{ id: 'm2', name: '企業誘致', rows: [{ project: 'p4', schedule: { '2024': ['誘致活動'] } }] }],
  hasInitiatives: false,
  budget: [],
  file: 'measures/02.yaml',
};
const m3: Measure = {
  id: 'm3',
  number: 3,
  policy: 1,
  basicMeasure: 2,
  title: '観光の推進',
  directions: ['観光客を呼び込みます。'],
  projects: [p5],
  initiatives: [{ id: 't3', name: '観光PR', rows: [{ project: 'p5', schedule: {} }] }],
  hasInitiatives: true,
  budget: [],
  file: 'measures/03.yaml',
};
/** In 基本方針 2, 基本施策 1: the same 基本施策 number as m1 and m2 under another 基本方針. */
const m4: Measure = {
  id: 'm4',
  number: 1,
  policy: 2,
  basicMeasure: 1,
  title: '行政のデジタル化',
  directions: ['手続きを電子化します。'],
  projects: [p6],
  initiatives: [{ id: 't4', name: '電子申請の推進', rows: [{ project: 'p6', schedule: {} }] }],
  hasInitiatives: true,
  budget: [{ project: 'p6', amounts: { '2024': 100, '2025': 100, '2026': 100 } }],
  file: 'measures/04.yaml',
};

const plan: Plan = {
  municipality: '見本町',
  title: '実施計画',
  period: { start: 2024, end: 2026 },
  labels: { policy: '基本目標', basicMeasure: '政策', measure: '施策', initiative: '取組', project: '事務事業' },
  // 新規 has a mark, 継続 has none (printed by name).
  statuses: [{ name: '新規', mark: '◎' }, { name: '継続' }],
  tags: [
    { id: 'priority', name: '重点', mark: '★' },
    { id: 'strategy', name: '総合戦略', mark: '☆' },
  ],
  fundingSources: [],
  policies: [
    {
      number: 1,
      code: 'I',
      title: '活力あるまち',
      basicMeasures: [
        { number: 1, code: 'I-1', title: '産業の振興' },
        { number: 2, title: '観光の振興' },
      ],
    },
    { number: 2, title: '開かれた行政', basicMeasures: [{ number: 1, title: '行政改革' }] },
    // No 施策: no group in the 施策体系.
    { number: 3, title: '未着手の目標', basicMeasures: [{ number: 1, title: '未着手の政策' }] },
  ],
  departments: ['政策企画課', '総務課'],
  measures: [m1, m2, m3, m4],
};

/**
 * plan-view.ts loaded afresh: its helpers (the SDGs labels, （再掲）) are built when the module loads,
 * and a mutation test (StrykerJS) sees a changed helper only in a module loaded after the change.
 */
async function freshPlanViewModule() {
  vi.resetModules();
  vi.doMock('../data/schema.ts', () => schema);
  return import('./plan-view.ts');
}

const only = (...ids: string[]) => new Set(ids);
const ofProjects =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('planView of the whole plan', () => {
  it('names the document by the plan’s title and period, on the cover and in the running header', () => {
    const view = planView(plan);
    expect(view.municipality).toBe('見本町');
    expect(view.title).toBe('実施計画');
    expect(view.period).toBe('2024年度～2026年度');
    expect(view.documentTitle).toBe('実施計画（2024年度～2026年度）');
    expect(view.runningHeader).toBe('実施計画（2024年度～2026年度）');
  });

  it('labels each fiscal year in western and era form (2024年度（令和6年度）)', () => {
    const view = planView(plan);
    expect(view.years).toStrictEqual([
      { year: 2024, label: '2024年度（令和6年度）', western: '2024年度', era: '令和6年度' },
      { year: 2025, label: '2025年度（令和7年度）', western: '2025年度', era: '令和7年度' },
      { year: 2026, label: '2026年度（令和8年度）', western: '2026年度', era: '令和8年度' },
    ]);
  });

  it('heads the 区分 column 区分 where marks stand for the names, and lists marked 区分 then 目印 in the 凡例', () => {
    const view = planView(plan);
    expect(view.labels).toBe(plan.labels);
    expect(view.statusHeader).toBe('区分');
    expect(view.legend).toStrictEqual([
      { mark: '◎', name: '新規' },
      { mark: '★', name: '重点' },
      { mark: '☆', name: '総合戦略' },
    ]);
  });

  it('has no 凡例 and heads the 区分 column with their names when the plan declares no marks', () => {
    const plain = planView({ ...plan, statuses: [{ name: '新規' }, { name: '継続' }], tags: [] });
    expect(plain.statusHeader).toBe('新規・継続');
    expect(plain.legend).toStrictEqual([]);
  });

  it('carries the 事業費総括表 (only the view of the whole plan does)', () => {
    const view = planView(plan);
    // 2024: 1200 + 5 + 100, 2025: 0 + 10 + 100, 2026: 3456 + 0 + 100.
    expect(view.summary?.grand).toStrictEqual({ amounts: ['1,305', '110', '3,556'], total: '4,971' });
  });

  it('draws the 施策体系: one row per 取組, grouped by 基本目標, with the spans of the 政策 and 施策 cells', () => {
    const view = planView(plan);
    expect(view.hasInitiatives).toBe(true);
    expect(view.outline).toStrictEqual([
      {
        policy: '基本目標 I　活力あるまち',
        rows: [
          {
            basicMeasure: 'I-1　産業の振興',
            basicMeasureCode: 'I-1',
            basicMeasureTitle: '産業の振興',
            basicMeasureSpan: 3,
            measure: '1-1-1　★☆地域産業の振興',
            measureCode: '1-1-1',
            measureTitle: '★☆地域産業の振興',
            measureSpan: 2,
            initiative: '①　商工業の支援',
            initiativeOrdinal: '①',
            initiativeName: '商工業の支援',
          },
          {
            basicMeasure: 'I-1　産業の振興',
            basicMeasureCode: 'I-1',
            basicMeasureTitle: '産業の振興',
            basicMeasureSpan: 0,
            measure: '1-1-1　★☆地域産業の振興',
            measureCode: '1-1-1',
            measureTitle: '★☆地域産業の振興',
            measureSpan: 0,
            initiative: '②　空き店舗の活用',
            initiativeOrdinal: '②',
            initiativeName: '空き店舗の活用',
          },
          // A 施策 without 取組: one row, no 取組 cell.
          {
            basicMeasure: 'I-1　産業の振興',
            basicMeasureCode: 'I-1',
            basicMeasureTitle: '産業の振興',
            basicMeasureSpan: 0,
            measure: '2　企業誘致',
            measureCode: '2',
            measureTitle: '企業誘致',
            measureSpan: 1,
          },
          {
            basicMeasure: '2　観光の振興',
            basicMeasureCode: '2',
            basicMeasureTitle: '観光の振興',
            basicMeasureSpan: 1,
            measure: '3　観光の推進',
            measureCode: '3',
            measureTitle: '観光の推進',
            measureSpan: 1,
            initiative: '①　観光PR',
            initiativeOrdinal: '①',
            initiativeName: '観光PR',
          },
        ],
      },
      {
        policy: '基本目標 2　開かれた行政',
        rows: [
          {
            basicMeasure: '1　行政改革',
            basicMeasureCode: '1',
            basicMeasureTitle: '行政改革',
            basicMeasureSpan: 1,
            measure: '1　行政のデジタル化',
            measureCode: '1',
            measureTitle: '行政のデジタル化',
            measureSpan: 1,
            initiative: '①　電子申請の推進',
            initiativeOrdinal: '①',
            initiativeName: '電子申請の推進',
          },
        ],
      },
    ]);
  });

  it('builds a 施策 page: its levels, marks, 取組 rows with their schedule cells, 事業の概要, SDGs, indicators and 事業費', async () => {
    const view = (await freshPlanViewModule()).planView(plan);
    expect(view.measures.map((m) => m.id)).toStrictEqual(['m1', 'm2', 'm3', 'm4']);
    expect(view.measures[0]).toStrictEqual({
      id: 'm1',
      number: 1,
      code: '1-1-1',
      title: '地域産業の振興',
      marks: '★☆',
      anchor: 'measure-m1',
      policy: { number: 1, code: 'I', title: '活力あるまち' },
      basicMeasure: { number: 1, code: 'I-1', title: '産業の振興' },
      firstOfPolicy: true,
      firstOfBasicMeasure: true,
      directions: ['地域の産業を支えます。'],
      hasInitiatives: true,
      initiatives: [
        {
          id: 't1',
          ordinal: '①',
          name: '商工業の支援',
          rows: [
            {
              cells: [{ items: ['補助金の交付'] }, { items: ['補助金の交付', '効果の検証'] }, { items: [] }],
              projectName: '★商工業支援事業',
              projectCode: '4111',
              department: '政策企画課',
              status: '◎',
              project: p1,
            },
            {
              // A year the schedule does not give is an empty cell.
              cells: [{ items: ['相談会'] }, { items: [] }, { items: [] }],
              projectName: '雇用対策事業',
              department: '総務課',
              status: '継続',
              project: p2,
            },
          ],
        },
        {
          id: 't2',
          ordinal: '②',
          name: '空き店舗の活用',
          rows: [
            { cells: [{ items: [] }, { items: [] }, { items: [] }], projectName: '空き店舗活用事業', project: p3 },
          ],
        },
      ],
      summaries: [
        { name: '4111　★商工業支援事業', summary: '商工会を通じて支援します。' },
        { name: '雇用対策事業', sdgs: [{ label: '目標1 貧困をなくそう', fill: '#E5243B', color: '#FFFFFF' }] },
      ],
      sdgs: [{ label: '目標8 働きがいも経済成長も', fill: '#A21942', color: '#FFFFFF' }],
      indicators: {
        heading: '成果指標',
        rows: [
          {
            name: '創業件数',
            detail: '成果指標・単位：件・↑（高いほどよい）',
            baseline: { value: '12', year: '2023年度' },
            targets: ['13', '―', '15'],
          },
        ],
      },
      budget: {
        hasBudget: true,
        othersOnly: false,
        referenceYears: [{ western: '2023年度' }],
        lines: [
          { name: '4111　★商工業支援事業', reference: ['1,000'], amounts: ['1,200', '0', '3,456'], total: '4,656' },
          // No 参考 amount: ―; a year without an amount: 0.
          { name: '雇用対策事業', reference: ['―'], amounts: ['5', '10', '0'], total: '15' },
        ],
        referenceTotals: ['1,000'],
        totals: ['1,205', '10', '3,456'],
        grandTotal: '4,671',
      },
    });
  });

  it('prints a 施策 without 取組 as one unnamed group, and an empty 事業費 table as zeros', () => {
    const view = planView(plan);
    expect(view.measures[1]).toStrictEqual({
      id: 'm2',
      number: 2,
      code: '2',
      title: '企業誘致',
      marks: '',
      anchor: 'measure-m2',
      policy: { number: 1, code: 'I', title: '活力あるまち' },
      basicMeasure: { number: 1, code: 'I-1', title: '産業の振興' },
      firstOfPolicy: false,
      firstOfBasicMeasure: false,
      directions: ['企業を誘致します。'],
      hasInitiatives: false,
      initiatives: [
        {
          id: 'm2',
          ordinal: '①',
          name: '企業誘致',
          rows: [
            {
              cells: [{ items: ['誘致活動'] }, { items: [] }, { items: [] }],
              projectName: '企業誘致事業',
              department: '政策企画課',
              status: '継続',
              project: p4,
            },
          ],
        },
      ],
      summaries: [],
      budget: {
        hasBudget: false,
        othersOnly: false,
        referenceYears: [],
        lines: [],
        referenceTotals: [],
        totals: ['0', '0', '0'],
        grandTotal: '0',
      },
    });
  });

  it('says （再掲） after a repeated 事業, keeping its code apart in the 取組 row', async () => {
    const view = (await freshPlanViewModule()).planView(plan);
    expect(view.measures[2]!.initiatives[0]!.rows[0]).toStrictEqual({
      cells: [{ items: [] }, { items: [] }, { items: [] }],
      projectName: '商工業支援事業（再掲）',
      projectCode: '4111',
      department: '政策企画課',
      status: '◎',
      project: p5,
    });
  });

  it('marks the first 施策 of each 基本目標 and 政策, where the level lines are headings', () => {
    const view = planView(plan);
    expect(
      view.measures.map((m) => [m.id, m.policy.code, m.basicMeasure.code, m.firstOfPolicy, m.firstOfBasicMeasure]),
    ).toStrictEqual([
      ['m1', 'I', 'I-1', true, true],
      ['m2', 'I', 'I-1', false, false],
      ['m3', 'I', '2', false, true],
      ['m4', '2', '1', true, true],
    ]);
  });
});

describe('planView of some 施策 (--measure)', () => {
  it('keeps only the named 施策, without the 総括表, first of its levels when nothing precedes it', () => {
    const view = planView(plan, { measureIds: only('m3') });
    expect(view.measures.map((m) => [m.id, m.firstOfPolicy, m.firstOfBasicMeasure])).toStrictEqual([
      ['m3', true, true],
    ]);
    expect(view.summary).toBeUndefined();
    expect('summary' in view).toBe(false);
    expect(view.outline).toStrictEqual([
      {
        policy: '基本目標 I　活力あるまち',
        rows: [
          {
            basicMeasure: '2　観光の振興',
            basicMeasureCode: '2',
            basicMeasureTitle: '観光の振興',
            basicMeasureSpan: 1,
            measure: '3　観光の推進',
            measureCode: '3',
            measureTitle: '観光の推進',
            measureSpan: 1,
            initiative: '①　観光PR',
            initiativeOrdinal: '①',
            initiativeName: '観光PR',
          },
        ],
      },
    ]);
  });

  it('starts a new 政策 at a new 基本目標 even when the 政策 number is the same', () => {
    const view = planView(plan, { measureIds: only('m2', 'm4') });
    expect(view.measures.map((m) => [m.id, m.firstOfPolicy, m.firstOfBasicMeasure])).toStrictEqual([
      ['m2', true, true],
      ['m4', true, true],
    ]);
  });

  it('has no 取組 column in the 施策体系 when none of its 施策 has 取組', () => {
    const view = planView(plan, { measureIds: only('m2') });
    expect(view.hasInitiatives).toBe(false);
    expect(view.outline).toStrictEqual([
      {
        policy: '基本目標 I　活力あるまち',
        rows: [
          {
            basicMeasure: 'I-1　産業の振興',
            basicMeasureCode: 'I-1',
            basicMeasureTitle: '産業の振興',
            basicMeasureSpan: 1,
            measure: '2　企業誘致',
            measureCode: '2',
            measureTitle: '企業誘致',
            measureSpan: 1,
          },
        ],
      },
    ]);
  });
});

describe('planView of some 事業 (a 担当課’s excerpt)', () => {
  it('keeps the 施策 and 取組 with a kept 事業, each 取組 keeping its number in the whole plan', () => {
    const view = planView(plan, { includeProject: ofProjects('p3', 'p6') });
    expect(view.summary).toBeUndefined();
    expect('summary' in view).toBe(false);
    expect(view.measures.map((m) => m.id)).toStrictEqual(['m1', 'm4']);
    const [first] = view.measures;
    expect(first!.initiatives.map((t) => [t.id, t.ordinal, t.rows.map((r) => r.project.id)])).toStrictEqual([
      ['t2', '②', ['p3']],
    ]);
    expect(view.outline.map((g) => g.rows.map((r) => r.initiative))).toStrictEqual([
      ['②　空き店舗の活用'],
      ['①　電子申請の推進'],
    ]);
  });

  it('tells a 施策 whose 事業費 is all another 担当課’s (othersOnly) from one with none at all', () => {
    const own = planView(plan, { includeProject: ofProjects('p3', 'p6') });
    // m1's 事業費 rows are p1's and p2's: none of the kept p3's.
    expect(own.measures.map((m) => [m.id, m.budget.hasBudget, m.budget.othersOnly])).toStrictEqual([
      ['m1', false, true],
      ['m4', true, false],
    ]);
    const whole = planView(plan);
    expect(whole.measures.map((m) => [m.id, m.budget.hasBudget, m.budget.othersOnly])).toStrictEqual(
      whole.measures.map((m) => [m.id, m.id !== 'm2' && m.id !== 'm3', false]),
    );
  });

  it('keeps only the kept 事業’s rows, 事業の概要, indicators and 事業費 lines, with totals over them', () => {
    const view = planView(plan, { includeProject: ofProjects('p2') });
    const m = view.measures[0]!;
    expect(m.initiatives).toStrictEqual([
      {
        id: 't1',
        ordinal: '①',
        name: '商工業の支援',
        rows: [
          {
            cells: [{ items: ['相談会'] }, { items: [] }, { items: [] }],
            projectName: '雇用対策事業',
            department: '総務課',
            status: '継続',
            project: p2,
          },
        ],
      },
    ]);
    expect(m.summaries).toStrictEqual([
      { name: '雇用対策事業', sdgs: [{ label: '目標1 貧困をなくそう', fill: '#E5243B', color: '#FFFFFF' }] },
    ]);
    expect(m.budget).toStrictEqual({
      hasBudget: true,
      othersOnly: false,
      referenceYears: [],
      lines: [{ name: '雇用対策事業', reference: [], amounts: ['5', '10', '0'], total: '15' }],
      referenceTotals: [],
      totals: ['5', '10', '0'],
      grandTotal: '15',
    });
  });

  it('leaves out the summary of a 事業 it does not keep, even one with a 事業の概要', () => {
    const view = planView(plan, { includeProject: ofProjects('p3') });
    expect(view.measures[0]!.summaries).toStrictEqual([]);
  });
});

describe('財源内訳 of a 施策', () => {
  const funded: Plan = {
    ...plan,
    fundingSources: [
      { id: 'national', name: '国庫支出金' },
      { id: 'general', name: '一般財源' },
    ],
    measures: [
      {
        ...m1,
        budget: [
          {
            project: 'p1',
            amounts: { '2024': 300, '2025': 0, '2026': 0 },
            sources: { '2024': { national: 200, general: 100 } },
          },
          { project: 'p2', amounts: { '2024': 50, '2025': 0, '2026': 0 }, sources: { '2024': { general: 50 } } },
        ],
      },
    ],
  };

  it('is captioned with the 施策’s code and sums the 財源 of its 事業費 rows', () => {
    expect(planView(funded).measures[0]!.funding).toStrictEqual({
      caption: '施策1-1-1の財源内訳',
      rows: [
        { name: '国庫支出金', amounts: ['200', '0', '0'], total: '200' },
        { name: '一般財源', amounts: ['150', '0', '0'], total: '150' },
      ],
      totals: ['350', '0', '0'],
      grandTotal: '350',
    });
  });

  it('counts only the kept 事業’s rows in an excerpt', () => {
    expect(planView(funded, { includeProject: ofProjects('p2') }).measures[0]!.funding).toStrictEqual({
      caption: '施策1-1-1の財源内訳',
      rows: [{ name: '一般財源', amounts: ['50', '0', '0'], total: '50' }],
      totals: ['50', '0', '0'],
      grandTotal: '50',
    });
  });

  it('is absent when the plan declares no 財源', () => {
    expect('funding' in planView(plan).measures[0]!).toBe(false);
  });
});

describe('markers', () => {
  it('prints a 区分 as its mark where it has one, else as its name (an undeclared one too)', () => {
    const marks = markers(plan);
    expect(marks.status('新規')).toBe('◎');
    expect(marks.status('継続')).toBe('継続');
    expect(marks.status('完了')).toBe('完了');
  });

  it('prints 目印 as their marks in the given order, nothing for none or an undeclared one', () => {
    const marks = markers(plan);
    expect(marks.tags(['strategy', 'priority'])).toBe('☆★');
    expect(marks.tags(undefined)).toBe('');
    expect(marks.tags(['unknown', 'priority'])).toBe('★');
  });

  it('prints a 事業 in tables as `code　★name`, a 再掲 with （再掲）', () => {
    const marks = markers(plan);
    expect(marks.project(p1)).toBe('4111　★商工業支援事業');
    expect(marks.project(p3)).toBe('空き店舗活用事業');
    expect(marks.project(p5)).toBe('4111　商工業支援事業（再掲）');
    expect(marks.projectName(p5)).toBe('商工業支援事業（再掲）');
  });
});

describe('levelView', () => {
  it('prints a level’s code where it has one, else its number', () => {
    expect(levelView({ number: 2, code: '2-1', title: '政策A' })).toStrictEqual({
      number: 2,
      code: '2-1',
      title: '政策A',
    });
    expect(levelView({ number: 3, title: '政策B' })).toStrictEqual({ number: 3, code: '3', title: '政策B' });
  });
});
