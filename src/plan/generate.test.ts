// generatePlan: a synthetic plan's shape, numbering and texts come from a small source plan written here, the same for the same seed.
import { describe, expect, it } from 'vitest';
import type { Measure, Plan } from '../data/plan-model.ts';
import { GENERATED_DEPARTMENTS, generatePlan } from './generate.ts';

const LABELS = { policy: '基本方針', basicMeasure: '基本施策', measure: '施策', initiative: '取組', project: '事業' };

function source(measures: readonly Measure[], over: Partial<Plan> = {}): Plan {
  return {
    municipality: '見本町',
    title: '実施計画',
    period: { start: 2024, end: 2026 },
    labels: LABELS,
    statuses: [{ name: '新規' }, { name: '継続' }],
    tags: [],
    fundingSources: [],
    policies: [],
    departments: ['総務課'],
    measures: [...measures],
    ...over,
  };
}

/** A 施策 of the source: its rows' 事業 are named `name` and numbered; `cells` are each row's first-year items. */
function sourceMeasure(
  id: string,
  title: string,
  initiatives: { name: string; cells: (string[] | undefined)[] }[],
  budget: Measure['budget'] = [],
): Measure {
  let n = 0;
  const projects: Measure['projects'][number][] = [];
  return {
    id,
    number: 1,
    policy: 1,
    basicMeasure: 1,
    title,
    directions: [`${title}を進めます。`],
    projects,
    initiatives: initiatives.map((t, i) => ({
      id: `${id}-t${i + 1}`,
      name: t.name,
      rows: t.cells.map((cell) => {
        const project = { id: `${id}-p${++n}`, name: `${title}事業${n}`, department: '総務課', status: '継続' };
        projects.push(project);
        // A row without a first-year cell (`undefined`) has items in its second year only.
        const schedule: Record<string, string[]> = cell
          ? { 2024: cell, 2025: cell, 2026: cell }
          : { 2025: ['二年目だけ'] };
        return { project: project.id, schedule };
      }),
    })),
    hasInitiatives: true,
    budget,
    file: `measures/${id}.yaml`,
  };
}

describe('generatePlan: one 施策 worked out draw by draw', () => {
  // Every pool of this source has one entry, so only these Park–Miller draws decide anything. The state starts at
  // (1 × 7919 + 1) + 1 = 7921 (seed 1, one 施策) and each draw is state × 48271 mod 2147483647:
  // draw 7 (担当課) 265221168 → 0.12 → the 4th of 30 (税務課); draw 8 (区分) 0.62 < 0.9 → 継続;
  // draw 11 (予算) 0.31 < 1 → budgeted 施策; draw 12 (this 事業) 0.85 ≥ 0.6 → no 事業費 row.
  const single = source([
    sourceMeasure(
      'a',
      '協働のまちづくり',
      [{ name: '町民参加の推進', cells: [['調査']] }],
      [{ project: 'a-p1', amounts: { 2024: 120, 2025: 120, 2026: 120 } }],
    ),
  ]);

  it('draws its 担当課, 区分 and 事業費 as the seed’s draws decide, every text from the source', () => {
    expect(generatePlan(single, 1, 1)).toStrictEqual({
      plan: {
        municipality: '見本市',
        title: '実施計画',
        period: { start: 2024, end: 2026 },
        policies: [
          {
            number: 1,
            title: '協働のまちづくりのまちづくり',
            basicMeasures: [{ number: 1, title: '協働のまちづくり' }],
          },
        ],
      },
      departments: GENERATED_DEPARTMENTS,
      measures: [
        {
          id: 'g0001',
          number: 1,
          policy: 1,
          basicMeasure: 1,
          title: '協働のまちづくり',
          directions: ['協働のまちづくりを進めます。'],
          projects: [{ id: 'g0001-j1', name: '協働のまちづくり事業1', department: '税務課', status: '継続' }],
          initiatives: [
            {
              id: 'g0001-t1',
              name: '町民参加の推進',
              rows: [{ project: 'g0001-j1', schedule: { 2024: ['調査'], 2025: ['調査'], 2026: ['調査'] } }],
            },
          ],
          budget: [],
        },
      ],
    });
  });

  it('uses seed 1 when none is given, and gives the same plan for the same seed', () => {
    expect(generatePlan(single, 1)).toStrictEqual(generatePlan(single, 1, 1));
    expect(generatePlan(single, 3, 7)).toStrictEqual(generatePlan(single, 3, 7));
    expect(generatePlan(single, 3, 7)).not.toStrictEqual(generatePlan(single, 3, 8));
  });

  it('keeps the source’s own level names and 区分, and leaves out the defaults', () => {
    const labels = {
      policy: '基本目標',
      basicMeasure: '政策',
      measure: '施策',
      initiative: '取組',
      project: '事務事業',
    };
    const statuses = [
      { name: '新規', mark: '◎' },
      { name: '完了', mark: '◇' },
    ];
    const { plan } = generatePlan(source(single.measures, { labels, statuses }), 1);
    expect(plan.labels).toStrictEqual(labels);
    expect(plan.statuses).toStrictEqual(statuses);
    expect(Object.keys(generatePlan(single, 1).plan)).toStrictEqual(['municipality', 'title', 'period', 'policies']);
  });
});

describe('generatePlan: many 施策 from a varied source', () => {
  // Three 施策: one with 事業費 (1 in 3), 取組 with 4 or 3 rows, first-year cells of 1 or 2 items, and one row
  // whose first year is not written (its second-year item is no pool's).
  const varied = source([
    sourceMeasure(
      'a',
      '協働のまちづくり',
      [{ name: '町民参加', cells: [['調査', '集計'], ['説明会'], ['広報'], ['調査']] }],
      [
        { project: 'a-p1', amounts: { 2024: 100, 2025: 200, 2026: 300 } },
        { project: 'a-p2', amounts: { 2024: 40, 2025: 40, 2026: 40 } },
      ],
    ),
    sourceMeasure('b', '情報公開', [
      { name: '公開の推進', cells: [['公開'], undefined, ['更新']] },
      { name: '窓口の充実', cells: [['相談'], ['案内'], ['相談']] },
    ]),
    sourceMeasure('c', '行政改革', [{ name: '事務の見直し', cells: [['点検'], ['点検', '改善'], ['改善'], ['評価']] }]),
  ]);
  const COUNT = 150;
  /** Generated in each test rather than once for the file, so that each test runs the generator it checks. */
  const generated = () => {
    const { plan, measures } = generatePlan(varied, COUNT, 1);
    return {
      plan,
      measures,
      projects: measures.flatMap((m) => m.projects),
      budgeted: measures.filter((m) => m.budget.length > 0),
      cells: measures.flatMap((m) => m.initiatives!.flatMap((t) => t.rows.map((r) => r.schedule))),
    };
  };

  it('makes N 施策, four to a 基本施策 and eight 基本施策 to a 基本方針, numbered within their 基本方針', () => {
    const { plan } = generated();
    const small = generatePlan(varied, 37);
    // 37 施策: 10 基本施策 (the last with one), 2 基本方針 (the second with 2 基本施策).
    expect(small.plan.policies.map((p) => [p.number, p.basicMeasures.map((b) => b.number)])).toStrictEqual([
      [1, [1, 2, 3, 4, 5, 6, 7, 8]],
      [2, [1, 2]],
    ]);
    const at = (i: number) => {
      const m = small.measures[i]!;
      return [m.id, m.policy, m.basicMeasure, m.number];
    };
    expect([0, 3, 4, 31, 32, 35, 36].map(at)).toStrictEqual([
      ['g0001', 1, 1, 1],
      ['g0004', 1, 1, 4],
      ['g0005', 1, 2, 5],
      ['g0032', 1, 8, 32],
      ['g0033', 2, 1, 1],
      ['g0036', 2, 1, 4],
      ['g0037', 2, 2, 5],
    ]);
    expect(small.measures).toHaveLength(37);
    // 150 施策: 38 基本施策 in 5 基本方針, the last with 6.
    expect(plan.policies.map((p) => p.basicMeasures.length)).toStrictEqual([8, 8, 8, 8, 6]);
  });

  it('numbers the 取組 and 事業 of each 施策 from 1, the 事業 in the order of their rows', () => {
    const { measures } = generated();
    for (const m of measures) {
      const rows = m.initiatives!.flatMap((t) => t.rows.map((r) => r.project));
      expect(m.initiatives!.map((t) => t.id)).toStrictEqual(m.initiatives!.map((_, i) => `${m.id}-t${i + 1}`));
      expect(m.projects.map((p) => p.id)).toStrictEqual(rows.map((_, i) => `${m.id}-j${i + 1}`));
      expect(rows).toStrictEqual(m.projects.map((p) => p.id));
    }
  });

  it('draws the counts of 取組, rows, items and sentences from the source’s', () => {
    const { measures, cells } = generated();
    expect(new Set(measures.map((m) => m.initiatives!.length))).toStrictEqual(new Set([1, 2]));
    expect(new Set(measures.flatMap((m) => m.initiatives!.map((t) => t.rows.length)))).toStrictEqual(new Set([3, 4]));
    // A cell has one item or two, never none (the row without a first year counts as one), the same every year.
    expect(new Set(cells.map((c) => c['2024']!.length))).toStrictEqual(new Set([1, 2]));
    for (const c of cells) expect([c['2025'], c['2026']]).toStrictEqual([c['2024'], c['2024']]);
    expect(new Set(measures.map((m) => m.directions.length))).toStrictEqual(new Set([1]));
  });

  it('draws every text from the source: titles, sentences, names, and first-year items only', () => {
    const { plan, measures, projects, cells } = generated();
    const titles = ['協働のまちづくり', '情報公開', '行政改革'];
    expect(new Set(measures.map((m) => m.title))).toStrictEqual(new Set(titles));
    expect(new Set(measures.flatMap((m) => m.directions))).toStrictEqual(
      new Set(titles.map((t) => `${t}を進めます。`)),
    );
    expect(new Set(plan.policies.map((p) => p.title))).toStrictEqual(new Set(titles.map((t) => `${t}のまちづくり`)));
    expect(new Set(plan.policies.flatMap((p) => p.basicMeasures.map((b) => b.title)))).toStrictEqual(new Set(titles));
    expect(new Set(measures.flatMap((m) => m.initiatives!.map((t) => t.name)))).toStrictEqual(
      new Set(['町民参加', '公開の推進', '窓口の充実', '事務の見直し']),
    );
    expect(new Set(cells.flatMap((c) => c['2024']))).toStrictEqual(
      new Set(['調査', '集計', '説明会', '広報', '公開', '更新', '相談', '案内', '点検', '改善', '評価']),
    );
    const names = varied.measures.flatMap((m) => m.projects.map((p) => p.name));
    for (const p of projects) expect(names).toContain(p.name);
  });

  it('spreads the 事業 over the thirty departments', () => {
    const { projects } = generated();
    expect(GENERATED_DEPARTMENTS).toHaveLength(30);
    expect(new Set(projects.map((p) => p.department)).size).toBe(30);
    for (const p of projects) expect(GENERATED_DEPARTMENTS).toContain(p.department);
  });

  it('gives about nine 事業 in ten the source’s 継続 and the rest its first 区分 (新規)', () => {
    const { projects } = generated();
    const continuing = projects.filter((p) => p.status === '継続').length / projects.length;
    expect(new Set(projects.map((p) => p.status))).toStrictEqual(new Set(['継続', '新規']));
    expect(continuing).toBeGreaterThan(0.85);
    expect(continuing).toBeLessThan(0.95);
  });

  it('gives 事業費 to about as many 施策 as the source (1 in 3), to about six 事業 in ten of them', () => {
    const { budgeted } = generated();
    expect(budgeted.length / COUNT).toBeGreaterThan(0.2);
    expect(budgeted.length / COUNT).toBeLessThan(0.45);
    const rows = budgeted.reduce((n, m) => n + m.budget.length, 0);
    const candidates = budgeted.reduce((n, m) => n + m.projects.length, 0);
    expect(rows / candidates).toBeGreaterThan(0.5);
    expect(rows / candidates).toBeLessThan(0.7);
    for (const m of budgeted) {
      const ids = m.projects.map((p) => p.id);
      expect(m.budget.map((b) => b.project)).toStrictEqual(ids.filter((id) => m.budget.some((b) => b.project === id)));
      for (const b of m.budget) {
        expect(Object.keys(b.amounts)).toStrictEqual(['2024', '2025', '2026']);
        for (const amount of Object.values(b.amounts)) expect([100, 200, 300, 40]).toContain(amount);
      }
    }
  });

  it('gives no 事業費 when the source has none', () => {
    const unbudgeted = source(varied.measures.map((m) => ({ ...m, budget: [] })));
    expect(generatePlan(unbudgeted, 60).measures.filter((m) => m.budget.length > 0)).toStrictEqual([]);
  });

  it('takes 継続 as the usual 区分 when the source has it, even when it is not the last', () => {
    const statuses = [{ name: '新規' }, { name: '継続' }, { name: '完了' }];
    const generated = generatePlan(source(varied.measures, { statuses }), 60).measures.flatMap((m) => m.projects);
    expect(new Set(generated.map((p) => p.status))).toStrictEqual(new Set(['継続', '新規']));
  });

  it('takes the source’s last 区分 as the usual one when it has no 継続', () => {
    const statuses = [{ name: '新規' }, { name: '拡充' }, { name: '完了' }];
    const generated = generatePlan(source(varied.measures, { statuses }), 60).measures.flatMap((m) => m.projects);
    const done = generated.filter((p) => p.status === '完了').length / generated.length;
    expect(new Set(generated.map((p) => p.status))).toStrictEqual(new Set(['完了', '新規']));
    expect(done).toBeGreaterThan(0.8);
  });
});
