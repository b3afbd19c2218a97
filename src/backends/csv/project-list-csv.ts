// 事業一覧 as CSV for the town's open-data page: long format, one line per 事業 × 年度, with the
// ids that stay the same from year to year. UTF-8 with a byte order mark and CRLF line ends, so
// that Excel opens it as Japanese text (RFC 4180 quoting).
import type { Plan } from '../../data/plan-model.ts';
import { displayCode } from '../../data/plan-model.ts';
import { projectBudgets } from '../../plan/budget-summary.ts';
import { yearsOf } from '../../plan/fiscal-year.ts';

const field = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function projectListCsv(plan: Plan): Uint8Array {
  const years = yearsOf(plan.period);
  const L = plan.labels;
  const lines = [
    [
      `${L.measure}ID`,
      `${L.measure}番号`,
      `${L.measure}名`,
      `${L.project}ID`,
      `${L.project}名`,
      '担当課',
      '区分',
      '年度',
      '事業費（千円）',
    ],
  ];
  for (const budget of projectBudgets(plan))
    years.forEach((year, i) =>
      lines.push([
        budget.measure.id,
        displayCode(budget.measure),
        budget.measure.title,
        budget.projectId,
        budget.projectName,
        budget.project.department ?? '',
        budget.project.status ?? '',
        String(year),
        String(budget.amounts[i] ?? 0),
      ]),
    );
  return new TextEncoder().encode(`\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`);
}
