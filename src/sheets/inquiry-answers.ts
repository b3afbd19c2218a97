// Checks an answered 照会票 against the current data, cell by cell, and says what it changes.
// Rows are matched by their hidden ids, never by position or name; the hidden 照合値 (a hash of
// the answers as written out) tells what the department changed from what the office changed in
// data/ since the export. Every problem names its file, sheet and cell.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Measure, Plan } from '../data/plan-model.ts';
import { MAX_AMOUNT, MAX_SENTENCE_LENGTH, MAX_TITLE_LENGTH, type ProjectData } from '../data/schema.ts';
import { forbiddenCharProblem, invisibleCharProblem } from '../data/text-rules.ts';
import { periodLabel } from '../plan/fiscal-year.ts';
import {
  answersHash,
  CONFIRMED,
  exportedAnswers,
  initiativeLabels,
  inquiryOf,
  INQUIRY_FORMAT,
  keyText,
  planCellItems,
  projectLabel,
  type AnswerTexts,
  type InquiryRow,
  type RowKey,
} from './inquiry-model.ts';
import {
  cellRef,
  FIRST_DATA_ROW,
  infoRow,
  INFO_ROWS_HEADER,
  INFO_SHEET,
  inquiryColumns,
  NEW_ROW_MARK,
  type InfoKey,
  type InquiryColumns,
} from './inquiry-layout.ts';
import { cellText, type CellValue, type ReadSheet, type ReadWorkbook } from './read-workbook.ts';

/** Where an answer was read: its 施策, and its cell (施策12!J7). */
interface Answered {
  readonly measure: Measure;
  readonly cell: string;
}

/** One answer to write into the data. */
export type Change = Answered &
  (
    | {
        readonly kind: 'status';
        readonly project: ProjectData;
        readonly from: string;
        readonly to: string;
      }
    | {
        readonly kind: 'plan';
        readonly key: RowKey;
        readonly project: ProjectData;
        readonly year: number;
        readonly from: readonly string[];
        readonly to: readonly string[];
      }
    | {
        readonly kind: 'amount';
        readonly project: ProjectData;
        readonly year: number;
        readonly from: number | undefined;
        readonly to: number;
      }
    | {
        readonly kind: 'confirm';
        readonly key: RowKey;
        readonly project: ProjectData;
        readonly planYears: readonly number[];
        readonly amountYears: readonly number[];
      }
    | {
        readonly kind: 'new';
        readonly department: string;
        /** Its 取組, or undefined when none was chosen (the office places it). */
        readonly initiative: string | undefined;
        readonly name: string;
        readonly status: string;
        /** The plan's years, in the order of `plans` and `amounts`. */
        readonly years: readonly number[];
        readonly plans: readonly (readonly string[])[];
        readonly amounts: readonly number[] | undefined;
      }
  );

/** A 備考 written by the department, carried into the import summary. */
export interface Note {
  readonly measure: Measure;
  readonly cell: string;
  readonly about: string;
  readonly text: string;
}

export interface Answers {
  readonly department: string | undefined;
  readonly changes: readonly Change[];
  readonly notes: readonly Note[];
  readonly diagnostics: readonly Diagnostic[];
}

interface ExportedRow {
  readonly sheet: string;
  readonly row: number;
  readonly key: RowKey;
  /** The answer cells as written out (undefined: the record is unreadable). */
  readonly answers: AnswerTexts | undefined;
}

export function checkAnswers(workbook: ReadWorkbook, file: string, plan: Plan): Answers {
  const diagnostics: Diagnostic[] = [];
  const changes: Change[] = [];
  const notes: Note[] = [];
  const L = plan.labels;
  const report = (severity: Diagnostic['severity'], cell: string | undefined, rule: string, message: string) =>
    diagnostics.push({ severity, file, ...(cell !== undefined ? { cell } : {}), rule, message });
  const error = (cell: string | undefined, rule: string, message: string) => report('error', cell, rule, message);
  const done = (department?: string): Answers => ({ department, changes, notes, diagnostics });

  // Which plan, period and department the sheet was made for.
  const info = workbook.sheet(INFO_SHEET);
  if (!info) {
    error(
      undefined,
      'not-an-inquiry',
      `keikaku の照会票ではありません（隠しシート「${INFO_SHEET}」がありません）。keikaku sheets export で書き出した照会票に回答してもらってください`,
    );
    return done();
  }
  const value = (key: InfoKey) => cellText(info.cell(infoRow(key), 2));
  const infoCell = (key: InfoKey) => `${INFO_SHEET}!B${infoRow(key)}`;
  if (value('format') !== INQUIRY_FORMAT) {
    error(
      infoCell('format'),
      'not-an-inquiry',
      `この版の keikaku では読めない照会票です（形式「${value('format')}」）。今の keikaku で書き出し直してください`,
    );
    return done();
  }
  if (value('municipality') !== plan.municipality || value('title') !== plan.title) {
    error(
      infoCell(value('municipality') !== plan.municipality ? 'municipality' : 'title'),
      'other-plan',
      `この照会票は「${value('municipality')} ${value('title')}」のものです。データは「${plan.municipality} ${plan.title}」です`,
    );
    return done();
  }
  const period = { start: Number(value('start')), end: Number(value('end')) };
  if (period.start !== plan.period.start || period.end !== plan.period.end) {
    error(
      infoCell(period.start !== plan.period.start ? 'start' : 'end'),
      'other-period',
      `この照会票は${periodLabel(period)}の計画のものです。データの計画期間は${periodLabel(plan.period)}です。今の計画で書き出した照会票に回答してもらってください`,
    );
    return done();
  }
  const department = value('department');
  if (!plan.departments.includes(department)) {
    error(infoCell('department'), 'unknown-department', `担当課「${department}」は departments.yaml にありません`);
    return done();
  }

  const exported = exportedRows(info);
  const current = inquiryOf(plan, department);
  const years = current.years;
  const C = inquiryColumns(years.length);
  const currentRows = new Map(current.sheets.flatMap((s) => s.rows.map((r) => [keyText(r.key), r] as const)));
  const measures = new Map(plan.measures.map((m) => [m.id, m] as const));
  const sheetNames = [...new Set(exported.map((r) => r.sheet))];
  const exportedAt = new Map(exported.map((r) => [keyText(r.key), r] as const));
  /** The 担当課 of every row of the plan, for a row copied from another department's sheet. */
  const ownerOf = new Map<string, { department: string; name: string }>();
  for (const m of plan.measures)
    for (const initiative of m.initiatives)
      for (const row of initiative.rows) {
        const project = m.projects.find((p) => p.id === row.project);
        if (project?.department !== undefined)
          ownerOf.set(keyText({ measure: m.id, initiative: initiative.id, project: project.id }), {
            department: project.department,
            name: project.name,
          });
      }

  for (const name of sheetNames) {
    const sheet = workbook.sheet(name);
    const own = exported.filter((r) => r.sheet === name);
    const measure = measures.get(own[0]!.key.measure);
    if (!sheet) {
      error(name, 'missing-sheet', `シート「${name}」がありません。シートを消したり名前を変えたりしないでください`);
      continue;
    }
    if (!measure) {
      error(
        name,
        'unknown-measure',
        `このシートの${L.measure}（ID「${own[0]!.key.measure}」）は今のデータにありません`,
      );
      continue;
    }
    const ref = (row: number, column: number) => `${name}!${cellRef(row, column)}`;
    const seen = new Set<string>();
    let lastIndex = -1;
    for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
      const ids = [C.measureId, C.initiativeId, C.projectId, C.hash].map((c) => cellText(sheet.cell(r, c)).trim());
      const [measureId, initiativeId, projectId, hash] = ids as [string, string, string, string];
      if (hash === NEW_ROW_MARK) {
        if (measureId !== measure.id) {
          error(ref(r, C.measureId), 'moved-row', `この行はほかのシートから移されています。行を移さないでください`);
          continue;
        }
        const change = readNewRow(sheet, r, measure);
        if (change) changes.push(change);
        continue;
      }
      if (ids.every((id) => id === '')) {
        const written = firstAnswered(sheet, r, C);
        if (written !== undefined)
          error(
            ref(r, written),
            'not-an-answer-row',
            `照会票の行ではない所に書かれています。行を挿入しないでください（新しい${L.project}は、シートの末尾の水色の行に書きます）`,
          );
        continue;
      }
      const key: RowKey = { measure: measureId, initiative: initiativeId, project: projectId };
      const text = keyText(key);
      const at = exportedAt.get(text);
      if (!at) {
        const owner = ownerOf.get(text);
        if (owner && owner.department !== department)
          error(
            ref(r, C.project),
            'other-department',
            `この行は${owner.department}の${L.project}「${owner.name}」です。この照会票（${department}）では回答できません`,
          );
        else
          error(
            ref(r, measureId !== measure.id ? C.measureId : C.projectId),
            'edited-id',
            `行のID（隠れている列 A～D）が書き換えられています。書き出したときの照会票の行に戻してください`,
          );
        continue;
      }
      if (at.sheet !== name) {
        error(
          ref(r, C.project),
          'moved-row',
          `この行はシート「${at.sheet}」の行です。行をほかのシートに移さないでください`,
        );
        continue;
      }
      if (seen.has(text)) {
        error(ref(r, C.project), 'copied-row', `同じ行が2回あります。行をコピーしないでください`);
        continue;
      }
      seen.add(text);
      const index = own.indexOf(at);
      if (index < lastIndex) {
        error(
          ref(r, C.project),
          'moved-row',
          `行の順番が変わっています（書き出したときは${at.row}行目）。行を並べ替えないでください`,
        );
        continue;
      }
      lastIndex = index;
      readRow(sheet, r, key, hash, at.answers, currentRows.get(text), measure);
    }
    for (const row of own)
      if (!seen.has(keyText(row.key)))
        error(
          ref(row.row, C.project),
          'deleted-row',
          `${L.project}「${currentRows.get(keyText(row.key))?.project.name ?? row.key.project}」の行（書き出したときは${row.row}行目）がありません。行を削除しないでください`,
        );
  }
  return done(department);

  function readRow(
    sheet: ReadSheet,
    r: number,
    key: RowKey,
    exportedHash: string,
    sent: AnswerTexts | undefined,
    row: InquiryRow | undefined,
    measure: Measure,
  ): void {
    const ref = (column: number) => `${sheet.name}!${cellRef(r, column)}`;
    if (!sent || answersHash(sent) !== exportedHash) {
      error(
        ref(C.hash),
        'edited-id',
        '行の照合値（隠れている列 D）が書き換えられています。書き出したときの照会票の行に戻してください',
      );
      return;
    }
    const note = cellText(sheet.cell(r, C.note)).trim();
    if (!row) {
      // The office removed this row from data/ after the export: answers to it cannot land.
      const read = answersAsRead(sheet, r, undefined);
      const answered = read.plans.some((p, i) => p !== sent.plans[i]) || read.confirm !== '' || note !== '';
      if (answered)
        error(
          ref(C.project),
          'conflict',
          `この行の${L.project}は、照会票を書き出した後で data/ からなくなりました。回答を取り込めません。政策企画課で確かめてください`,
        );
      else
        report(
          'warning',
          ref(C.project),
          'gone-from-data',
          `この行の${L.project}は、照会票を書き出した後で data/ からなくなりました。この行は取り込みません`,
        );
      return;
    }
    if (note !== '') notes.push({ measure, cell: ref(C.note), about: row.project.name, text: note });
    // Context cells are locked; one changed anyway (protection lifted) is not taken, and said so.
    for (const [column, shown, what] of [
      [C.project, projectLabel(row.project), `${L.project}名`],
      [C.initiative, row.initiativeLabel, L.initiative],
    ] as const)
      if (cellText(sheet.cell(r, column)).trim() !== shown)
        report(
          'warning',
          ref(column),
          'context-edited',
          `${what}は照会票では変えられません（書き換えは取り込みません）。変えたいときは「備考」欄に書いてください`,
        );
    const read = answersAsRead(sheet, r, row);
    const now = exportedAnswers(row);
    // Each cell three ways: as sent, as the department left it, as data/ holds it now. Only cells
    // the department changed are taken; a cell changed in data/ too, differently, is a conflict.
    const changed: Change[] = [];
    let problem = false;
    const fail = (column: number, rule: string, message: string) => {
      problem = true;
      error(ref(column), rule, message);
    };
    /** Whether the department's answer in `column` can be taken (it changed, and data/ did not differently). */
    const taken = <T>(column: number, asRead: T, asSent: T, asNow: T): boolean => {
      const same = (a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
      if (same(asRead, asSent) || same(asRead, asNow)) return false;
      if (!same(asNow, asSent)) {
        fail(
          column,
          'conflict',
          `このセルは、照会票を書き出した後で data/ でも変わっています。どちらを取るかを政策企画課で決めてから、data/ を直すか、書き出し直した照会票で回答してもらってください`,
        );
        return false;
      }
      return true;
    };
    if (row.statusEditable && taken(C.status, read.status.trim(), sent.status, now.status)) {
      const status = read.status.trim();
      if (!plan.statuses.some((s) => s.name === status))
        fail(
          C.status,
          'unknown-status',
          status === ''
            ? '区分を一覧から選んでください'
            : `区分「${status}」はありません。一覧（${plan.statuses.map((s) => s.name).join('、')}）から選んでください`,
        );
      else
        changed.push({
          kind: 'status',
          measure,
          project: row.project,
          from: now.status,
          to: status,
          cell: ref(C.status),
        });
    }
    years.forEach((year, i) => {
      if (row.plans[i] === undefined) return;
      const to = planCellItems(read.plans[i]!);
      const from = planCellItems(now.plans[i]!);
      if (!taken(C.plan(i), to, planCellItems(sent.plans[i]!), from)) return;
      const bad = to.map(planItemProblem).find((p) => p !== undefined);
      if (bad) fail(C.plan(i), 'bad-text', bad);
      else changed.push({ kind: 'plan', measure, key, project: row.project, year, from, to, cell: ref(C.plan(i)) });
    });
    const hasBudget = row.amounts.some((a) => a !== undefined);
    const amountColumns = years.map((_, i) => i).filter((i) => row.amountLocks[i] === '');
    const asNumber = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));
    const amountsRead = new Map<number, number | undefined>();
    for (const i of amountColumns) {
      const parsed = parseAmount(sheet.cell(r, C.amount(i)));
      if (typeof parsed === 'string') {
        if (read.amounts[i] !== sent.amounts[i]) fail(C.amount(i), 'bad-amount', parsed);
      } else if (taken(C.amount(i), parsed, asNumber(sent.amounts[i]), row.amounts[i])) amountsRead.set(i, parsed);
    }
    if (amountsRead.size > 0) {
      const valueOf = (i: number) => (amountsRead.has(i) ? amountsRead.get(i) : row.amounts[i]);
      const anyFilled = amountColumns.some((i) => valueOf(i) !== undefined);
      for (const i of amountColumns)
        if (valueOf(i) === undefined && anyFilled)
          fail(
            C.amount(i),
            'missing-amount',
            hasBudget
              ? '事業費を空欄にはできません。事業費のない年度は 0 を書いてください'
              : 'ほかの年度に事業費があります。この年度も書いてください（事業費のない年度は 0）',
          );
      for (const [i, value] of amountsRead)
        if (value !== undefined)
          changed.push({
            kind: 'amount',
            measure,
            project: row.project,
            year: years[i]!,
            from: row.amounts[i],
            to: value,
            cell: ref(C.amount(i)),
          });
    }
    const confirm = read.confirm.trim();
    if (confirm !== '' && confirm !== CONFIRMED)
      fail(C.confirm, 'bad-confirm', `「確認」欄は空欄か「${CONFIRMED}」にしてください`);
    else if (confirm === CONFIRMED && row.carried)
      changed.push({
        kind: 'confirm',
        measure,
        key,
        project: row.project,
        planYears: years.filter((_, i) => row.plansCarried[i]),
        amountYears: years.filter((_, i) => row.amountsCarried[i]),
        cell: ref(C.confirm),
      });
    if (!problem) changes.push(...changed);
  }

  function readNewRow(sheet: ReadSheet, r: number, measure: Measure): Change | undefined {
    const ref = (column: number) => `${sheet.name}!${cellRef(r, column)}`;
    const text = (column: number) => cellText(sheet.cell(r, column)).trim();
    const name = text(C.project);
    const note = text(C.note);
    const written = firstAnswered(sheet, r, C);
    if (written === undefined) return undefined;
    if (note !== '')
      notes.push({
        measure,
        cell: ref(C.note),
        about: name === '' ? `新しい${L.project}` : `新しい${L.project}「${name}」`,
        text: note,
      });
    if (written === C.note) return undefined;
    let problem = false;
    const fail = (column: number, rule: string, message: string) => {
      problem = true;
      error(ref(column), rule, message);
    };
    if (name === '') fail(C.project, 'missing-name', `新しい${L.project}の${L.project}名を書いてください`);
    else {
      const bad = forbiddenCharProblem(name, true) ?? invisibleCharProblem(name);
      if (bad) fail(C.project, 'bad-text', bad);
      else if ([...name].length > MAX_TITLE_LENGTH)
        fail(C.project, 'bad-text', `${L.project}名が長すぎます（${MAX_TITLE_LENGTH}文字まで）`);
    }
    // Already there (this sheet imported before, or proposed twice): not added again.
    if (name !== '' && measure.projects.some((p) => p.name === name)) {
      report(
        'warning',
        ref(C.project),
        'already-there',
        `この${L.measure}には${L.project}「${name}」がもうあります（前に取り込んだ照会票かもしれません）。この行は加えません`,
      );
      return undefined;
    }
    const status = text(C.status);
    if (!plan.statuses.some((s) => s.name === status))
      fail(
        C.status,
        'unknown-status',
        status === ''
          ? `新しい${L.project}の区分を一覧から選んでください`
          : `区分「${status}」はありません。一覧（${plan.statuses.map((s) => s.name).join('、')}）から選んでください`,
      );
    const initiativeText = text(C.initiative);
    let initiative: string | undefined;
    if (initiativeText !== '' && measure.hasInitiatives) {
      // As the drop-down offers it (①名称), or typed without its number.
      const index = initiativeLabels(measure).findIndex(
        (t, i) => initiativeText === t.label || initiativeText === measure.initiatives[i]!.name,
      );
      if (index < 0)
        fail(
          C.initiative,
          'unknown-initiative',
          `${L.initiative}「${initiativeText}」はこの${L.measure}にありません。一覧から選ぶか、空欄にしてください（政策企画課で置き場所を決めます）`,
        );
      else initiative = measure.initiatives[index]!.id;
    }
    const plans = years.map((_, i) => {
      const items = planCellItems(cellText(sheet.cell(r, C.plan(i))));
      const bad = items.map(planItemProblem).find((p) => p !== undefined);
      if (bad) fail(C.plan(i), 'bad-text', bad);
      return items;
    });
    const amounts = years.map((_, i) => {
      const parsed = parseAmount(sheet.cell(r, C.amount(i)));
      if (typeof parsed === 'string') fail(C.amount(i), 'bad-amount', parsed);
      return typeof parsed === 'number' ? parsed : undefined;
    });
    const anyAmount = years.some((_, i) => sheet.cell(r, C.amount(i)).kind !== 'empty');
    if (anyAmount)
      years.forEach((_, i) => {
        if (sheet.cell(r, C.amount(i)).kind === 'empty')
          fail(
            C.amount(i),
            'missing-amount',
            'ほかの年度に事業費があります。この年度も書いてください（事業費のない年度は 0）',
          );
      });
    if (problem) return undefined;
    return {
      kind: 'new',
      measure,
      department: department,
      initiative,
      name,
      status,
      years,
      plans,
      amounts: anyAmount ? amounts.map((a) => a ?? 0) : undefined,
      cell: ref(C.project),
    };
  }

  /** The answer cells of a row as the department left them (masked as the export's hash was). */
  function answersAsRead(sheet: ReadSheet, r: number, row: InquiryRow | undefined): AnswerTexts {
    const read = (column: number) => cellText(sheet.cell(r, column));
    return {
      status: row && !row.statusEditable ? '' : read(C.status),
      plans: years.map((_, i) => (row && row.plans[i] === undefined ? '' : read(C.plan(i)))),
      amounts: years.map((_, i) => (row && row.amountLocks[i] !== '' ? '' : read(C.amount(i)))),
      confirm: read(C.confirm),
    };
  }

  function planItemProblem(item: string): string | undefined {
    const bad = forbiddenCharProblem(item, false);
    if (bad) return bad;
    const length = [...item].length;
    if (length > MAX_SENTENCE_LENGTH) return `計画の項目が長すぎます（${length}文字。${MAX_SENTENCE_LENGTH}文字まで）`;
    return undefined;
  }
}

/** The rows the export recorded in 照会情報, in the order written. */
function exportedRows(info: ReadSheet): ExportedRow[] {
  const rows: ExportedRow[] = [];
  for (let r = INFO_ROWS_HEADER + 1; r <= info.rowCount; r++) {
    const [sheet, row, measure, initiative, project, answers] = [1, 2, 3, 4, 5, 6].map((c) =>
      cellText(info.cell(r, c)),
    );
    if (!sheet) continue;
    rows.push({
      sheet,
      row: Number(row),
      key: { measure: measure!, initiative: initiative!, project: project! },
      answers: parseAnswers(answers!),
    });
  }
  return rows;
}

/** The first answer column with something in it (the 取組 column counts: it is open in new rows). */
function firstAnswered(sheet: ReadSheet, r: number, C: InquiryColumns): number | undefined {
  for (let c = C.initiative; c <= C.last; c++) if (sheet.cell(r, c).kind !== 'empty') return c;
  return undefined;
}

/**
 * An amount cell: a whole number of 千円 from 0, or the message saying why not. Text that is
 * only digits and commas (「1,200」, full-width too, as pasted from a document) is read as the
 * number it shows; blank is undefined.
 */
export function parseAmount(value: CellValue): number | undefined | string {
  let n: number;
  if (value.kind === 'empty') return undefined;
  if (value.kind === 'number') n = value.value;
  else {
    const text = value.text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (!/^-?[0-9][0-9,，]*$/.test(text))
      return `数値ではありません（「${value.text.trim()}」）。事業費は千円単位の整数で書いてください`;
    n = Number(text.replace(/[,，]/g, ''));
  }
  if (n < 0) return `事業費はマイナスにできません（${n}）。0以上の整数で書いてください`;
  if (!Number.isInteger(n)) return `事業費は千円単位の整数で書いてください（${n}）`;
  if (n > MAX_AMOUNT) return `事業費が大きすぎます（${n}）。千円単位で書いているか確かめてください`;
  return n === 0 ? 0 : n;
}

function parseAnswers(json: string): AnswerTexts | undefined {
  try {
    const value = JSON.parse(json) as AnswerTexts;
    return typeof value.status === 'string' && Array.isArray(value.plans) && Array.isArray(value.amounts)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}
