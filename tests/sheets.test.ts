// keikaku sheets list: the 事業一覧 for 財政課 (xlsx, totals as formulas) and for open data (CSV).
// Expected figures come from the YAML (tests/helpers/oracle.ts); the workbook's totals are those
// LibreOffice Calc computes from its formulas.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { withLibreOffice } from './helpers/libreoffice.ts';
import { expectedPlan, type ExpectedPlan } from './helpers/oracle.ts';
import { ROOT } from './helpers/plan.ts';

const NAME = '事業一覧_2024-2026';
let out: string;
let expected: ExpectedPlan;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'keikaku-sheets-'));
  const run = await runCli(['sheets', 'list', '--out', out], ROOT);
  expect(run.code, run.stdout).toBe(0);
  expect(run.stderr).toContain(`${NAME}.xlsx を書き出しました`);
  expected = await expectedPlan(path.join(ROOT, 'data'));
});

/** The rows of a CSV (RFC 4180: fields in "…" may hold commas, "" is a quote). */
function rowsOf(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line === '') continue;
    const fields: string[] = [];
    for (const m of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
      fields.push(m[1]?.replace(/""/g, '"') ?? m[2] ?? '');
    rows.push(fields);
  }
  return rows;
}

describe('keikaku sheets list', () => {
  it('writes the CSV for open data: BOM, CRLF, one line per 事業 and year with ids, the YAML’s amounts', async () => {
    const bytes = await readFile(path.join(out, `${NAME}.csv`));
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF施策ID,施策番号,施策名,事業ID,事業名,担当課,区分,年度,事業費（千円）\r\n')).toBe(
      true,
    );
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const [, ...lines] = rowsOf(text);
    const budgeted = expected.measures.flatMap((m) => m.budget);
    // Every line's amount is its 事業's in the YAML (0 for a 事業 without 事業費), and they add up.
    const byYear = expected.years.map((year) =>
      lines.filter((l) => l[7] === String(year)).reduce((s, l) => s + Number(l[8]), 0),
    );
    expect(byYear).toEqual([...expected.yearTotals]);
    const line = lines.find((l) => l[4] === budgeted[0]!.project && l[7] === String(expected.years[0]))!;
    expect(Number(line[8])).toBe(budgeted[0]!.amounts[0]);
    expect(new Set(lines.map((l) => l[7]))).toEqual(new Set(expected.years.map(String)));
  });

  it('writes a workbook whose totals are formulas, set up to print (A4 landscape, fit to width, header repeated)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, `${NAME}.xlsx`));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('事業一覧');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const formulas: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
      }),
    );
    expect(formulas.some((f) => f.startsWith('SUBTOTAL(9,'))).toBe(true);
    expect(formulas.some((f) => f.startsWith('SUM('))).toBe(true);
  });

  it('is byte-identical when made again', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'keikaku-sheets-again-'));
    expect((await runCli(['sheets', 'list', '--out', again], ROOT)).code).toBe(0);
    for (const ext of ['xlsx', 'csv'])
      expect(
        (await readFile(path.join(again, `${NAME}.${ext}`))).equals(await readFile(path.join(out, `${NAME}.${ext}`))),
      ).toBe(true);
  });

  withLibreOffice('has totals that LibreOffice Calc computes from its formulas equal to the 事業費総括表', async () => {
    const csv = path.join(out, 'calc');
    execFileSync(
      'soffice',
      [
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false',
        '--outdir',
        csv,
        path.join(out, `${NAME}.xlsx`),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const rows = rowsOf(await readFile(path.join(csv, `${NAME}.csv`), 'utf8'));
    const numbers = (row: string[]) => row.slice(4).map(Number);
    for (const measure of expected.measures.filter((m) => m.budget.length > 0)) {
      const subtotal = rows.find((r) => r[0] === `施策${measure.number}　${measure.title}　小計`);
      expect(subtotal, `施策${measure.number}`).toBeDefined();
      expect(numbers(subtotal!)).toEqual([...measure.yearTotals, measure.grandTotal]);
    }
    const total = rows.find((r) => r[0] === '合計')!;
    expect(numbers(total)).toEqual([...expected.yearTotals, expected.grandTotal]);
  });
});
