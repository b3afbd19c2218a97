// diffPlans: the 新旧対照表's changes between two small plans written here, matched by id, labelled and worded exactly.
import { describe, expect, it } from 'vitest';
import type { Measure, Plan } from '../data/plan-model.ts';
import type { ProjectData } from '../data/schema.ts';
import { diffPlans } from './plan-diff.ts';

const LABELS = { policy: '基本方針', basicMeasure: '基本施策', measure: '施策', initiative: '取組', project: '事業' };

function plan(measures: Measure[], over: Partial<Plan> = {}): Plan {
  return {
    municipality: '見本町',
    title: '実施計画',
    period: { start: 2024, end: 2026 },
    labels: LABELS,
    statuses: [{ name: '新規' }, { name: '継続' }],
    tags: [],
    fundingSources: [],
    policies: [],
    departments: ['総務課', '財政課'],
    measures,
    ...over,
  };
}

const SURVEY: ProjectData = { id: 'p1', name: '町民意識調査', department: '総務課', status: '継続' };
const REFORM: ProjectData = { id: 'p2', name: '行財政改革', department: '財政課', status: '新規' };

/** A 施策 with 取組 t1 (p1's row) and t2 (p2's row), one sentence, and no 事業費 unless given. */
function measure(over: Partial<Measure> = {}): Measure {
  return {
    id: 'm1',
    number: 1,
    policy: 1,
    basicMeasure: 1,
    title: '協働のまちづくり',
    directions: ['町民との協働を進めます。'],
    projects: [SURVEY, REFORM],
    initiatives: [
      { id: 't1', name: '町民参加の推進', rows: [{ project: 'p1', schedule: { 2024: ['実施'], 2025: ['実施'] } }] },
      { id: 't2', name: '行政改革の推進', rows: [{ project: 'p2', schedule: { 2024: ['検討'] } }] },
    ],
    hasInitiatives: true,
    budget: [],
    file: 'measures/01.yaml',
    ...over,
  };
}

/** The changes of the one 施策 that differs between `before` and `after` (same plan otherwise). */
function changesOf(before: Measure, after: Measure, over: Partial<Plan> = {}) {
  const diff = diffPlans(plan([before], over), plan([after], over));
  expect(diff.measures).toHaveLength(1);
  return diff.measures[0]!.changes;
}

describe('diffPlans: the plan as a whole', () => {
  it('finds no change between equal plans, counts every 施策 unchanged, and totals 事業費 per year', () => {
    const budgeted = measure({
      budget: [
        { project: 'p1', amounts: { 2024: 100, 2025: 200, 2026: 300 } },
        { project: 'p2', amounts: { 2024: 1, 2025: 2, 2026: 3 } },
      ],
    });
    const other = measure({
      id: 'm2',
      number: 2,
      budget: [{ project: 'p1', amounts: { 2024: 10, 2025: 0, 2026: 0 } }],
    });
    const diff = diffPlans(plan([budgeted, other]), plan([budgeted, other]));
    expect(diff).toStrictEqual({
      before: { start: 2024, end: 2026 },
      after: { start: 2024, end: 2026 },
      commonYears: [2024, 2025, 2026],
      enteringYears: [],
      leavingYears: [],
      measures: [],
      unchanged: 2,
      totals: [
        { year: 2024, before: 111, after: 111 },
        { year: 2025, before: 202, after: 202 },
        { year: 2026, before: 303, after: 303 },
      ],
      enteringTotals: [],
    });
  });

  it('compares the fiscal years both periods hold, shows what the entering year plans as new, and sums up the leaving year', () => {
    const before = measure({
      initiatives: [
        { id: 't1', name: '町民参加の推進', rows: [{ project: 'p1', schedule: { 2024: ['a'], 2025: ['b'] } }] },
      ],
      budget: [{ project: 'p1', amounts: { 2024: 5, 2025: 7, 2026: 9 } }],
    });
    const after = measure({
      initiatives: [
        { id: 't1', name: '町民参加の推進', rows: [{ project: 'p1', schedule: { 2025: ['c'], 2027: ['d'] } }] },
      ],
      budget: [{ project: 'p1', amounts: { 2025: 7, 2026: 8, 2027: 1000 } }],
    });
    const diff = diffPlans(
      plan([before], { period: { start: 2024, end: 2026 } }),
      plan([after], { period: { start: 2025, end: 2027 } }),
    );
    expect(diff.before).toStrictEqual({ start: 2024, end: 2026 });
    expect(diff.after).toStrictEqual({ start: 2025, end: 2027 });
    expect(diff.commonYears).toStrictEqual([2025, 2026]);
    expect(diff.enteringYears).toStrictEqual([2027]);
    expect(diff.measures[0]!.changes).toStrictEqual([
      { kind: 'changed', label: '取組「①町民参加の推進」／町民意識調査／2025年度', before: '・b', after: '・c' },
      { kind: 'added', label: '取組「①町民参加の推進」／町民意識調査／2027年度（計画期間に加わる年度）', after: '・d' },
    ]);
    expect(diff.measures[0]!.budget).toStrictEqual([
      { project: '町民意識調査', year: 2026, before: 9, after: 8 },
      { project: '町民意識調査', year: 2027, after: 1000 },
    ]);
    expect(diff.totals).toStrictEqual([
      { year: 2025, before: 7, after: 7 },
      { year: 2026, before: 9, after: 8 },
    ]);
    expect(diff.enteringTotals).toStrictEqual([{ year: 2027, after: 1000 }]);
    // 2024 leaves: the old plan's 事業費 and plan items for it, summed up.
    expect(diff.leavingYears).toStrictEqual([{ year: 2024, total: 5, items: 1 }]);
  });

  it('lists 施策 in the new plan’s order, an added one as 施策 with its code, a removed one last with its number', () => {
    const kept = measure({ id: 'm1', number: 1, title: '協働のまちづくり' });
    const changed = measure({ id: 'm2', number: 2, title: '情報公開' });
    const removed = measure({ id: 'm3', number: 3, title: '広報の充実' });
    const added = measure({ id: 'm4', number: 4, code: '1-2-3', title: '窓口の電子化' });
    const diff = diffPlans(
      plan([kept, removed, changed]),
      plan([added, kept, { ...changed, title: '情報公開の推進' }], { labels: { ...LABELS, measure: '施策項目' } }),
    );
    expect(diff.unchanged).toBe(1);
    expect(diff.measures).toStrictEqual([
      {
        id: 'm4',
        number: 4,
        code: '1-2-3',
        title: '窓口の電子化',
        kind: 'added',
        changes: [
          { kind: 'added', label: '施策項目', after: '施策項目1-2-3　窓口の電子化' },
          { kind: 'added', label: '取組', after: '①町民参加の推進\n［町民意識調査］\n2024年度：実施\n2025年度：実施' },
          { kind: 'added', label: '取組', after: '②行政改革の推進\n［行財政改革］\n2024年度：検討' },
        ],
        budget: [],
      },
      {
        id: 'm2',
        number: 2,
        code: '2',
        title: '情報公開の推進',
        kind: 'changed',
        changes: [{ kind: 'changed', label: '施策名', before: '情報公開', after: '情報公開の推進' }],
        budget: [],
      },
      {
        id: 'm3',
        number: 3,
        code: '3',
        title: '広報の充実',
        kind: 'removed',
        changes: [{ kind: 'removed', label: '施策項目', before: '施策項目3　広報の充実' }],
        budget: [],
      },
    ]);
  });

  it('counts a 施策 whose only change is its 事業費 as changed, not unchanged', () => {
    const before = measure({ budget: [{ project: 'p1', amounts: { 2024: 1, 2025: 1, 2026: 1 } }] });
    const after = measure({ budget: [{ project: 'p1', amounts: { 2024: 1, 2025: 2, 2026: 1 } }] });
    const diff = diffPlans(plan([before]), plan([after]));
    expect(diff.unchanged).toBe(0);
    expect(diff.measures.map((m) => [m.kind, m.changes, m.budget])).toStrictEqual([
      ['changed', [], [{ project: '町民意識調査', year: 2025, before: 1, after: 2 }]],
    ]);
  });
});

describe('diffPlans: a 施策’s own fields', () => {
  it('compares the code, the 目印 by their names (from either plan) and the SDGs goals', () => {
    const tags = {
      before: [{ id: 'priority', name: '重点', mark: '★' }],
      after: [{ id: 'strategy', name: '総合戦略', mark: '☆' }],
    };
    const before = measure({ tags: ['priority'], sdgs: [3] });
    const after = measure({ code: '1-1-1', tags: ['strategy', 'unknown'], sdgs: [3, 11] });
    const diff = diffPlans(plan([before], { tags: tags.before }), plan([after], { tags: tags.after }));
    expect(diff.measures[0]!.changes).toStrictEqual([
      { kind: 'changed', label: 'コード', before: '（未記入）', after: '1-1-1' },
      { kind: 'changed', label: '目印', before: '重点', after: '総合戦略、unknown' },
      { kind: 'changed', label: 'SDGs', before: '3', after: '3、11' },
    ]);
    expect(diff.measures[0]!.code).toBe('1-1-1');
  });

  it('finds no change in 目印 whose id changed but whose name did not', () => {
    const before = measure({ tags: ['old-priority'] });
    const after = measure({ tags: ['priority'] });
    const diff = diffPlans(
      plan([before], { tags: [{ id: 'old-priority', name: '重点', mark: '★' }] }),
      plan([after], { tags: [{ id: 'priority', name: '重点', mark: '★' }] }),
    );
    expect(diff.measures).toStrictEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it('names a move to another 基本方針・基本施策 with the new plan’s level names', () => {
    const changes = changesOf(measure({ policy: 1, basicMeasure: 2 }), measure({ policy: 2, basicMeasure: 1 }), {
      labels: { ...LABELS, policy: '基本目標', basicMeasure: '政策' },
    });
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '基本目標・政策', before: '基本目標1／政策2', after: '基本目標2／政策1' },
    ]);
  });
});

describe('diffPlans: 施策の方向 (sentences without ids)', () => {
  it('pairs the removed and added sentences of one place as changes, an extra one as added', () => {
    const changes = changesOf(
      measure({ directions: ['甲', '乙', '丙', '丁'] }),
      measure({ directions: ['甲', '乙二', '丙', '戊', '己'] }),
    );
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '施策の方向', before: '乙', after: '乙二' },
      { kind: 'changed', label: '施策の方向', before: '丁', after: '戊' },
      { kind: 'added', label: '施策の方向', after: '己' },
    ]);
  });

  it('reports sentences taken out as removed, each on its own', () => {
    const changes = changesOf(measure({ directions: ['甲', '乙', '丙'] }), measure({ directions: ['甲'] }));
    expect(changes).toStrictEqual([
      { kind: 'removed', label: '施策の方向', before: '乙' },
      { kind: 'removed', label: '施策の方向', before: '丙' },
    ]);
  });

  it('pairs sentences only within one place: a removal and a later addition stay apart', () => {
    const changes = changesOf(measure({ directions: ['甲', '乙', '丙'] }), measure({ directions: ['甲', '丙', '丁'] }));
    expect(changes).toStrictEqual([
      { kind: 'removed', label: '施策の方向', before: '乙' },
      { kind: 'added', label: '施策の方向', after: '丁' },
    ]);
  });

  it('reports a sentence added at the start, the others kept', () => {
    const changes = changesOf(measure({ directions: ['乙'] }), measure({ directions: ['甲', '乙'] }));
    expect(changes).toStrictEqual([{ kind: 'added', label: '施策の方向', after: '甲' }]);
  });
});

describe('diffPlans: 事業', () => {
  it('writes an added 事業 with its code, and 担当課未記入 and 新規・継続未記入 where they are missing', () => {
    const added: ProjectData = { id: 'p3', code: '4111', name: '窓口改善' };
    const changes = changesOf(measure(), measure({ projects: [SURVEY, REFORM, added] }));
    expect(changes).toStrictEqual([
      { kind: 'added', label: '事業', after: '4111　窓口改善（担当課未記入・新規・継続未記入）' },
    ]);
  });

  it('writes a removed 事業 with its 担当課 and 区分, and its rows go with it', () => {
    const changes = changesOf(
      measure(),
      measure({
        projects: [SURVEY],
        initiatives: [
          { id: 't1', name: '町民参加の推進', rows: [{ project: 'p1', schedule: { 2024: ['実施'], 2025: ['実施'] } }] },
          { id: 't2', name: '行政改革の推進', rows: [{ project: 'p1', schedule: { 2024: ['検討'] } }] },
        ],
      }),
    );
    expect(changes).toStrictEqual([
      { kind: 'removed', label: '事業', before: '行財政改革（財政課・新規）' },
      { kind: 'added', label: '取組「②行政改革の推進」の事業', after: '町民意識調査' },
    ]);
  });

  it('labels a changed field with the new name and the plan’s term for 区分 (区分 where marks stand for them)', () => {
    const statuses = [
      { name: '新規', mark: '◎' },
      { name: '継続', mark: '○' },
    ];
    const renamed: ProjectData = { ...REFORM, name: '行政改革', department: '総務課', status: '継続' };
    const changes = changesOf(measure(), measure({ projects: [SURVEY, renamed] }), {
      statuses,
      labels: { ...LABELS, project: '事務事業' },
    });
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '事業名', before: '行財政改革', after: '行政改革' },
      { kind: 'changed', label: '事務事業「行政改革」の担当課', before: '財政課', after: '総務課' },
      { kind: 'changed', label: '事務事業「行政改革」の区分', before: '新規', after: '継続' },
    ]);
  });

  it('labels a changed 区分 by the names of the 区分 where they are printed (新規・継続)', () => {
    const changes = changesOf(measure(), measure({ projects: [{ ...SURVEY, status: '新規' }, REFORM] }));
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '事業「町民意識調査」の新規・継続', before: '継続', after: '新規' },
    ]);
  });

  it('names a missing 区分 with the plan’s term in an added 事業, and compares 事業の目印 by name', () => {
    const statuses = [
      { name: '新規', mark: '◎' },
      { name: '継続', mark: '○' },
    ];
    const tags = [{ id: 'priority', name: '重点', mark: '★' }];
    const changes = changesOf(
      measure(),
      measure({
        projects: [{ ...SURVEY, tags: ['priority'] }, REFORM, { id: 'p3', name: '窓口改善', department: '総務課' }],
      }),
      { statuses, tags },
    );
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '事業「町民意識調査」の目印', before: '（未記入）', after: '重点' },
      { kind: 'added', label: '事業', after: '窓口改善（総務課・区分未記入）' },
    ]);
  });
});

describe('diffPlans: 取組 and their rows', () => {
  it('writes an added 取組 with its number and its 事業 (the id where no 事業 has it)', () => {
    const t3 = {
      id: 't3',
      name: '情報公開',
      rows: [
        { project: 'p2', schedule: {} },
        { project: 'p9', schedule: {} },
      ],
    };
    const changes = changesOf(measure(), measure({ initiatives: [...measure().initiatives, t3] }));
    expect(changes).toStrictEqual([{ kind: 'added', label: '取組', after: '③情報公開\n［行財政改革］\n［p9］' }]);
  });

  it('writes a removed 取組 with its old number', () => {
    const [t1, t2] = measure().initiatives;
    const changes = changesOf(measure({ initiatives: [t1!, t2!] }), measure({ initiatives: [t2!] }));
    expect(changes).toStrictEqual([{ kind: 'removed', label: '取組', before: '①町民参加の推進' }]);
  });

  it('lists 取組 kept in another order with their old and new numbers, leaving out added and removed ones', () => {
    const [t1, t2] = measure().initiatives;
    const gone = { id: 't0', name: '廃止する取組', rows: [{ project: 'p1', schedule: {} }] };
    const fresh = { id: 't3', name: '新しい取組', rows: [{ project: 'p1', schedule: {} }] };
    const changes = changesOf(measure({ initiatives: [gone, t1!, t2!] }), measure({ initiatives: [t2!, t1!, fresh] }));
    expect(changes).toStrictEqual([
      {
        kind: 'changed',
        label: '取組の順序',
        before: '②町民参加の推進\n③行政改革の推進',
        after: '①行政改革の推進\n②町民参加の推進',
      },
      { kind: 'added', label: '取組', after: '③新しい取組\n［町民意識調査］' },
      { kind: 'removed', label: '取組', before: '①廃止する取組' },
    ]);
  });

  it('finds no change in the order when one 取組 is removed before the others', () => {
    const [t1, t2] = measure().initiatives;
    const gone = { id: 't0', name: '廃止する取組', rows: [{ project: 'p1', schedule: {} }] };
    const changes = changesOf(measure({ initiatives: [gone, t1!, t2!] }), measure({ initiatives: [t1!, t2!] }));
    expect(changes).toStrictEqual([{ kind: 'removed', label: '取組', before: '①廃止する取組' }]);
  });

  it('labels a renamed 取組 as 取組名', () => {
    const [t1, t2] = measure().initiatives;
    const changes = changesOf(measure(), measure({ initiatives: [t1!, { ...t2!, name: '行政改革の徹底' }] }));
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '取組名', before: '行政改革の推進', after: '行政改革の徹底' },
    ]);
  });

  it('compares each common year’s items, a year without items or not written reading （なし）', () => {
    const before = measure({
      initiatives: [
        {
          id: 't1',
          name: '町民参加の推進',
          rows: [{ project: 'p1', schedule: { 2024: ['調査', '集計'], 2025: ['実施'], 2026: [] } }],
        },
      ],
    });
    const after = measure({
      initiatives: [
        { id: 't1', name: '町民参加の推進', rows: [{ project: 'p1', schedule: { 2024: ['調査'], 2025: [] } }] },
      ],
    });
    expect(changesOf(before, after)).toStrictEqual([
      {
        kind: 'changed',
        label: '取組「①町民参加の推進」／町民意識調査／2024年度',
        before: '・調査\n・集計',
        after: '・調査',
      },
      {
        kind: 'changed',
        label: '取組「①町民参加の推進」／町民意識調査／2025年度',
        before: '・実施',
        after: '（なし）',
      },
    ]);
  });

  it('reports a row moved between 取組 of kept 事業 as removed from one and added to the other', () => {
    const before = measure();
    const after = measure({
      initiatives: [
        { id: 't1', name: '町民参加の推進', rows: [{ project: 'p2', schedule: { 2024: ['検討'] } }] },
        { id: 't2', name: '行政改革の推進', rows: [{ project: 'p1', schedule: { 2024: ['実施'], 2025: ['実施'] } }] },
      ],
    });
    expect(changesOf(before, after)).toStrictEqual([
      { kind: 'added', label: '取組「①町民参加の推進」の事業', after: '行財政改革' },
      { kind: 'removed', label: '取組「①町民参加の推進」の事業', before: '町民意識調査' },
      { kind: 'added', label: '取組「②行政改革の推進」の事業', after: '町民意識調査' },
      { kind: 'removed', label: '取組「②行政改革の推進」の事業', before: '行財政改革' },
    ]);
  });

  it('folds the row of an added 事業 into the 事業’s addition', () => {
    const added: ProjectData = { id: 'p3', name: '窓口改善', department: '総務課', status: '新規' };
    const [t1, t2] = measure().initiatives;
    const after = measure({
      projects: [SURVEY, REFORM, added],
      initiatives: [{ ...t1!, rows: [...t1!.rows, { project: 'p3', schedule: { 2024: ['開始'] } }] }, t2!],
    });
    expect(changesOf(measure(), after)).toStrictEqual([
      { kind: 'added', label: '事業', after: '窓口改善（総務課・新規）\n2024年度：開始' },
    ]);
  });
});

describe('diffPlans: a 施策 without 取組 (rows directly)', () => {
  /** Without 取組: one unnamed group with the 施策's id and title. */
  const withoutInitiatives = (rows: Measure['initiatives'][number]['rows']): Measure =>
    measure({ hasInitiatives: false, initiatives: [{ id: 'm1', name: '協働のまちづくり', rows }] });

  it('labels its rows by 事業 alone, and added or removed rows as 事業の行', () => {
    const before = withoutInitiatives([
      { project: 'p1', schedule: { 2025: ['実施'] } },
      { project: 'p2', schedule: {} },
    ]);
    const after = withoutInitiatives([{ project: 'p1', schedule: { 2025: ['拡充'] } }]);
    expect(changesOf(before, after)).toStrictEqual([
      { kind: 'changed', label: '町民意識調査／2025年度', before: '・実施', after: '・拡充' },
      { kind: 'removed', label: '事業の行', before: '行財政改革' },
    ]);
    expect(changesOf(after, before)).toStrictEqual([
      { kind: 'changed', label: '町民意識調査／2025年度', before: '・拡充', after: '・実施' },
      { kind: 'added', label: '事業の行', after: '行財政改革' },
    ]);
  });

  it('reports a renamed 施策 once, as 施策名: its unnamed group of rows is not a 取組 renamed', () => {
    const rows = [{ project: 'p1', schedule: { 2025: ['実施'] } }];
    const renamed: Measure = {
      ...withoutInitiatives(rows),
      title: '参加のまちづくり',
      initiatives: [{ id: 'm1', name: '参加のまちづくり', rows }],
    };
    expect(changesOf(withoutInitiatives(rows), renamed)).toStrictEqual([
      { kind: 'changed', label: '施策名', before: '協働のまちづくり', after: '参加のまちづくり' },
    ]);
  });

  it('reports 取組 given up for rows as the 取組 removed and the rows added', () => {
    const after = withoutInitiatives([{ project: 'p1', schedule: {} }]);
    expect(changesOf(measure(), after)).toStrictEqual([
      { kind: 'added', label: '事業の行', after: '［町民意識調査］' },
      { kind: 'removed', label: '取組', before: '①町民参加の推進' },
      { kind: 'removed', label: '取組', before: '②行政改革の推進' },
    ]);
  });

  it('reports rows given 取組 as the rows removed and the 取組 added, with the new level names', () => {
    const before = withoutInitiatives([
      { project: 'p1', schedule: {} },
      { project: 'p2', schedule: {} },
    ]);
    const [t1] = measure().initiatives;
    expect(
      changesOf(before, measure({ initiatives: [t1!] }), {
        labels: { ...LABELS, initiative: '主な取組', project: '事務事業' },
      }),
    ).toStrictEqual([
      { kind: 'added', label: '主な取組', after: '①町民参加の推進\n［町民意識調査］\n2024年度：実施\n2025年度：実施' },
      { kind: 'removed', label: '事務事業の行', before: '［町民意識調査］［行財政改革］' },
    ]);
  });
});

describe('diffPlans: 指標', () => {
  const rate = {
    id: 'i1',
    name: '協働事業の参加率',
    kind: '成果指標',
    unit: '％',
    direction: 'up' as const,
    baseline: { year: 2023, value: 43.5 },
    targets: { 2024: 45, 2025: 46 },
  };

  it('writes an added 指標 with its unit and each common year’s target (（未記入） where none)', () => {
    const changes = changesOf(measure(), measure({ indicators: [rate] }));
    expect(changes).toStrictEqual([
      {
        kind: 'added',
        label: '指標',
        after: '協働事業の参加率（％）\n2024年度: 45％\n2025年度: 46％\n2026年度: （未記入）',
      },
    ]);
  });

  it('writes a removed 指標 (of a 事業 too) with its unit', () => {
    const count = { ...rate, id: 'i2', name: '調査の回答数', unit: '件' };
    const changes = changesOf(
      measure({ indicators: [rate], projects: [{ ...SURVEY, indicators: [count] }, REFORM] }),
      measure(),
    );
    expect(changes).toStrictEqual([
      { kind: 'removed', label: '指標', before: '協働事業の参加率（％）' },
      { kind: 'removed', label: '指標', before: '調査の回答数（件）' },
    ]);
  });

  it('compares a 指標’s fields, 基準値, 最終目標 and targets, labelled with its new name', () => {
    const after = {
      ...rate,
      name: '協働事業への参加率',
      kind: '活動指標',
      direction: 'keep' as const,
      baseline: { year: 2023, value: 44 },
      final: { year: 2030, value: 55 },
      targets: { 2024: 45, 2026: 48 },
    };
    const changes = changesOf(measure({ indicators: [rate] }), measure({ indicators: [after] }));
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '指標名', before: '協働事業の参加率', after: '協働事業への参加率' },
      { kind: 'changed', label: '指標「協働事業への参加率」の種別', before: '成果指標', after: '活動指標' },
      { kind: 'changed', label: '指標「協働事業への参加率」の目指す方向', before: 'up', after: 'keep' },
      {
        kind: 'changed',
        label: '指標「協働事業への参加率」の基準値',
        before: '43.5（2023年度）',
        after: '44（2023年度）',
      },
      { kind: 'changed', label: '指標「協働事業への参加率」の最終目標', before: '（未記入）', after: '55（2030年度）' },
      { kind: 'changed', label: '指標「協働事業への参加率」／2025年度の目標値', before: '46％', after: '（未記入）' },
      { kind: 'changed', label: '指標「協働事業への参加率」／2026年度の目標値', before: '（未記入）', after: '48％' },
    ]);
  });

  it('reads each side’s targets in its own unit, and a removed 最終目標 as （未記入）', () => {
    const before = { ...rate, final: { year: 2030, value: 50 } };
    const after = { ...rate, unit: 'ポイント' };
    const changes = changesOf(measure({ indicators: [before] }), measure({ indicators: [after] }));
    expect(changes).toStrictEqual([
      { kind: 'changed', label: '指標「協働事業の参加率」の単位', before: '％', after: 'ポイント' },
      { kind: 'changed', label: '指標「協働事業の参加率」の最終目標', before: '50（2030年度）', after: '（未記入）' },
      { kind: 'changed', label: '指標「協働事業の参加率」／2024年度の目標値', before: '45％', after: '45ポイント' },
      { kind: 'changed', label: '指標「協働事業の参加率」／2025年度の目標値', before: '46％', after: '46ポイント' },
    ]);
  });

  it('matches a 指標 moved from the 施策 to one of its 事業 by id: no change', () => {
    const before = measure({ indicators: [rate] });
    const after = measure({ projects: [{ ...SURVEY, indicators: [rate] }, REFORM] });
    const diff = diffPlans(plan([before]), plan([after]));
    expect(diff.measures).toStrictEqual([]);
  });
});

describe('diffPlans: 事業費', () => {
  it('gives the 事業費 of an added 事業 with its new amounts only', () => {
    const added = { id: 'p3', name: '窓口改善', department: '総務課', status: '新規' };
    const [t1, t2] = measure().initiatives;
    const after = measure({
      projects: [SURVEY, REFORM, added],
      initiatives: [t1!, { ...t2!, rows: [...t2!.rows, { project: 'p3', schedule: {} }] }],
      budget: [{ project: 'p3', amounts: { 2024: 0, 2025: 50, 2026: 50 } }],
    });
    expect(diffPlans(plan([measure()]), plan([after])).measures[0]!.budget).toStrictEqual([
      { project: '窓口改善', year: 2024, after: 0 },
      { project: '窓口改善', year: 2025, after: 50 },
      { project: '窓口改善', year: 2026, after: 50 },
    ]);
  });

  it('compares each 事業’s amount per common year, naming it by its new name, its old one, or its id', () => {
    const before = measure({
      budget: [
        { project: 'p1', amounts: { 2024: 10, 2025: 20, 2026: 30 } },
        { project: 'p2', amounts: { 2024: 5, 2025: 5, 2026: 5 } },
        { project: 'p9', amounts: { 2024: 1, 2025: 1, 2026: 1 } },
      ],
    });
    const after = measure({
      projects: [{ ...SURVEY, name: '町民意識調査（拡充）' }],
      initiatives: [
        { id: 't1', name: '町民参加の推進', rows: [{ project: 'p1', schedule: { 2024: ['実施'], 2025: ['実施'] } }] },
      ],
      budget: [
        { project: 'p1', amounts: { 2024: 10, 2025: 25, 2026: 30 } },
        { project: 'p9', amounts: { 2024: 1, 2025: 1, 2026: 2 } },
      ],
    });
    const diff = diffPlans(plan([before]), plan([after]));
    expect(diff.measures[0]!.budget).toStrictEqual([
      { project: '町民意識調査（拡充）', year: 2025, before: 20, after: 25 },
      { project: '行財政改革', year: 2024, before: 5 },
      { project: '行財政改革', year: 2025, before: 5 },
      { project: '行財政改革', year: 2026, before: 5 },
      { project: 'p9', year: 2026, before: 1, after: 2 },
    ]);
    expect(diff.totals).toStrictEqual([
      { year: 2024, before: 16, after: 11 },
      { year: 2025, before: 26, after: 26 },
      { year: 2026, before: 36, after: 32 },
    ]);
  });
});
