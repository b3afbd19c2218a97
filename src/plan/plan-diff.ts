// Old plan against new plan, matched by id (施策, 取組, 事業), never by position or title: a
// renamed 取組 is a change, not a removal and an addition. Each change is one entry; what
// follows from it (the rows of a removed 事業) is folded into that entry.
import { displayCode, statusTerm, type Measure, type Plan } from '../data/plan-model.ts';
import {
  indicatorSchema,
  initiativeSchema,
  measureFileSchema,
  projectSchema,
  type PlanLabels,
} from '../data/schema.ts';
import { changedFields, NOT_GIVEN, type FieldChange } from './compare-fields.ts';
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
  /** Its code, or its number when it has none: what the documents print after 施策. */
  readonly code: string;
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
  /** Years that enter the period with the new plan: their content is shown as added (新設). */
  readonly enteringYears: readonly number[];
  /** Years that leave the period: summarised, not compared (the new plan has nothing for them). */
  readonly leavingYears: readonly { readonly year: number; readonly total: number; readonly items: number }[];
  readonly measures: readonly MeasureDiff[];
  readonly unchanged: number;
  /** 事業費 of the whole plan per common year. */
  readonly totals: readonly { readonly year: number; readonly before: number; readonly after: number }[];
  /** 事業費 of the whole new plan per entering year. */
  readonly enteringTotals: readonly { readonly year: number; readonly after: number }[];
}

const joinItems = (items: readonly string[] | undefined) =>
  items && items.length > 0 ? items.map((i) => `・${i}`).join('\n') : '（なし）';

/** Change labels name levels as the new plan does (its `labels`). */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const L = after.labels;
  const tagNames = new Map([...before.tags, ...after.tags].map((t) => [t.id, t.name]));
  const tagName = (id: string) => tagNames.get(id) ?? id;
  const beforeYears = yearsOf(before.period);
  const afterYears = yearsOf(after.period);
  const commonYears = afterYears.filter((y) => beforeYears.includes(y));
  const enteringYears = afterYears.filter((y) => !beforeYears.includes(y));
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
        code: displayCode(m),
        title: m.title,
        kind: 'added',
        changes: [
          { kind: 'added', label: L.measure, after: `${L.measure}${displayCode(m)}　${m.title}` },
          ...m.initiatives.map((t, i): Change => ({
            kind: 'added',
            label: m.hasInitiatives ? L.initiative : `${L.project}の行`,
            after: addedGroup(m, t, i, afterYears),
          })),
        ],
        budget: [],
      });
      continue;
    }
    const d = diffMeasure(
      old,
      m,
      { common: commonYears, entering: enteringYears, all: afterYears },
      L,
      statusTerm(after.statuses),
      tagName,
    );
    if (d.changes.length === 0 && d.budget.length === 0) unchanged++;
    else measures.push(d);
  }
  for (const old of before.measures) {
    if (!newIds.has(old.id))
      measures.push({
        id: old.id,
        number: old.number,
        code: displayCode(old),
        title: old.title,
        kind: 'removed',
        changes: [{ kind: 'removed', label: L.measure, before: `${L.measure}${displayCode(old)}　${old.title}` }],
        budget: [],
      });
  }
  const total = (plan: Plan, year: number) =>
    plan.measures.reduce((s, m) => s + (budgetTable(m, [year]).yearTotals[0] ?? 0), 0);
  const itemsIn = (year: number) =>
    before.measures.reduce(
      (n, m) =>
        n +
        m.initiatives.reduce((k, t) => k + t.rows.reduce((j, r) => j + (r.schedule[String(year)]?.length ?? 0), 0), 0),
      0,
    );
  return {
    before: before.period,
    after: after.period,
    commonYears,
    enteringYears,
    leavingYears: beforeYears
      .filter((y) => !afterYears.includes(y))
      .map((year) => ({ year, total: total(before, year), items: itemsIn(year) })),
    measures,
    unchanged,
    totals: commonYears.map((year) => ({ year, before: total(before, year), after: total(after, year) })),
    enteringTotals: enteringYears.map((year) => ({ year, after: total(after, year) })),
  };
}

/** A 事業's name in a 施策, or its id where the 施策 has no such 事業. */
const projectName = (measure: Measure, id: string) => measure.projects.find((p) => p.id === id)?.name ?? id;

/** A year's plan items as one line: 2025年度：計画A、計画B. */
const yearLine = (items: readonly string[] | undefined, year: number) =>
  items && items.length > 0 ? [`${westernFiscalYear(year)}：${items.join('、')}`] : [];

/** What an added 事業 plans: its rows' items, year by year. */
function plannedItems(measure: Measure, project: string, years: readonly number[]): string[] {
  return measure.initiatives
    .flatMap((t) => t.rows.filter((r) => r.project === project))
    .flatMap((row) => years.flatMap((y) => yearLine(row.schedule[String(y)], y)));
}

/** An added 取組 (or the rows of a 施策 without 取組): its 事業 and what each plans. */
function addedGroup(
  measure: Measure,
  group: Measure['initiatives'][number],
  index: number,
  years: readonly number[],
): string {
  return [
    ...(measure.hasInitiatives ? [`${circledNumber(index + 1)}${group.name}`] : []),
    ...group.rows.flatMap((row) => [
      `［${projectName(measure, row.project)}］`,
      ...years.flatMap((y) => yearLine(row.schedule[String(y)], y)),
    ]),
  ].join('\n');
}

function diffMeasure(
  old: Measure,
  m: Measure,
  period: { readonly common: readonly number[]; readonly entering: readonly number[]; readonly all: readonly number[] },
  L: PlanLabels,
  statusNames: string,
  tagName: (id: string) => string,
): MeasureDiff {
  const years = period.common;
  // 目印 are compared by the names a reader knows (重点), not by their ids.
  const named = <T extends { readonly tags?: readonly string[] }>(record: T): T =>
    record.tags ? { ...record, tags: record.tags.map(tagName) } : record;
  const changes: Change[] = [];
  const changed = (label: string, before: string, after: string) => {
    if (before !== after) changes.push({ kind: 'changed', label, before, after });
  };
  const fieldChanges = (list: readonly FieldChange[]) => list.forEach((c) => changes.push({ kind: 'changed', ...c }));
  fieldChanges(changedFields(measureFileSchema, named(old), named(m), (term) => term));
  changed(
    `${L.policy}・${L.basicMeasure}`,
    `${L.policy}${old.policy}／${L.basicMeasure}${old.basicMeasure}`,
    `${L.policy}${m.policy}／${L.basicMeasure}${m.basicMeasure}`,
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
    `${p.code !== undefined ? `${p.code}　` : ''}${p.name}（${p.department ?? '担当課未記入'}・${p.status ?? `${statusNames}未記入`}）`;
  for (const p of m.projects) {
    const o = oldProjects.get(p.id);
    if (!o) {
      changes.push({
        kind: 'added',
        label: L.project,
        after: [projectLine(p), ...plannedItems(m, p.id, period.all)].join('\n'),
      });
      continue;
    }
    // The 区分 is named as the plan names it: 新規・継続 in a plan that declares no statuses.
    fieldChanges(
      changedFields(
        projectSchema,
        named(o),
        named(p),
        (term, key) => `${L.project}「${p.name}」の${key === 'status' ? statusNames : term}`,
      ),
    );
  }
  for (const o of old.projects)
    if (!newProjects.has(o.id)) changes.push({ kind: 'removed', label: L.project, before: projectLine(o) });

  // 取組 by id; their rows by 事業 id. Rows of an added or removed 事業 belong to that change.
  const oldInitiatives = new Map(old.initiatives.map((t) => [t.id, t]));
  const newInitiativeIds = new Set(m.initiatives.map((t) => t.id));
  // 取組 kept but put in another order are renumbered (①②…): one change lists both orders.
  if (m.hasInitiatives) {
    const kept = (list: Measure['initiatives']) =>
      list.filter((t) => oldInitiatives.has(t.id) && newInitiativeIds.has(t.id)).map((t) => t.id);
    const [oldOrder, newOrder] = [kept(old.initiatives), kept(m.initiatives)];
    if (oldOrder.join('\n') !== newOrder.join('\n')) {
      const numbered = (list: Measure['initiatives']) =>
        list.flatMap((t, i) => (oldOrder.includes(t.id) ? [`${circledNumber(i + 1)}${t.name}`] : [])).join('\n');
      changes.push({
        kind: 'changed',
        label: `${L.initiative}の順序`,
        before: numbered(old.initiatives),
        after: numbered(m.initiatives),
      });
    }
  }
  m.initiatives.forEach((t, i) => {
    const o = oldInitiatives.get(t.id);
    // A 施策 without 取組 has one unnamed group: its rows are labelled by 事業 alone.
    const title = m.hasInitiatives ? `${L.initiative}「${circledNumber(i + 1)}${t.name}」` : '';
    const rowLabel = (project: string) => (title ? `${title}／${project}` : project);
    const rowsLabel = title ? `${title}の${L.project}` : `${L.project}の行`;
    if (!o) {
      // Inserted before 取組 that were there: theirs circled numbers move down by one.
      const renumbers = m.hasInitiatives && m.initiatives.slice(i + 1).some((later) => oldInitiatives.has(later.id));
      changes.push({
        kind: 'added',
        label: m.hasInitiatives ? L.initiative : rowsLabel,
        after: `${addedGroup(m, t, i, period.all)}${renumbers ? `\n（これより後の${L.initiative}の番号が1つずつ繰り下がります）` : ''}`,
      });
      return;
    }
    // Without 取組 the one group carries the 施策's title, already compared as 施策名.
    if (m.hasInitiatives && old.hasInitiatives)
      fieldChanges(changedFields(initiativeSchema, o, t, (term) => `${title}の${term}`));
    const oldRows = new Map(o.rows.map((r) => [r.project, r]));
    for (const row of t.rows) {
      const before = oldRows.get(row.project);
      if (!before) {
        if (oldProjects.has(row.project))
          changes.push({ kind: 'added', label: rowsLabel, after: projectName(m, row.project) });
        continue;
      }
      for (const y of years)
        changed(
          `${rowLabel(projectName(m, row.project))}／${westernFiscalYear(y)}`,
          joinItems(before.schedule[String(y)]),
          joinItems(row.schedule[String(y)]),
        );
      // A year new to the period: what the row plans for it is new content.
      for (const y of period.entering) {
        const items = row.schedule[String(y)];
        if (items && items.length > 0)
          changes.push({
            kind: 'added',
            label: `${rowLabel(projectName(m, row.project))}／${westernFiscalYear(y)}（計画期間に加わる年度）`,
            after: joinItems(items),
          });
      }
    }
    for (const r of o.rows)
      if (!t.rows.some((x) => x.project === r.project) && newProjects.has(r.project))
        changes.push({ kind: 'removed', label: rowsLabel, before: projectName(old, r.project) });
  });
  old.initiatives.forEach((o, i) => {
    if (!newInitiativeIds.has(o.id))
      changes.push({
        kind: 'removed',
        label: old.hasInitiatives ? L.initiative : `${L.project}の行`,
        before: old.hasInitiatives
          ? `${circledNumber(i + 1)}${o.name}`
          : o.rows.map((r) => `［${projectName(old, r.project)}］`).join(''),
      });
  });

  // Indicators (of the 施策 and of its 事業) by id: their fields, 基準値, 最終目標 and each common year's target.
  type Indicator = NonNullable<Measure['indicators']>[number];
  const indicatorsOf = (x: Measure) =>
    new Map<string, Indicator>(
      [...(x.indicators ?? []), ...x.projects.flatMap((p) => p.indicators ?? [])].map((i) => [i.id, i]),
    );
  const [oldIndicators, newIndicators] = [indicatorsOf(old), indicatorsOf(m)];
  const figure = (v: { year: number; value: number } | undefined) =>
    v === undefined ? NOT_GIVEN : `${v.value}（${westernFiscalYear(v.year)}）`;
  const target = (i: Indicator, year: number) => {
    const v = i.targets[String(year)];
    return v === undefined ? NOT_GIVEN : `${v}${i.unit}`;
  };
  for (const [id, i] of newIndicators) {
    const o = oldIndicators.get(id);
    const title = `指標「${i.name}」`;
    if (!o) {
      changes.push({
        kind: 'added',
        label: '指標',
        after: `${i.name}（${i.unit}）\n${years.map((y) => `${westernFiscalYear(y)}: ${target(i, y)}`).join('\n')}`,
      });
      continue;
    }
    fieldChanges(changedFields(indicatorSchema, o, i, (term) => `${title}の${term}`));
    changed(`${title}の基準値`, figure(o.baseline), figure(i.baseline));
    changed(`${title}の最終目標`, figure(o.final), figure(i.final));
    for (const y of years) changed(`${title}／${westernFiscalYear(y)}の目標値`, target(o, y), target(i, y));
  }
  for (const [id, o] of oldIndicators)
    if (!newIndicators.has(id)) changes.push({ kind: 'removed', label: '指標', before: `${o.name}（${o.unit}）` });

  // 事業費 per common year, by 事業 id.
  const budget: BudgetChange[] = [];
  const oldBudget = new Map(old.budget.map((b) => [b.project, b]));
  const newBudget = new Map(m.budget.map((b) => [b.project, b]));
  for (const id of new Set([...oldBudget.keys(), ...newBudget.keys()])) {
    for (const year of [...years, ...period.entering]) {
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
  return { id: m.id, number: m.number, code: displayCode(m), title: m.title, kind: 'changed', changes, budget };
}
