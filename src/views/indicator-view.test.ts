// indicatorsView prints a 施策's 指標 and those of its chosen 事業: 種別・単位・direction,
// 基準値 and 最終目標 with their years, a target per plan year (― where none), figures as written.
import { describe, expect, it, vi } from 'vitest';
// Modules loaded afresh below keep the schema already loaded (vi.doMock): reloading it would make
// the mutation run credit the schema's load-time definitions to these tests, which do not check them.
import * as schema from '../data/schema.ts';
import { measureModel, type Measure } from '../data/plan-model.ts';
import type { ProjectData } from '../data/schema.ts';

/**
 * The module, loaded afresh for each test rather than imported at the top: its number format is made
 * when it loads, and Stryker counts a change to it as covered only by the tests during which it loaded.
 */
async function indicatorViewModule() {
  vi.resetModules();
  vi.doMock('../data/schema.ts', () => schema);
  return import('./indicator-view.ts');
}

type Indicator = NonNullable<Measure['indicators']>[number];

const YEARS = [2025, 2026];
const everyProject = () => true;

/** Fully given: 種別, 最終目標, decimals. */
const satisfaction: Indicator = {
  id: 'satisfaction',
  name: '子育て環境に満足している保護者の割合',
  kind: '成果指標',
  unit: '％',
  direction: 'up',
  baseline: { year: 2023, value: 43.5 },
  targets: { '2025': 45, '2026': 46.5 },
  final: { year: 2030, value: 55 },
};
/** No 2025 target, a target of 0, no 最終目標. */
const waiting: Indicator = {
  id: 'waiting',
  name: '待機児童数',
  kind: '成果指標',
  unit: '人',
  direction: 'down',
  baseline: { year: 2024, value: 12 },
  targets: { '2026': 0 },
};
/** No 種別; figures in the thousands. */
const consultations: Indicator = {
  id: 'consultations',
  name: '相談件数',
  unit: '件',
  direction: 'keep',
  baseline: { year: 2023, value: 1180 },
  targets: { '2025': 1200, '2026': 1200 },
};
/** An 活動指標, for a 事業. */
const classes: Indicator = {
  id: 'classes',
  name: '両親学級の開催回数',
  kind: '活動指標',
  unit: '回',
  direction: 'up',
  baseline: { year: 2023, value: 10 },
  targets: { '2025': 12, '2026': 12 },
};

const project = (id: string, name: string, indicators?: Indicator[]): ProjectData => ({
  id,
  name,
  ...(indicators ? { indicators } : {}),
});

const measureWith = (indicators: Indicator[] | undefined, projects: ProjectData[]): Measure =>
  measureModel(
    {
      id: 'm01',
      number: 1,
      policy: 1,
      basicMeasure: 1,
      title: '子育て支援の充実',
      directions: ['安心して子どもを産み育てられる環境を整えます。'],
      ...(indicators ? { indicators } : {}),
      projects,
      rows: [{ project: projects[0]!.id, schedule: { '2025': ['・実施'], '2026': ['・実施'] } }],
      budget: [],
    },
    'measures/01.yaml',
  );

describe('indicatorsView', () => {
  it('gives nothing to print when neither the 施策 nor its 事業 have 指標', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const measure = measureWith(undefined, [project('p1', '子育て相談事業')]);
    expect(indicatorsView(measure, YEARS, everyProject)).toBeUndefined();
  });

  it('gives nothing to print when only a 事業 left out of the excerpt has 指標', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const measure = measureWith(undefined, [project('p1', '両親学級事業', [classes])]);
    expect(indicatorsView(measure, YEARS, (id) => id !== 'p1')).toBeUndefined();
  });

  it('prints an indicator’s 種別・単位・direction, 基準値, targets and 最終目標, each figure with its 年度', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const view = indicatorsView(measureWith([satisfaction], [project('p1', '子育て相談事業')]), YEARS, everyProject);
    expect(view).toStrictEqual({
      heading: '成果指標',
      rows: [
        {
          name: '子育て環境に満足している保護者の割合',
          detail: '成果指標・単位：％・↑（高いほどよい）',
          baseline: { value: '43.5', year: '2023年度' },
          targets: ['45', '46.5'],
          final: { value: '55', year: '2030年度' },
        },
      ],
    });
  });

  it('prints ― for a year without a target, 0 for a target of 0, and no 最終目標 when none is given', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const view = indicatorsView(measureWith([waiting], [project('p1', '保育所整備事業')]), YEARS, everyProject);
    expect(view).toStrictEqual({
      heading: '成果指標',
      rows: [
        {
          name: '待機児童数',
          detail: '成果指標・単位：人・↓（低いほどよい）',
          baseline: { value: '12', year: '2024年度' },
          targets: ['―', '0'],
        },
      ],
    });
  });

  it('heads indicators without a 種別 with 指標, leaving the 種別 out of the detail, and groups thousands', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const view = indicatorsView(measureWith([consultations], [project('p1', '子育て相談事業')]), YEARS, everyProject);
    expect(view).toStrictEqual({
      heading: '指標',
      rows: [
        {
          name: '相談件数',
          detail: '単位：件・→（維持）',
          baseline: { value: '1,180', year: '2023年度' },
          targets: ['1,200', '1,200'],
        },
      ],
    });
  });

  it('prints figures with all their decimals as written (0.8125, not 0.813)', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const index: Indicator = {
      id: 'index',
      name: '財政力指数',
      unit: '指数',
      direction: 'up',
      baseline: { year: 2023, value: 0.8125 },
      targets: { '2025': 0.82 },
      final: { year: 2030, value: 0.85 },
    };
    const [row] = indicatorsView(measureWith([index], [project('p1', '財政健全化事業')]), YEARS, everyProject)!.rows;
    expect(row!.baseline).toEqual({ value: '0.8125', year: '2023年度' });
    expect(row!.targets).toEqual(['0.82', '―']);
    expect(row!.final).toEqual({ value: '0.85', year: '2030年度' });
  });

  it('lists the 施策’s 指標 first, then those of the chosen 事業 as 〔事業名〕, heading each 種別 once', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const measure = measureWith(
      [satisfaction, waiting],
      [
        project('p1', '両親学級事業', [classes]),
        project('p2', '子育て相談事業', [consultations]),
        project('p3', '保育所整備事業'),
      ],
    );
    const view = indicatorsView(measure, YEARS, (id) => id !== 'p2');
    expect(view?.heading).toBe('成果指標・活動指標');
    expect(view?.rows.map((r) => [r.name, r.detail])).toEqual([
      ['子育て環境に満足している保護者の割合', '成果指標・単位：％・↑（高いほどよい）'],
      ['待機児童数', '成果指標・単位：人・↓（低いほどよい）'],
      ['〔両親学級事業〕両親学級の開催回数', '活動指標・単位：回・↑（高いほどよい）'],
    ]);
    expect(view?.rows[2]?.targets).toEqual(['12', '12']);
  });

  it('heads a table with 指標 of a 種別 and 指標 without one by the 種別 alone', async () => {
    const { indicatorsView } = await indicatorViewModule();
    const measure = measureWith([consultations], [project('p1', '両親学級事業', [classes])]);
    expect(indicatorsView(measure, YEARS, everyProject)?.heading).toBe('活動指標');
  });
});
