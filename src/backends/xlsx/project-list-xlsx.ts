// 事業一覧 as an Excel workbook for 財政課: every 事業 with its 施策, 担当課, 区分 and 事業費 per
// year, a row total, 施策 subtotals and a grand total. The totals are live formulas (SUBTOTAL, so
// that the grand total skips the subtotals above it), which Excel and LibreOffice compute from the
// figures: a figure corrected in the sheet corrects its totals. The file is packed reproducibly.
import ExcelJS from 'exceljs';
import type { Measure, Plan } from '../../data/plan-model.ts';
import { displayCode } from '../../data/plan-model.ts';
import { projectBudgets, type ProjectBudget } from '../../plan/budget-summary.ts';
import { periodLabel, westernFiscalYear, yearsOf } from '../../plan/fiscal-year.ts';
import { officeColor, type Theme } from '../../theme/theme.ts';
import { repackOfficeZip } from '../office-zip.ts';
import { landscapeA4 } from './print-setup.ts';

const HEADER_ROW = 3;
const AMOUNT_FORMAT = '#,##0';

export async function projectListXlsx(plan: Plan, creationDate: Date, theme: Theme): Promise<Uint8Array> {
  const years = yearsOf(plan.period);
  const L = plan.labels;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = plan.municipality;
  workbook.created = creationDate;
  workbook.modified = creationDate;
  // Excel computes every formula when it opens the file (no figure is stored for a formula).
  workbook.calcProperties.fullCalcOnLoad = true;
  const sheet = workbook.addWorksheet(`${L.project}一覧`, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }],
    pageSetup: landscapeA4(`${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: '&P / &N' },
  });
  const firstAmount = 5; // columns: 施策, 事業, 担当課, 区分, then the years
  const lastAmount = firstAmount + years.length - 1;
  const totalColumn = lastAmount + 1;
  const letter = (column: number) => sheet.getColumn(column).letter;
  sheet.columns = [
    { width: 34 },
    { width: 40 },
    { width: 16 },
    { width: 10 },
    ...years.map(() => ({ width: 13, style: { numFmt: AMOUNT_FORMAT } })),
    { width: 14, style: { numFmt: AMOUNT_FORMAT } },
  ];

  sheet.getCell(1, 1).value = `${plan.municipality} ${plan.title} ${L.project}一覧（${periodLabel(plan.period)}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, totalColumn).value = theme.words.unit;
  sheet.getCell(2, totalColumn).alignment = { horizontal: 'right' };
  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    L.measure,
    L.project,
    '担当課',
    '区分',
    ...years.map((y) => westernFiscalYear(y)),
    `${years.length}カ年計`,
  ];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${officeColor(theme.colors.headerFill)}` } };
    cell.border = { bottom: { style: 'thin' } };
  });

  let row = HEADER_ROW + 1;
  const firstData = row;
  const rowTotal = (r: number) => ({ formula: `SUM(${letter(firstAmount)}${r}:${letter(lastAmount)}${r})` });
  // The 事業 of each 施策, in plan order (projectBudgets lists them 施策 by 施策).
  const byMeasure = new Map<Measure, ProjectBudget[]>();
  for (const budget of projectBudgets(plan)) {
    const own = byMeasure.get(budget.measure);
    if (own) own.push(budget);
    else byMeasure.set(budget.measure, [budget]);
  }
  for (const [measure, own] of byMeasure) {
    const start = row;
    const measureName = `${L.measure}${displayCode(measure)}　${measure.title}`;
    for (const budget of own) {
      sheet.getRow(row).values = [
        measureName,
        budget.projectName,
        budget.project.department ?? '',
        budget.project.status ?? '',
        ...budget.amounts,
      ];
      sheet.getCell(row, totalColumn).value = rowTotal(row);
      row++;
    }
    const subtotal = sheet.getRow(row);
    subtotal.getCell(1).value = `${measureName}　小計`;
    for (let c = firstAmount; c <= totalColumn; c++)
      subtotal.getCell(c).value = { formula: `SUBTOTAL(9,${letter(c)}${start}:${letter(c)}${row - 1})` };
    subtotal.font = { bold: true };
    subtotal.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
    row++;
  }
  const grand = sheet.getRow(row);
  grand.getCell(1).value = '合計';
  // SUBTOTAL leaves out the subtotals in its range: the grand total counts every 事業 once.
  for (let c = firstAmount; c <= totalColumn; c++)
    grand.getCell(c).value = { formula: `SUBTOTAL(9,${letter(c)}${firstData}:${letter(c)}${row - 1})` };
  grand.font = { bold: true };
  grand.eachCell((cell) => (cell.border = { top: { style: 'double' } }));

  const raw = new Uint8Array(await workbook.xlsx.writeBuffer());
  return repackOfficeZip(raw, creationDate);
}
