// The 照会票 of one 担当課 as an Excel workbook: a sheet of instructions, one sheet per 施策 with
// the department's rows (context locked, answers open, ids hidden), blank rows for new 事業, and a
// hidden sheet recording which plan, period, department and rows it was made from. Sheets are
// protected without a password: against slips, not against the department (import checks all).
import ExcelJS from 'exceljs';
import { MAX_AMOUNT } from '../../data/schema.ts';
import { periodLabel, westernFiscalYear } from '../../plan/fiscal-year.ts';
import {
  answersHash,
  CONFIRMED,
  exportedAnswers,
  INQUIRY_FORMAT,
  NEW_ROWS,
  projectLabel,
  type Inquiry,
  type InquiryRow,
  type InquirySheet,
} from '../../sheets/inquiry-model.ts';
import {
  columnLetter,
  FIRST_DATA_ROW,
  HEADER_ROW,
  INFO_INITIATIVES_COLUMN,
  INFO_KEYS,
  infoRow,
  INFO_ROWS_HEADER,
  INFO_SHEET,
  INFO_STATUS_COLUMN,
  INSTRUCTIONS_SHEET,
  inquiryColumns,
  NEW_ROW_MARK,
  TITLE_ROW,
  type InfoKey,
  type InquiryColumns,
} from '../../sheets/inquiry-layout.ts';
import { officeColor, type Theme } from '../../theme/theme.ts';
import { repackOfficeZip } from '../office-zip.ts';
import { landscapeA4 } from './print-setup.ts';

const LOCKED_FILL = 'FFF2F2F2';
const CARRIED_FILL = 'FFFFF2B3';
const NEW_ROW_FILL = 'FFEAF3FB';
const AMOUNT_FORMAT = '#,##0';
/** Widths (in Excel's units) of the columns whose text wraps: rows are made tall enough for them. */
const WIDTH = { initiative: 18, project: 22, plan: 26 } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
/** Windows has carried BIZ UDPゴシック since 10 (1809); elsewhere the reader's own Japanese font stands in. */
const FONT = { name: 'BIZ UDPゴシック', size: 10 } as const;

const CARRIED_NOTE =
  '前年度の内容を写したものです。確かめて、変更があれば書き換えてください。変更がなければ、この行の「確認」欄で「確認済」を選んでください。';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export async function inquiryXlsx(inquiry: Inquiry, creationDate: Date, theme: Theme): Promise<Uint8Array> {
  const { plan } = inquiry;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = plan.municipality;
  workbook.created = creationDate;
  workbook.modified = creationDate;
  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), inquiry);
  const info = workbook.addWorksheet(INFO_SHEET, { state: 'veryHidden' });
  writeInfo(info, inquiry);
  const statusList = `'${INFO_SHEET}'!$${columnLetter(INFO_STATUS_COLUMN)}$1:$${columnLetter(INFO_STATUS_COLUMN)}$${plan.statuses.length}`;
  let nextInfoRow = INFO_ROWS_HEADER + 1;
  for (const [index, sheet] of inquiry.sheets.entries()) {
    const initiativeColumn = columnLetter(INFO_INITIATIVES_COLUMN + index);
    const initiativeList =
      sheet.initiatives.length > 0
        ? `'${INFO_SHEET}'!$${initiativeColumn}$1:$${initiativeColumn}$${sheet.initiatives.length}`
        : undefined;
    const rows = writeMeasureSheet(workbook, sheet, inquiry, theme, statusList, initiativeList);
    // Which rows went out where: import tells a deleted, moved or foreign row from this list.
    for (const [i, row] of sheet.rows.entries()) {
      info.getRow(nextInfoRow++).values = [
        sheet.name,
        rows[i]!,
        row.key.measure,
        row.key.initiative,
        row.key.project,
        // The answers as sent: import tells the department's changes from the office's by them.
        JSON.stringify(exportedAnswers(row)),
      ];
    }
    sheet.initiatives.forEach((initiative, i) => {
      info.getCell(i + 1, INFO_INITIATIVES_COLUMN + index).value = initiative.label;
    });
  }
  protect(info);
  const raw = new Uint8Array(await workbook.xlsx.writeBuffer());
  return repackOfficeZip(raw, creationDate);
}

function writeInfo(info: ExcelJS.Worksheet, inquiry: Inquiry): void {
  const { plan } = inquiry;
  const values: Record<InfoKey, string | number> = {
    format: INQUIRY_FORMAT,
    municipality: plan.municipality,
    title: plan.title,
    start: plan.period.start,
    end: plan.period.end,
    department: inquiry.department,
  };
  for (const [key, label] of Object.entries(INFO_KEYS) as [InfoKey, string][])
    info.getRow(infoRow(key)).values = [label, values[key]];
  info.getRow(INFO_ROWS_HEADER).values = ['シート', '行', '施策ID', '取組ID', '事業ID', '書き出した回答'];
  plan.statuses.forEach((status, i) => (info.getCell(i + 1, INFO_STATUS_COLUMN).value = status.name));
}

function writeInstructions(sheet: ExcelJS.Worksheet, inquiry: Inquiry): void {
  const { plan, department } = inquiry;
  const L = plan.labels;
  const width = 90;
  sheet.columns = [
    { width: 12, style: { font: FONT } },
    { width, style: { font: FONT } },
  ];
  sheet.getCell('A1').value = `${plan.municipality} ${plan.title}（${periodLabel(plan.period)}）照会票`;
  sheet.getCell('A1').font = { ...FONT, bold: true, size: 14 };
  sheet.getCell('A2').value = `担当課: ${department}　（${inquiry.sheets.map((s) => s.name).join('・')}）`;
  sheet.getCell('A2').font = { ...FONT, bold: true, size: 12 };
  const lines: [string, string][] = [
    ['回答期限', ''],
    ['提出先', ''],
    ['', ''],
    ['記入のしかた', ''],
    [
      '1',
      `${L.measure}ごとにシートがあります。${department}の${L.project}の行だけが載っています。白いセルに回答してください。灰色のセルは変えられません。`,
    ],
    ['2', `区分は、セルを選ぶと出る一覧から選んでください（${plan.statuses.map((s) => s.name).join('・')}）。`],
    [
      '3',
      '年度ごとの計画は、1つのセルに1行に1項目で書いてください（セルの中の改行は Alt+Enter）。その年度で項目を終えるときは、項目を消してください。',
    ],
    ['4', '事業費は千円単位の整数で書いてください。事業費のない年度は 0 を書いてください。'],
    [
      '5',
      `黄色のセルは、前年度の計画から写したものです。確かめて、変更があれば書き換えてください。変更がなければ、その行の「確認」欄で「${CONFIRMED}」を選んでください。`,
    ],
    [
      '6',
      `新しい${L.project}は、各シートの末尾の水色の空き行に、${L.initiative}・${L.project}名・区分・計画・事業費を書いてください。${L.project}のIDは政策企画課で付けます。`,
    ],
    ['7', '行やシートの追加・削除・並べ替え、シート名の変更はしないでください。隠れている列とシートは照合に使います。'],
    ['8', '補足・相談・説明は「備考」欄に書いてください。'],
    ['9', 'ファイル名は変えずに、Excel の形式（.xlsx）のまま保存して提出してください。'],
  ];
  lines.forEach(([a, b], i) => {
    const row = sheet.getRow(4 + i);
    row.values = [a, b];
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    row.height = Math.max(18, linesIn(b, width) * 14 + 4);
    if (a === '記入のしかた') row.getCell(1).font = { ...FONT, bold: true };
  });
  // 回答期限 and 提出先: left blank, underlined, for 政策企画課 to fill before sending.
  for (const r of [4, 5]) {
    sheet.getCell(r, 1).font = { ...FONT, bold: true };
    sheet.getCell(r, 2).border = { bottom: { style: 'thin' } };
    sheet.getRow(r).height = 22;
  }
  sheet.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Writes one 施策's sheet; returns the sheet row of each of its rows. */
function writeMeasureSheet(
  workbook: ExcelJS.Workbook,
  sheet: InquirySheet,
  inquiry: Inquiry,
  theme: Theme,
  statusList: string,
  initiativeList: string | undefined,
): number[] {
  const { plan, years, department } = inquiry;
  const L = plan.labels;
  const C = inquiryColumns(years.length);
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: C.project }],
    pageSetup: landscapeA4(`${TITLE_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: `&L${department}&C&A&R&P / &N` },
  });
  const widths: Record<number, number> = {
    [C.initiative]: WIDTH.initiative,
    [C.project]: WIDTH.project,
    [C.status]: 9,
    [C.confirm]: 9,
    [C.note]: 20,
  };
  years.forEach((_, i) => {
    widths[C.plan(i)] = WIDTH.plan;
    widths[C.amount(i)] = 14;
  });
  for (let c = 1; c <= C.last; c++) {
    const column = ws.getColumn(c);
    column.width = widths[c] ?? 12;
    column.font = FONT;
    if (c <= C.hash) column.hidden = true;
  }

  const title = ws.getCell(TITLE_ROW, C.initiative);
  title.value = `${L.measure}${sheet.name.slice(L.measure.length)}　${sheet.measure.title}`;
  title.font = { ...FONT, bold: true, size: 13 };
  const legend = ws.getCell(TITLE_ROW + 1, C.initiative);
  legend.value = `担当課: ${department}　白いセルに回答してください。灰色は変えられません。黄色は前年度からの写しです。新しい${L.project}は末尾の水色の行に書いてください`;

  const header = ws.getRow(HEADER_ROW);
  header.getCell(C.measureId).value = `${L.measure}ID`;
  header.getCell(C.initiativeId).value = `${L.initiative}ID`;
  header.getCell(C.projectId).value = `${L.project}ID`;
  header.getCell(C.hash).value = '照合値';
  header.getCell(C.initiative).value = L.initiative;
  header.getCell(C.project).value = `${L.project}名`;
  header.getCell(C.status).value = '区分';
  years.forEach((y, i) => {
    header.getCell(C.plan(i)).value = `${westernFiscalYear(y)}\n計画`;
    header.getCell(C.amount(i)).value = `${westernFiscalYear(y)}\n事業費（千円）`;
  });
  header.getCell(C.confirm).value = '確認';
  header.getCell(C.confirm).note =
    `黄色のセル（前年度からの写し）を確かめて、変更がなければ「${CONFIRMED}」を選んでください`;
  header.getCell(C.note).value = '備考';
  header.height = 40;
  for (let c = C.initiative; c <= C.last; c++) {
    const cell = header.getCell(c);
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = fill(`FF${officeColor(theme.colors.headerFill)}`);
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  }

  const amountValidation = (): ExcelJS.DataValidation => ({
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [0, MAX_AMOUNT],
    showInputMessage: true,
    promptTitle: '事業費（千円）',
    prompt: '千円単位の整数（0以上）。事業費のない年度は 0',
    showErrorMessage: true,
    errorTitle: '事業費',
    error: '事業費は千円単位の0以上の整数で書いてください',
  });
  const listValidation = (formula: string, title: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorTitle: title,
    error: `${title}は一覧から選んでください`,
  });

  const sheetRows: number[] = [];
  let r = FIRST_DATA_ROW;
  for (const row of sheet.rows) {
    writeRow(ws, r, row, C, years.length, statusList, amountValidation, listValidation);
    sheetRows.push(r);
    r++;
  }
  for (let n = 0; n < NEW_ROWS; n++, r++) {
    const xr = ws.getRow(r);
    xr.getCell(C.measureId).value = sheet.measure.id;
    xr.getCell(C.hash).value = NEW_ROW_MARK;
    for (let c = C.initiative; c <= C.last; c++) {
      const cell = xr.getCell(c);
      const open = c !== C.confirm && (c !== C.initiative || initiativeList !== undefined);
      cell.protection = { locked: !open };
      cell.fill = fill(open ? NEW_ROW_FILL : LOCKED_FILL);
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      cell.alignment = { vertical: 'top', wrapText: true };
    }
    if (initiativeList) xr.getCell(C.initiative).dataValidation = listValidation(initiativeList, L.initiative);
    xr.getCell(C.status).dataValidation = listValidation(statusList, '区分');
    years.forEach((_, i) => {
      xr.getCell(C.amount(i)).dataValidation = amountValidation();
      xr.getCell(C.amount(i)).numFmt = AMOUNT_FORMAT;
    });
    if (n === 0)
      xr.getCell(C.project).note =
        `新しい${L.project}を提案するときは、この水色の行に${L.project}名・区分・計画・事業費を書いてください（IDは政策企画課で付けます）。`;
    xr.height = 30;
  }
  protect(ws);
  return sheetRows;
}

/** Protection: answer cells (unlocked) stay editable; columns and rows may be resized. */
function protect(ws: ExcelJS.Worksheet): void {
  // exceljs's protect() only fills sheetProtection (no password: no random salt, same bytes).
  void ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

function writeRow(
  ws: ExcelJS.Worksheet,
  r: number,
  row: InquiryRow,
  C: InquiryColumns,
  yearCount: number,
  statusList: string,
  amountValidation: () => ExcelJS.DataValidation,
  listValidation: (formula: string, title: string) => ExcelJS.DataValidation,
): void {
  const xr = ws.getRow(r);
  xr.getCell(C.measureId).value = row.key.measure;
  xr.getCell(C.initiativeId).value = row.key.initiative;
  xr.getCell(C.projectId).value = row.key.project;
  xr.getCell(C.hash).value = answersHash(exportedAnswers(row));
  xr.getCell(C.initiative).value = row.initiativeLabel;
  xr.getCell(C.project).value = projectLabel(row.project);
  const open = new Set<number>([C.note]);
  const status = xr.getCell(C.status);
  status.value = row.status === '' ? null : row.status;
  if (row.statusEditable) {
    open.add(C.status);
    status.dataValidation = listValidation(statusList, '区分');
  }
  for (let i = 0; i < yearCount; i++) {
    const plan = xr.getCell(C.plan(i));
    const text = row.plans[i];
    if (text !== undefined) {
      open.add(C.plan(i));
      plan.value = text === '' ? null : text;
    }
    const amount = xr.getCell(C.amount(i));
    amount.numFmt = AMOUNT_FORMAT;
    amount.value = row.amounts[i] ?? null;
    if (row.amountLocks[i] === '') {
      open.add(C.amount(i));
      amount.dataValidation = amountValidation();
    } else if (row.amounts.some((a) => a !== undefined) || row.project.repeatOf !== undefined) {
      amount.note = row.amountLocks[i]!;
    }
  }
  if (row.carried) {
    open.add(C.confirm);
    xr.getCell(C.confirm).dataValidation = listValidation(`"${CONFIRMED}"`, '確認');
  }
  for (let c = C.initiative; c <= C.last; c++) {
    const cell = xr.getCell(c);
    cell.protection = { locked: !open.has(c) };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.alignment = { vertical: 'top', wrapText: true };
    if (!open.has(c)) cell.fill = fill(LOCKED_FILL);
  }
  for (let i = 0; i < yearCount; i++) {
    if (row.plansCarried[i]) markCarried(xr.getCell(C.plan(i)));
    if (row.amountsCarried[i]) markCarried(xr.getCell(C.amount(i)));
  }
  xr.height = rowHeight(row, yearCount);
}

function markCarried(cell: ExcelJS.Cell): void {
  cell.fill = fill(CARRIED_FILL);
  cell.note = CARRIED_NOTE;
}

/**
 * Points for a row: Excel keeps a written height, and neither Excel nor Calc grows a row to its
 * wrapped text when the file opens. Lines are counted as the widest cell wraps (a full-width
 * character takes about 2 of a column's width units).
 */
function rowHeight(row: InquiryRow, yearCount: number): number {
  const linesIn = (text: string, width: number) =>
    text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(([...line].length * 2) / (width - 1))), 0);
  let lines = Math.max(linesIn(row.initiativeLabel, WIDTH.initiative), linesIn(row.project.name, WIDTH.project));
  for (let i = 0; i < yearCount; i++) lines = Math.max(lines, linesIn(row.plans[i] ?? '', WIDTH.plan));
  return Math.max(20, lines * 14 + 6);
}

/** Lines `text` takes in a column `width` units wide (a full-width character is about 2 units). */
function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(([...line].length * 2) / (width - 1))), 0);
}
