// A synthetic plan of any size with the shape of the seed: 取組 per 施策, 事業 rows per 取組,
// items per year cell, 予算なし 施策, and texts drawn from the seed's own sentences, names and
// items, so that line lengths and page counts grow like a real plan's. Deterministic for a
// given size and seed. Used for benchmarks and scale tests.
import type { Plan } from '../data/plan-model.ts';
import { DEFAULT_LABELS, DEFAULT_STATUSES, type MeasureFile, type PlanFile } from '../data/schema.ts';
import { yearsOf } from './fiscal-year.ts';

/** Thirty departments of a typical city hall. */
export const GENERATED_DEPARTMENTS = [
  '総務課',
  '企画政策課',
  '財政課',
  '税務課',
  '収納課',
  '市民課',
  '保険年金課',
  '福祉総務課',
  '高齢福祉課',
  '障害福祉課',
  '子育て支援課',
  '健康増進課',
  '環境保全課',
  '農政課',
  '商工観光課',
  '都市計画課',
  '道路建設課',
  '上下水道課',
  '会計課',
  '学校教育課',
  '生涯学習課',
  '文化スポーツ課',
  '防災危機管理課',
  '市民協働課',
  '情報政策課',
  '人事課',
  '契約検査課',
  '議会事務局',
  '選挙管理委員会事務局',
  '監査委員事務局',
] as const;

export interface GeneratedPlan {
  readonly plan: PlanFile;
  readonly departments: readonly string[];
  readonly measures: readonly MeasureFile[];
}

/** Park–Miller: small, fast, and the same everywhere. */
function random(seed: number) {
  let state = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export function generatePlan(source: Plan, measureCount: number, seed = 1): GeneratedPlan {
  const rng = random(seed * 7919 + measureCount);
  const years = yearsOf(source.period).map(String);
  // What the seed is made of: the pools to draw from.
  const titles = source.measures.map((m) => m.title);
  const directions = source.measures.flatMap((m) => m.directions);
  const initiativeNames = source.measures.flatMap((m) => m.initiatives.map((t) => t.name));
  const projectNames = source.measures.flatMap((m) => m.projects.map((p) => p.name));
  const items = source.measures.flatMap((m) =>
    m.initiatives.flatMap((t) => t.rows.flatMap((r) => r.schedule[years[0]!] ?? [])),
  );
  const initiativeCounts = source.measures.map((m) => m.initiatives.length);
  const rowCounts = source.measures.flatMap((m) => m.initiatives.map((t) => t.rows.length));
  const itemCounts = source.measures.flatMap((m) =>
    m.initiatives.flatMap((t) => t.rows.map((r) => (r.schedule[years[0]!] ?? []).length)),
  );
  const directionCounts = source.measures.map((m) => m.directions.length);
  const amounts = source.measures.flatMap((m) => m.budget.flatMap((b) => Object.values(b.amounts)));
  const budgetShare = source.measures.filter((m) => m.budget.length > 0).length / source.measures.length;

  // The source's own 区分: mostly its 継続 (or its last), sometimes its first (新規).
  const statusNames = source.statuses.map((s) => s.name);
  const first = statusNames[0]!;
  const usual = statusNames.includes('継続') ? '継続' : statusNames.at(-1)!;

  const measuresPerBasic = 4;
  const basicPerPolicy = 8;
  const basicCount = Math.ceil(measureCount / measuresPerBasic);
  const policyCount = Math.ceil(basicCount / basicPerPolicy);
  const policies: PlanFile['policies'] = Array.from({ length: policyCount }, (_, p) => ({
    number: p + 1,
    title: `${rng.pick(titles)}のまちづくり`,
    basicMeasures: Array.from({ length: Math.min(basicPerPolicy, basicCount - p * basicPerPolicy) }, (_, b) => ({
      number: b + 1,
      title: rng.pick(titles),
    })),
  }));

  const numberInPolicy = new Map<number, number>();
  const measures: MeasureFile[] = Array.from({ length: measureCount }, (_, i) => {
    const basicIndex = Math.floor(i / measuresPerBasic);
    const policy = Math.floor(basicIndex / basicPerPolicy) + 1;
    const number = (numberInPolicy.get(policy) ?? 0) + 1;
    numberInPolicy.set(policy, number);
    const id = `g${String(i + 1).padStart(4, '0')}`;
    const projects: MeasureFile['projects'] = [];
    const initiatives = Array.from({ length: rng.pick(initiativeCounts) }, (_, t) => ({
      id: `${id}-t${t + 1}`,
      name: rng.pick(initiativeNames),
      rows: Array.from({ length: rng.pick(rowCounts) }, () => {
        const project = {
          id: `${id}-j${projects.length + 1}`,
          name: rng.pick(projectNames),
          department: rng.pick(GENERATED_DEPARTMENTS),
          status: rng.next() < 0.9 ? usual : first,
        };
        projects.push(project);
        const cell = Array.from({ length: Math.max(1, rng.pick(itemCounts)) }, () => rng.pick(items));
        return { project: project.id, schedule: Object.fromEntries(years.map((y) => [y, cell])) };
      }),
    }));
    const budgeted = rng.next() < budgetShare ? projects.filter(() => rng.next() < 0.6) : [];
    return {
      id,
      number,
      policy,
      basicMeasure: (basicIndex % basicPerPolicy) + 1,
      title: rng.pick(titles),
      directions: Array.from({ length: rng.pick(directionCounts) }, () => rng.pick(directions)),
      projects,
      initiatives,
      budget: budgeted.map((p) => ({
        project: p.id,
        amounts: Object.fromEntries(years.map((y) => [y, rng.pick(amounts)])),
      })),
    };
  });
  return {
    plan: {
      municipality: '見本市',
      title: source.title,
      period: source.period,
      // The source's level names and 区分 where it declares its own (利根町's are the defaults).
      ...(sameJson(source.labels, DEFAULT_LABELS) ? {} : { labels: source.labels }),
      ...(sameJson(source.statuses, DEFAULT_STATUSES) ? {} : { statuses: [...source.statuses] }),
      policies,
    },
    departments: GENERATED_DEPARTMENTS,
    measures,
  };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
