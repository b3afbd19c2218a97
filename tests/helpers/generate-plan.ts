// A larger plan made up for tests, deterministic: many 施策, 事業 spread over departments,
// some without a 担当課 and some without a budget.
import type { Measure, Plan } from '../../src/data/plan-model.ts';
import { DEFAULT_LABELS, DEFAULT_STATUSES } from '../../src/data/schema.ts';

export function generatePlan(measureCount: number, seed = 1): Plan {
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const departments = Array.from({ length: 30 }, (_, i) => `課${i + 1}`);
  const years = ['2024', '2025', '2026'];
  const measures: Measure[] = Array.from({ length: measureCount }, (_, m) => {
    const projects = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, j) => ({
      id: `g${m}-j${j}`,
      name: `事業${m}-${j}`,
      ...(random() < 0.05 ? {} : { department: departments[Math.floor(random() * departments.length)]! }),
      status: '継続' as const,
    }));
    return {
      id: `g${m}`,
      number: m + 1,
      policy: 1,
      basicMeasure: 1 + (m % 5),
      title: `施策${m + 1}`,
      directions: ['方向'],
      projects,
      initiatives: [
        {
          id: `g${m}-t1`,
          name: '取組',
          rows: projects.map((p) => ({ project: p.id, schedule: Object.fromEntries(years.map((y) => [y, ['計画']])) })),
        },
      ],
      budget: projects
        .filter(() => random() < 0.7)
        .map((p) => ({
          project: p.id,
          amounts: Object.fromEntries(years.map((y) => [y, Math.floor(random() * 50_000)])),
        })),
      hasInitiatives: true,
      file: `generated/${m}.yaml`,
    };
  });
  return {
    municipality: '見本市',
    title: '実施計画',
    period: { start: 2024, end: 2026 },
    labels: DEFAULT_LABELS,
    statuses: DEFAULT_STATUSES,
    tags: [],
    fundingSources: [],
    policies: [
      {
        number: 1,
        title: '基本方針',
        basicMeasures: [1, 2, 3, 4, 5].map((n) => ({ number: n, title: `基本施策${n}` })),
      },
    ],
    departments,
    measures,
  };
}
