// Old plan against new plan, matched by id (施策, 取組, 事業), never by position or title: a
// renamed 取組 is a change, not a removal and an addition. Each change is one entry; what
// follows from it (the rows of a removed 事業) is folded into that entry.
import type { Measure, Plan } from '../data/plan-model.ts';
import { initiativeSchema, measureFileSchema, projectSchema } from '../data/schema.ts';
import { changedFields, type FieldChange } from './compare-fields.ts';
import { budgetTable } from './budget.ts';
import { westernFiscalYear, yearsOf } from './fiscal-year.ts';
import { circledNumber } from './numbering.ts';
import { diffSequences } from './sequence-diff.ts';

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface Change {
  readonly kind: ChangeKind;
  /** What changed, for the 項目 column: 施策名, 施策の方向, 取組「…」, 事業「…」の担当課, … */
  readonly label: string;
  readonly before?: string;
  readonly after?: string;
}

export interface BudgetChange {
  readonly project: string;
  readonly year: number;
  readonly before?: number;
  readonly after?: number;
}

export interface MeasureDiff {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly kind: ChangeKind;
  readonly changes: readonly Change[];
  readonly budget: readonly BudgetChange[];
}

export interface PlanDiff {
  readonly before: { readonly start: number; readonly end: number };
  readonly after: { readonly start: number; readonly end: number };
  /** Fiscal years in both plans: only these are compared cell by cell. */
  readonly commonYears: readonly number[];
  readonly measures: readonly MeasureDiff[];
  readonly unchanged: number;
  /** 事業費 of the whole plan per common year. */
  readonly totals: readonly { readonly year: number; readonly before: number; readonly after: number }[];
}

const joinItems = (items: readonly string[] | undefined) =>
  items && items.length > 0 ? items.map((i) => `・${i}`).join('\n') : '（なし）';

export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const beforeYears = yearsOf(before.period);
  const commonYears = yearsOf(after.period).filter((y) => beforeYears.includes(y));
  const oldById = new Map(before.measures.map((m) => [m.id, m]));
  const newIds = new Set(after.measures.map((m) => m.id));
  const measures: MeasureDiff[] = [];
  let unchanged = 0;
  for (const m of after.measures) {
    const old = oldById.get(m.id);
    if (!old) {
      measures.push({
        id: m.id,
        number: m.number,
        title: m.title,
        kind: 'added',
        changes: [{ kind: 'added', label: '施策', after: `施策${m.number}　${m.title}` }],
        budget: [],
      });
      continue;
    }
    const d = diffMeasure(old, m, commonYears);
    if (d.changes.length === 0 && d.budget.length === 0) unchanged++;
    else measures.push(d);
  }
  for (const old of before.measures) {
    if (!newIds.has(old.id))
      measures.push({
        id: old.id,
        number: old.number,
        title: old.title,
        kind: 'removed',
        changes: [{ kind: 'removed', label: '施策', before: `施策${old.number}　${old.title}` }],
        budget: [],
      });
  }
  const total = (plan: Plan, year: number) =>
    plan.measures.reduce((s, m) => s + (budgetTable(m, [year]).yearTotals[0] ?? 0), 0);
  return {
    before: before.period,
    after: after.period,
    commonYears,
    measures,
    unchanged,
    totals: commonYears.map((year) => ({ year, before: total(before, year), after: total(after, year) })),
  };
}

function diffMeasure(old: Measure, m: Measure, years: readonly number[]): MeasureDiff {
  const changes: Change[] = [];
  const changed = (label: string, before: string, after: string) => {
    if (before !== after) changes.push({ kind: 'changed', label, before, after });
  };
  const fieldChanges = (list: readonly FieldChange[]) => list.forEach((c) => changes.push({ kind: 'changed', ...c }));
  fieldChanges(changedFields(measureFileSchema, old, m, (term) => term));
  changed(
    '基本方針・基本施策',
    `基本方針${old.policy}／基本施策${old.basicMeasure}`,
    `基本方針${m.policy}／基本施策${m.basicMeasure}`,
  );

  // 施策の方向: sentences have no ids. An unmatched run on both sides pairs up as changes.
  const ops = diffSequences(old.directions, m.directions);
  for (let k = 0; k < ops.length;) {
    if (ops[k]!.type === 'equal') {
      k++;
      continue;
    }
    const deleted: string[] = [];
    const inserted: string[] = [];
    while (k < ops.length && ops[k]!.type !== 'equal') {
      const op = ops[k++]!;
      if (op.type === 'delete') deleted.push(op.before);
      if (op.type === 'insert') inserted.push(op.after);
    }
    for (let p = 0; p < Math.max(deleted.length, inserted.length); p++) {
      const before = deleted[p];
      const after = inserted[p];
      changes.push({
        kind: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
        label: '施策の方向',
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
      });
    }
  }

  // 事業 by id.
  const oldProjects = new Map(old.projects.map((p) => [p.id, p]));
  const newProjects = new Map(m.projects.map((p) => [p.id, p]));
  const projectLine = (p: Measure['projects'][number]) =>
    `${p.name}（${p.department ?? '担当課未記入'}・${p.status ?? '新規・継続未記入'}）`;
  for (const p of m.projects) {
    const o = oldProjects.get(p.id);
    if (!o) {
      changes.push({ kind: 'added', label: '事業', after: projectLine(p) });
      continue;
    }
    fieldChanges(changedFields(projectSchema, o, p, (term) => `事業「${p.name}」の${term}`));
  }
  for (const o of old.projects)
    if (!newProjects.has(o.id)) changes.push({ kind: 'removed', label: '事業', before: projectLine(o) });

  // 取組 by id; their rows by 事業 id. Rows of an added or removed 事業 belong to that change.
  const oldInitiatives = new Map(old.initiatives.map((t) => [t.id, t]));
  const newInitiativeIds = new Set(m.initiatives.map((t) => t.id));
  const name = (plan: Measure, id: string) => plan.projects.find((p) => p.id === id)?.name ?? id;
  m.initiatives.forEach((t, i) => {
    const o = oldInitiatives.get(t.id);
    const title = `取組「${circledNumber(i + 1)}${t.name}」`;
    if (!o) {
      changes.push({
        kind: 'added',
        label: '取組',
        after: `${circledNumber(i + 1)}${t.name}\n${t.rows.map((r) => `［${name(m, r.project)}］`).join('')}`,
      });
      return;
    }
    fieldChanges(changedFields(initiativeSchema, o, t, (term) => `${title}の${term}`));
    const oldRows = new Map(o.rows.map((r) => [r.project, r]));
    for (const row of t.rows) {
      const before = oldRows.get(row.project);
      if (!before) {
        if (oldProjects.has(row.project))
          changes.push({ kind: 'added', label: `${title}の事業`, after: name(m, row.project) });
        continue;
      }
      for (const y of years)
        changed(
          `${title}／${name(m, row.project)}／${westernFiscalYear(y)}`,
          joinItems(before.schedule[String(y)]),
          joinItems(row.schedule[String(y)]),
        );
    }
    for (const r of o.rows)
      if (!t.rows.some((x) => x.project === r.project) && newProjects.has(r.project))
        changes.push({ kind: 'removed', label: `${title}の事業`, before: name(old, r.project) });
  });
  old.initiatives.forEach((o, i) => {
    if (!newInitiativeIds.has(o.id))
      changes.push({ kind: 'removed', label: '取組', before: `${circledNumber(i + 1)}${o.name}` });
  });

  // 事業費 per common year, by 事業 id.
  const budget: BudgetChange[] = [];
  const oldBudget = new Map(old.budget.map((b) => [b.project, b]));
  const newBudget = new Map(m.budget.map((b) => [b.project, b]));
  for (const id of new Set([...oldBudget.keys(), ...newBudget.keys()])) {
    for (const year of years) {
      const before = oldBudget.get(id)?.amounts[String(year)];
      const after = newBudget.get(id)?.amounts[String(year)];
      if (before !== after)
        budget.push({
          project: newProjects.get(id)?.name ?? oldProjects.get(id)?.name ?? id,
          year,
          ...(before !== undefined ? { before } : {}),
          ...(after !== undefined ? { after } : {}),
        });
    }
  }
  return { id: m.id, number: m.number, title: m.title, kind: 'changed', changes, budget };
}
