// Writes checked answers into the 施策 files' YAML: each change edits its own characters
// (yaml-edits.ts), the carriedOver mark of every year answered or confirmed is cleared, and a
// new 事業 gets an id in the style of its 施策's ids. Pure: texts in, texts out.
import type { Measure, Plan } from '../data/plan-model.ts';
import { keepingTextStyle } from '../plan/roll.ts';
import type { Change } from './inquiry-answers.ts';
import { YamlEditError, YamlTextEditor, type YamlPath } from './yaml-edits.ts';

export interface AppliedFile {
  /** Display path of the 施策 file (as in Measure.file). */
  readonly file: string;
  readonly text: string;
}

export interface Applied {
  readonly files: readonly AppliedFile[];
  /** The id given to each new 事業. */
  readonly newIds: ReadonlyMap<Change, string>;
  /** Files that could not be edited in place, and why. */
  readonly refused: readonly { readonly file: string; readonly message: string }[];
}

export function applyAnswers(
  plan: Plan,
  changes: readonly Change[],
  /** The current text of each 施策 file, by display path (BOM and CRLF as on disk). */
  texts: ReadonlyMap<string, string>,
): Applied {
  const byMeasure = new Map<Measure, Change[]>();
  for (const change of changes) {
    const list = byMeasure.get(change.measure);
    if (list) list.push(change);
    else byMeasure.set(change.measure, [change]);
  }
  const newIds = assignIds(plan, changes);
  const files: AppliedFile[] = [];
  const refused: { file: string; message: string }[] = [];
  for (const [measure, own] of byMeasure) {
    const text = texts.get(measure.file);
    if (text === undefined) {
      refused.push({ file: measure.file, message: 'ファイルが読めません' });
      continue;
    }
    try {
      files.push({ file: measure.file, text: keepingTextStyle(text, (lf) => editMeasure(lf, measure, own, newIds)) });
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      refused.push({ file: measure.file, message: error.message });
    }
  }
  return { files, newIds, refused };
}

function editMeasure(
  text: string,
  measure: Measure,
  changes: readonly Change[],
  newIds: ReadonlyMap<Change, string>,
): string {
  const editor = new YamlTextEditor(text);
  const projectIndex = (id: string) => editor.indexOf(['projects'], 'id', id);
  const budgetIndex = (id: string) => editor.indexOf(['budget'], 'project', id);
  const rowPath = (initiative: string, project: string): YamlPath => {
    if (!measure.hasInitiatives) return ['rows', editor.indexOf(['rows'], 'project', project)];
    const t = editor.indexOf(['initiatives'], 'id', initiative);
    return ['initiatives', t, 'rows', editor.indexOf(['initiatives', t, 'rows'], 'project', project)];
  };
  /** carriedOver years to clear, by the path of the map that holds them. */
  const cleared = new Map<string, { path: YamlPath; years: Set<number> }>();
  const clear = (path: YamlPath, years: readonly number[]) => {
    const key = JSON.stringify(path);
    const entry = cleared.get(key) ?? { path, years: new Set<number>() };
    years.forEach((y) => entry.years.add(y));
    cleared.set(key, entry);
  };
  /** Amounts of a 事業 without a 事業費 row: one new row, written once. */
  const newBudgets = new Map<string, Map<number, number>>();
  const appended = new Map<string, { path: YamlPath; values: unknown[]; comments: (string | undefined)[] }>();
  const append = (path: YamlPath, value: unknown, comment?: string) => {
    const key = JSON.stringify(path);
    const entry = appended.get(key) ?? { path, values: [], comments: [] };
    entry.values.push(value);
    entry.comments.push(comment);
    appended.set(key, entry);
  };

  for (const change of changes) {
    switch (change.kind) {
      case 'status':
        editor.setKey(['projects', projectIndex(change.project.id)], 'status', change.to, [
          'id',
          'name',
          'code',
          'department',
        ]);
        break;
      case 'plan': {
        const path = rowPath(change.key.initiative, change.project.id);
        editor.setList([...path, 'schedule'], change.year, change.to);
        clear(path, [change.year]);
        break;
      }
      case 'amount': {
        const b = budgetIndex(change.project.id);
        if (b < 0) {
          const amounts = newBudgets.get(change.project.id) ?? new Map<number, number>();
          amounts.set(change.year, change.to);
          newBudgets.set(change.project.id, amounts);
        } else {
          editor.setScalar(['budget', b, 'amounts', change.year], change.to);
          clear(['budget', b], [change.year]);
        }
        break;
      }
      case 'confirm': {
        if (change.planYears.length > 0) clear(rowPath(change.key.initiative, change.project.id), change.planYears);
        if (change.amountYears.length > 0) clear(['budget', budgetIndex(change.project.id)], change.amountYears);
        break;
      }
      case 'new': {
        const id = newIds.get(change)!;
        append(['projects'], { id, name: change.name, department: change.department, status: change.status });
        const schedule = new Map(change.years.map((y, i) => [y, [...change.plans[i]!]]));
        const row = { project: id, schedule };
        const from = `照会票（${change.department}）で追加`;
        if (!measure.hasInitiatives) append(['rows'], row, from);
        else if (change.initiative !== undefined)
          append(['initiatives', editor.indexOf(['initiatives'], 'id', change.initiative), 'rows'], row, from);
        else {
          const last = measure.initiatives.length - 1;
          append(
            ['initiatives', last, 'rows'],
            row,
            `${from}。取組が選ばれていないため、仮にここに置きました。置き場所を確かめてください`,
          );
        }
        if (change.amounts)
          append(['budget'], { project: id, amounts: new Map(change.years.map((y, i) => [y, change.amounts![i]!])) });
        break;
      }
    }
  }
  for (const [project, amounts] of newBudgets)
    append(['budget'], { project, amounts: new Map([...amounts].sort((a, b) => a[0] - b[0])) });
  for (const { path, years } of cleared.values()) {
    const current = editor.carriedYears(path);
    if (current.some((y) => years.has(y)))
      editor.setCarried(
        path,
        current.filter((y) => !years.has(y)),
      );
  }
  for (const { path, values, comments } of appended.values()) editor.append(path, values, comments);
  return editor.result();
}

/**
 * Ids for new 事業, in the style of the 施策's own (s12-j4 → s12-j5): the most common
 * prefix before a number, the next number free in the whole plan.
 */
function assignIds(plan: Plan, changes: readonly Change[]): Map<Change, string> {
  const used = new Set<string>();
  for (const m of plan.measures) {
    used.add(m.id);
    for (const t of m.initiatives) used.add(t.id);
    for (const p of m.projects) {
      used.add(p.id);
      for (const i of p.indicators ?? []) used.add(i.id);
    }
    for (const i of m.indicators ?? []) used.add(i.id);
  }
  const ids = new Map<Change, string>();
  for (const change of changes) {
    if (change.kind !== 'new') continue;
    const prefixes = new Map<string, number>();
    for (const p of change.measure.projects) {
      const m = /^(.*?)(\d+)$/.exec(p.id);
      if (m) prefixes.set(m[1]!, (prefixes.get(m[1]!) ?? 0) + 1);
    }
    const prefix = [...prefixes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? `${change.measure.id}-j`;
    let n = 1;
    for (const id of used) {
      if (!id.startsWith(prefix)) continue;
      const rest = id.slice(prefix.length);
      if (/^\d+$/.test(rest)) n = Math.max(n, Number(rest) + 1);
    }
    while (used.has(`${prefix}${n}`)) n++;
    const id = `${prefix}${n}`;
    used.add(id);
    ids.set(change, id);
  }
  return ids;
}
