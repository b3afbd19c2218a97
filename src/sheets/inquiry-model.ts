// The 照会票 (inquiry sheet) of one 担当課, as data: which rows it has, what each answer cell
// holds, which cells the department may answer and which are context. Export writes this model
// into a workbook; import builds it again from the current data and compares the answered cells
// with it, so both sides agree on every cell by construction.
import { createHash } from 'node:crypto';
import type { Measure, Plan } from '../data/plan-model.ts';
import { displayCode } from '../data/plan-model.ts';
import type { ProjectData } from '../data/schema.ts';
import { circledNumber } from '../plan/numbering.ts';
import { yearsOf } from '../plan/fiscal-year.ts';

/** Written into every 照会票 and checked on import: a sheet of another format is refused. */
export const INQUIRY_FORMAT = 'keikaku-照会票-1';

/** The value a department picks in the 確認 column to confirm a year copied by roll. */
export const CONFIRMED = '確認済';

/** Blank rows left at the end of each 施策's sheet for new 事業. */
export const NEW_ROWS = 3;

/** A row's identity: never its position or its name. `initiative` is '' for a 事業 in no row. */
export interface RowKey {
  readonly measure: string;
  readonly initiative: string;
  readonly project: string;
}

export const keyText = (key: RowKey): string => `${key.measure}/${key.initiative}/${key.project}`;

export interface InquiryRow {
  readonly key: RowKey;
  /** 取組 as printed (①名称), '' for a 施策 without 取組 or a 事業 in no row. */
  readonly initiativeLabel: string;
  readonly project: ProjectData;
  /** The 区分 as written in the data ('' when none). */
  readonly status: string;
  /** Only on a 事業's first row, and never for a 再掲 (its 区分 is its original's). */
  readonly statusEditable: boolean;
  /** Plan items per year as the cell shows them; undefined when the 事業 has no row (no plan cells). */
  readonly plans: readonly (string | undefined)[];
  readonly plansCarried: readonly boolean[];
  /** 事業費 per year (千円); undefined: no 事業費 row. Only on the 事業's first row. */
  readonly amounts: readonly (number | undefined)[];
  /** Why a year's amount cannot be answered here ('' when it can). */
  readonly amountLocks: readonly string[];
  readonly amountsCarried: readonly boolean[];
  /** Whether some year of this row (plans or, on the first row, amounts) was copied by roll. */
  readonly carried: boolean;
}

export interface InquirySheet {
  readonly measure: Measure;
  /** The worksheet's name (施策12): unique in the workbook, legal in Excel. */
  readonly name: string;
  readonly rows: readonly InquiryRow[];
  /** The 施策's 取組 as printed, for the drop-down of the new rows (empty without 取組). */
  readonly initiatives: readonly { readonly id: string; readonly label: string }[];
}

export interface Inquiry {
  readonly plan: Plan;
  readonly department: string;
  readonly years: readonly number[];
  readonly sheets: readonly InquirySheet[];
}

/** Items in one cell, one per line; marked with ・ when an item holds a line break of its own. */
export function planCellText(items: readonly string[]): string {
  const marked = items.some((item) => item.includes('\n') || item.startsWith('・'));
  return items.map((item) => (marked ? `・${item}` : item)).join('\n');
}

/**
 * A cell's plan items: one per line; when some line starts with ・, each ・ starts an item and
 * the lines after it continue that item. Blank lines and the spaces around lines are dropped.
 */
export function planCellItems(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (!lines.some((line) => line.startsWith('・'))) return lines;
  const items: string[] = [];
  for (const line of lines) {
    if (line.startsWith('・') || items.length === 0) items.push(line.replace(/^・\s*/, ''));
    else items[items.length - 1] += `\n${line}`;
  }
  return items.filter((item) => item !== '');
}

/** The names of the sheets, one per 施策: 施策12, or 施策5-12 where two 基本方針 share a number. */
function sheetNames(plan: Plan, measures: readonly Measure[]): Map<Measure, string> {
  // Excel forbids these in a sheet name and allows 31 characters.
  const legal = (name: string) => name.replace(/[*?:/\\[\]]/g, '－').slice(0, 31);
  const short = (m: Measure) => legal(`${plan.labels.measure}${displayCode(m)}`);
  const count = new Map<string, number>();
  for (const m of measures) count.set(short(m), (count.get(short(m)) ?? 0) + 1);
  const names = new Map<Measure, string>();
  const used = new Set<string>();
  for (const m of measures) {
    let name = count.get(short(m)) === 1 ? short(m) : legal(`${plan.labels.measure}${m.policy}-${displayCode(m)}`);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = legal(`${name.slice(0, 27)}(${n})`);
    used.add(name.toLowerCase());
    names.set(m, name);
  }
  return names;
}

/**
 * The 担当課's 照会票: its 事業's rows, 施策 by 施策 in plan order (施策 without its 事業 left
 * out). A 再掲's 担当課 is its original's, resolved by validation.
 */
export function inquiryOf(plan: Plan, department: string): Inquiry {
  const years = yearsOf(plan.period);
  const measures = plan.measures.filter((m) => m.projects.some((p) => p.department === department));
  const names = sheetNames(plan, measures);
  const sheets = measures.map((measure): InquirySheet => {
    const own = new Map(measure.projects.filter((p) => p.department === department).map((p) => [p.id, p] as const));
    const budgetRows = new Map(measure.budget.map((b) => [b.project, b] as const));
    const answered = new Set<string>();
    const rows: InquiryRow[] = [];
    const rowOf = (
      initiativeId: string,
      initiativeLabel: string,
      project: ProjectData,
      row?: Measure['initiatives'][number]['rows'][number],
    ): InquiryRow => {
      // The 事業's 区分 and 事業費 are answered once, on its first row in the sheet.
      const first = !answered.has(project.id);
      answered.add(project.id);
      const repeat = project.repeatOf !== undefined;
      const budget = budgetRows.get(project.id);
      const amounts = years.map((y) => (first && !repeat ? budget?.amounts[String(y)] : undefined));
      const amountLocks = years.map((y) =>
        repeat
          ? '再掲の事業です。事業費は再掲元の施策のシートで回答してください'
          : !first
            ? 'この事業の事業費は、同じ事業の最初の行で回答してください'
            : budget?.sources?.[String(y)] !== undefined
              ? '財源内訳があるため、この表では変えられません。変更は備考に書いてください'
              : '',
      );
      const amountsCarried = years.map((y, i) => amountLocks[i] === '' && (budget?.carriedOver ?? []).includes(y));
      const plans = years.map((y) => (row ? planCellText(row.schedule[String(y)] ?? []) : undefined));
      const plansCarried = years.map((y) => (row?.carriedOver ?? []).includes(y));
      return {
        key: { measure: measure.id, initiative: initiativeId, project: project.id },
        initiativeLabel,
        project,
        // A 再掲 shows its original's 区分 (validation resolved it), not to be answered here.
        status: project.status ?? '',
        statusEditable: first && !repeat,
        plans,
        plansCarried,
        amounts,
        amountLocks,
        amountsCarried,
        carried: plansCarried.some(Boolean) || amountsCarried.some(Boolean),
      };
    };
    const labels = initiativeLabels(measure);
    measure.initiatives.forEach((initiative, t) => {
      const label = labels[t]?.label ?? '';
      for (const row of initiative.rows) {
        const project = own.get(row.project);
        if (project) rows.push(rowOf(initiative.id, label, project, row));
      }
    });
    // A 事業 in no row (validation warns) still has its 区分 and 事業費 to answer.
    for (const project of own.values()) if (!answered.has(project.id)) rows.push(rowOf('', '', project));
    return {
      measure,
      name: names.get(measure)!,
      rows,
      initiatives: labels,
    };
  });
  return { plan, department, years, sheets };
}

/** The 事業 as its row names it: code, name, and （再掲） for a 再掲. */
export const projectLabel = (project: ProjectData): string =>
  `${project.code ? `${project.code} ` : ''}${project.name}${project.repeatOf !== undefined ? '（再掲）' : ''}`;

/** A 施策's 取組 as the 照会票 names them (①名称); none for a 施策 written without 取組. */
export const initiativeLabels = (measure: Measure): { readonly id: string; readonly label: string }[] =>
  measure.hasInitiatives
    ? measure.initiatives.map((initiative, t) => ({
        id: initiative.id,
        label: `${circledNumber(t + 1)}${initiative.name}`,
      }))
    : [];

/** The 担当課 that have 事業 in the plan, in the master list's order. */
export const inquiryDepartments = (plan: Plan): string[] =>
  plan.departments.filter((d) => plan.measures.some((m) => m.projects.some((p) => p.department === d)));

/**
 * The answer cells of a row as text, in a fixed order: 区分, plans per year, amounts per year,
 * 確認. Export hashes them as written; import hashes them as read: equal hashes mean the
 * department changed nothing in the row.
 */
export interface AnswerTexts {
  readonly status: string;
  readonly plans: readonly string[];
  readonly amounts: readonly string[];
  readonly confirm: string;
}

export function exportedAnswers(row: InquiryRow): AnswerTexts {
  return {
    status: row.statusEditable ? row.status : '',
    plans: row.plans.map((p) => p ?? ''),
    amounts: row.amounts.map((a, i) => (row.amountLocks[i] === '' && a !== undefined ? String(a) : '')),
    confirm: '',
  };
}

export const answersHash = (answers: AnswerTexts): string =>
  createHash('sha256')
    .update(JSON.stringify([answers.status, answers.plans, answers.amounts, answers.confirm]))
    .digest('hex')
    .slice(0, 16);
