// The shipped data re-shaped to another period length: plan.yaml's period ends earlier or
// later, and every 取組 cell and 事業費 of the years added is derived from the last real year,
// each with a figure of its own, so that a test can look for every single value on the page.
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from './plan.ts';

/** The amount a year added by `reshapePeriod` gets: distinct per year and per row. */
export const addedAmount = (last: number, yearIndex: number): number => last + 1000 * yearIndex + 7;

export async function reshapePeriod(dir: string, years: number, from = path.join(ROOT, 'data')): Promise<void> {
  await cp(from, dir, { recursive: true });
  const plan = parseDocument(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
  const start = Number(plan.getIn(['period', 'start']));
  plan.setIn(['period', 'end'], start + years - 1);
  await writeFile(path.join(dir, 'plan.yaml'), plan.toString());
  const keys = Array.from({ length: years }, (_, i) => String(start + i));
  const measures = path.join(dir, 'measures');
  for (const name of await readdir(measures)) {
    const file = path.join(measures, name);
    const doc = parseDocument(await readFile(file, 'utf8'));
    const data = doc.toJS() as {
      initiatives: { rows: { schedule: Record<string, string[]> }[] }[];
      budget: { amounts: Record<string, number> }[];
    };
    data.initiatives.forEach((initiative, i) =>
      initiative.rows.forEach((row, r) => {
        const known = Object.keys(row.schedule).sort();
        const last = row.schedule[known.at(-1)!]!;
        const schedule = Object.fromEntries(
          keys.map((y, k) => [y, row.schedule[y] ?? last.map((item) => `${item}（${k + 1}年目）`)]),
        );
        doc.setIn(['initiatives', i, 'rows', r, 'schedule'], doc.createNode(schedule));
      }),
    );
    data.budget.forEach((line, b) => {
      const known = Object.keys(line.amounts).sort();
      const last = line.amounts[known.at(-1)!]!;
      const amounts = Object.fromEntries(keys.map((y, k) => [y, line.amounts[y] ?? addedAmount(last, k)]));
      doc.setIn(['budget', b, 'amounts'], doc.createNode(amounts));
    });
    await writeFile(file, doc.toString());
  }
}
