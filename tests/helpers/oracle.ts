// What a reader must find in the documents, worked out here from the YAML files alone: no
// keikaku code (no schema, no budgetTable, no formatAmount), so that a bug in keikaku cannot
// make the expectation agree with it. Sums and commas are done the plain way.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';

interface RawMeasure {
  id: string;
  number: number;
  title: string;
  directions: string[];
  projects: { id: string; name: string; department?: string }[];
  initiatives?: { id: string; name?: string; rows: { project: string; schedule: Record<string, string[] | null> }[] }[];
  rows?: { project: string; schedule: Record<string, string[] | null> }[];
  budget?: { project: string; amounts: Record<string, number> }[];
}

export interface ExpectedBudgetLine {
  readonly project: string;
  readonly department: string | undefined;
  readonly amounts: readonly number[];
  readonly total: number;
}

export interface ExpectedMeasure {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly directions: readonly string[];
  /** 取組 names with their circled numbers, in the order of the file. */
  readonly initiatives: readonly string[];
  readonly projects: readonly { readonly name: string; readonly department: string | undefined }[];
  readonly items: readonly string[];
  /** The 取組 (or the one unnamed group of a 施策 without 取組): each row's 事業 name and its items, year by year. */
  readonly groups: readonly {
    readonly heading: string | undefined;
    readonly rows: readonly { readonly project: string; readonly items: readonly string[] }[];
  }[];
  readonly budget: readonly ExpectedBudgetLine[];
  readonly yearTotals: readonly number[];
  readonly grandTotal: number;
}

export interface ExpectedPlan {
  readonly years: readonly number[];
  readonly measures: readonly ExpectedMeasure[];
  /** 事業費 of the whole plan per year, and over the period. */
  readonly yearTotals: readonly number[];
  readonly grandTotal: number;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const circled = (n: number) => (n <= 20 ? CIRCLED[n - 1]! : `(${n})`);

/** 1234567 → "1,234,567"; a decrease keeps its sign here (the documents print their own mark). */
export const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The plan in `dataDir`, as the documents must show it, measures in 施策 number order. */
export async function expectedPlan(dataDir: string): Promise<ExpectedPlan> {
  const plan = YAML.parse(await readFile(path.join(dataDir, 'plan.yaml'), 'utf8')) as {
    period: { start: number; end: number };
  };
  const years = Array.from({ length: plan.period.end - plan.period.start + 1 }, (_, i) => plan.period.start + i);
  const files = (await readdir(path.join(dataDir, 'measures'))).filter((n) => n.endsWith('.yaml'));
  const raw = await Promise.all(
    files.map(async (n) => YAML.parse(await readFile(path.join(dataDir, 'measures', n), 'utf8')) as RawMeasure),
  );
  const measures = raw
    .sort((a, b) => a.number - b.number)
    .map((m): ExpectedMeasure => {
      const name = (id: string) => m.projects.find((p) => p.id === id)!.name;
      const groups: { name?: string; rows: NonNullable<RawMeasure['rows']> }[] = m.initiatives ?? [
        { rows: m.rows ?? [] },
      ];
      const budget = (m.budget ?? []).map((b) => {
        const amounts = years.map((y) => b.amounts[String(y)] ?? 0);
        const department = m.projects.find((p) => p.id === b.project)!.department;
        return { project: name(b.project), department, amounts, total: sum(amounts) };
      });
      const yearTotals = years.map((_, i) => sum(budget.map((b) => b.amounts[i]!)));
      return {
        id: m.id,
        number: m.number,
        title: m.title,
        directions: m.directions,
        initiatives: (m.initiatives ?? []).map((t, i) => `${circled(i + 1)}${t.name}`),
        groups: groups.map((g, i) => ({
          heading: m.initiatives ? `${circled(i + 1)}${g.name}` : undefined,
          rows: g.rows.map((r) => ({
            project: name(r.project),
            items: years.flatMap((y) => r.schedule[String(y)] ?? []),
          })),
        })),
        projects: m.projects.map((p) => ({ name: p.name, department: p.department })),
        items: groups.flatMap((g) => g.rows.flatMap((r) => years.flatMap((y) => r.schedule[String(y)] ?? []))),
        budget,
        yearTotals,
        grandTotal: sum(yearTotals),
      };
    });
  const yearTotals = years.map((_, i) => sum(measures.map((m) => m.yearTotals[i]!)));
  return { years, measures, yearTotals, grandTotal: sum(yearTotals) };
}

/**
 * Where `sequence` occurs in order in `text`: each string found after the previous one.
 * Returns the first string that is missing or out of order, or undefined when all are in order.
 */
export function firstOutOfOrder(text: string, sequence: readonly string[]): string | undefined {
  let at = 0;
  for (const s of sequence) {
    const found = text.indexOf(s, at);
    if (found < 0) return text.includes(s) ? `${s}（順序が違います）` : `${s}（ありません）`;
    at = found + s.length;
  }
  return undefined;
}
