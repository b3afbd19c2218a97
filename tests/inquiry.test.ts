// keikaku sheets export / import: the 照会票 round trip. Cells are found as a department finds
// them (by the header's words and the row's 事業), edited through exceljs or re-saved by
// LibreOffice Calc, and the YAML is compared byte for byte with the original plus exactly the
// lines the answers change.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { FIXTURES, runCli } from './helpers/cli.ts';
import { pdfPages, squash } from './helpers/extract.ts';
import { withLibreOffice } from './helpers/libreoffice.ts';
import { expectedPlan, withCommas } from './helpers/oracle.ts';
import { ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';

const DEPARTMENT = '住民課';
const SHEET = '施策12';
const FILE = `out/照会票/${DEPARTMENT}.xlsx`;
const MEASURE_FILE = 'data/measures/12.yaml';

/** The seed rolled to 2025–2027: its 2027 cells are carried over, to be confirmed. */
let rolled: string;

beforeAll(async () => {
  rolled = path.join(await mkdtemp(path.join(tmpdir(), 'keikaku-inquiry-')), 'data');
  const run = await runCli(['roll', '--data', path.join(ROOT, 'data'), '--to', '2025', '--out', rolled], ROOT);
  expect(run.code, run.stderr).toBe(0);
});

/** A working folder with a copy of the rolled data (or `data`), and the 照会票 exported from it. */
async function workWithExport(data = rolled, args: readonly string[] = ['--department', DEPARTMENT]): Promise<string> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'keikaku-inquiry-'));
  await cp(data, path.join(cwd, 'data'), { recursive: true });
  const run = await runCli(['sheets', 'export', ...args], cwd);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return cwd;
}

/** Every file under data/, by relative path. */
async function snapshot(cwd: string): Promise<Map<string, string>> {
  const dir = path.join(cwd, 'data');
  const names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.yaml') || n.endsWith('.json'));
  return new Map(
    await Promise.all(names.sort().map(async (n) => [n, await readFile(path.join(dir, n), 'latin1')] as const)),
  );
}

const letter = (column: number) => String.fromCharCode(64 + column);

interface SheetCells {
  readonly ws: ExcelJS.Worksheet;
  /** The column whose header reads `header` (line breaks ignored). */
  column(header: string): number;
  /** The sheet row of a 事業 (by its hidden id), or of the n-th blank row for new 事業. */
  row(projectId: string): number;
  newRow(n?: number): number;
  /** `施策12!K4` for a header and a row. */
  ref(header: string, row: number): string;
  set(header: string, row: number, value: ExcelJS.CellValue): void;
}

/** Opens a 照会票, lets `edit` change its cells as a department would, and saves it. */
async function answer(file: string, edit: (cells: SheetCells) => void, sheetName = SHEET): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(cellsOf(workbook.getWorksheet(sheetName)!));
  await workbook.xlsx.writeFile(file);
}

function cellsOf(ws: ExcelJS.Worksheet): SheetCells {
  // Calc saves a header whose characters come from two fonts as rich text.
  const text = (r: number, c: number) => {
    const value = ws.getCell(r, c).value;
    return value && typeof value === 'object' && 'richText' in value
      ? value.richText.map((run) => run.text).join('')
      : typeof value === 'string' || typeof value === 'number'
        ? String(value)
        : '';
  };
  const headerRow = [...Array(8).keys()].map((i) => i + 1).find((r) => text(r, 7) === '区分')!;
  const column = (header: string) => {
    for (let c = 1; c <= ws.columnCount; c++) if (text(headerRow, c).replace(/\n/g, '') === header) return c;
    throw new Error(`no column ${header}`);
  };
  const rowsWhere = (test: (r: number) => boolean) => {
    const rows: number[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) if (test(r)) rows.push(r);
    return rows;
  };
  return {
    ws,
    column,
    row: (projectId) => rowsWhere((r) => ws.getCell(r, 3).value === projectId)[0]!,
    newRow: (n = 0) => rowsWhere((r) => ws.getCell(r, 4).value === 'new')[n]!,
    ref: (header, row) => `${ws.name}!${letter(column(header))}${row}`,
    set: (header, row, value) => (ws.getCell(row, column(header)).value = value),
  };
}

async function importAnswers(cwd: string, ...args: string[]) {
  return runCli(['sheets', 'import', FILE, ...args], cwd);
}

describe('keikaku sheets export', () => {
  it('writes one 照会票 per 担当課 with 事業 (every 担当課 by default) and names each', async () => {
    const cwd = await workWithExport(rolled, []);
    const plan = YAML.parse(await readFile(path.join(cwd, 'data/departments.yaml'), 'utf8')) as {
      departments: string[];
    };
    const written = (await readdir(path.join(cwd, 'out/照会票'))).sort();
    // Every listed 担当課 that has a 事業 in the seed (all of them do).
    expect(written).toEqual(plan.departments.map((d) => `${d}.xlsx`).sort());
  });

  it('puts each of the department’s rows, and only those, on its 施策’s sheet, with carried-over cells marked', async () => {
    const cwd = await workWithExport();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(cwd, FILE));
    const measures = await Promise.all(
      (await readdir(path.join(cwd, 'data/measures'))).map(
        async (n) => YAML.parse(await readFile(path.join(cwd, 'data/measures', n), 'utf8')) as MeasureYaml,
      ),
    );
    const own = measures.filter((m) => m.projects.some((p) => p.department === DEPARTMENT));
    expect(workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name)).toEqual([
      '記入のしかた',
      ...own.map((m) => `施策${m.number}`),
    ]);
    const m12 = own.find((m) => m.number === 12)!;
    const cells = cellsOf(workbook.getWorksheet(SHEET)!);
    const j4 = m12.projects.find((p) => p.department === DEPARTMENT)!;
    const r = cells.row(j4.id);
    const budget = m12.budget.find((b) => b.project === j4.id)!;
    expect(cells.ws.getCell(r, cells.column('事業名')).value).toBe(j4.name);
    expect(cells.ws.getCell(r, cells.column('2025年度事業費（千円）')).value).toBe(budget.amounts[2025]);
    // 2027 was copied by roll: highlighted, with a note, and the row can be confirmed.
    const carried = cells.ws.getCell(r, cells.column('2027年度事業費（千円）'));
    expect(carried.note as string).toContain('前年度の内容を写したもの');
    expect(cells.ws.getCell(r, cells.column('2025年度事業費（千円）')).note).toBeUndefined();
    // Answer cells open, context locked, ids hidden, sheet protected.
    expect(cells.ws.getCell(r, cells.column('2025年度事業費（千円）')).protection?.locked).toBe(false);
    expect(cells.ws.getCell(r, cells.column('事業名')).protection?.locked ?? true).toBe(true);
    expect([1, 2, 3, 4].map((c) => cells.ws.getColumn(c).hidden)).toEqual([true, true, true, true]);
    expect((cells.ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    // No other department's 事業 anywhere in the file.
    const others = own.flatMap((m) => m.projects.filter((p) => p.department !== DEPARTMENT).map((p) => p.id));
    const ids = workbook.worksheets.flatMap((ws) => ws.getColumn(3).values.map(String));
    expect(others.filter((id) => ids.includes(id))).toEqual([]);
  });

  it('is byte-identical from run to run', async () => {
    const cwd = await workWithExport();
    const first = await readFile(path.join(cwd, FILE));
    await runCli(['sheets', 'export', '--department', DEPARTMENT], cwd);
    expect((await readFile(path.join(cwd, FILE))).equals(first)).toBe(true);
  });

  it('does not overwrite a 照会票 that holds answers, unless told to (--force)', async () => {
    const cwd = await workWithExport();
    await answer(path.join(cwd, FILE), (c) => c.set('備考', c.row('s12-j4'), '来週回答します'));
    const answered = await readFile(path.join(cwd, FILE));
    const run = await runCli(['sheets', 'export', '--department', DEPARTMENT], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${FILE}: 回答が書かれています\n回答された照会票は上書きしません。`);
    expect((await readFile(path.join(cwd, FILE))).equals(answered)).toBe(true);
    expect((await runCli(['sheets', 'export', '--department', DEPARTMENT, '--force'], cwd)).code).toBe(0);
    expect((await readFile(path.join(cwd, FILE))).equals(answered)).toBe(false);
  });

  it('refuses a department that is not in departments.yaml, naming the known ones', async () => {
    const cwd = await workWithExport();
    const run = await runCli(['sheets', 'export', '--department', '住民科'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('担当課「住民科」は departments.yaml にありません（あるもの: 総務課、');
  });
});

interface MeasureYaml {
  number: number;
  projects: { id: string; name: string; department?: string; status?: string }[];
  budget: { project: string; amounts: Record<number, number>; carriedOver?: number[] }[];
}

describe('keikaku sheets import', () => {
  it('changes no byte of data/ when nothing was answered (every 担当課’s sheet)', async () => {
    const cwd = await workWithExport(rolled, []);
    const before = await snapshot(cwd);
    const files = (await readdir(path.join(cwd, 'out/照会票'))).map((n) => `out/照会票/${n}`);
    const run = await runCli(['sheets', 'import', ...files], cwd);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stderr).toContain(`照会票 ${files.length}件を確かめました。変更はありません`);
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('writes a budget, a plan item, a 区分 and a confirmation exactly where they belong, and the plan shows them', async () => {
    const cwd = await workWithExport();
    const original = await readFile(path.join(cwd, MEASURE_FILE), 'utf8');
    const others = await snapshot(cwd);
    const m12 = YAML.parse(original) as MeasureYaml;
    const [j4, j5] = m12.projects.filter((p) => p.department === DEPARTMENT);
    await answer(path.join(cwd, FILE), (c) => {
      c.set('2026年度事業費（千円）', c.row(j4!.id), 15000);
      c.set('2025年度計画', c.row(j4!.id), '戸籍情報システムの更新\n戸籍の広域交付');
      c.set('区分', c.row(j4!.id), '新規');
      c.set('確認', c.row(j5!.id), '確認済');
      c.set('備考', c.row(j4!.id), '更新費用は見積中です');
    });
    const run = await importAnswers(cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('施策12　行財政の健全な運営');
    expect(run.stdout).toContain(
      `${j4!.name}: 2026年度の事業費 ${withCommas(m12.budget.find((b) => b.project === j4!.id)!.amounts[2026]!)} → 15,000 千円（施策12!`,
    );
    expect(run.stdout).toContain(`備考（${j4!.name}、施策12!`);

    // The original text with exactly these lines changed: comments, order, quoting all kept.
    const lines = original.split('\n');
    const at = (from: number, pattern: RegExp) => from + lines.slice(from).findIndex((l) => pattern.test(l));
    const j4Def = at(0, new RegExp(`^  - id: ${j4!.id}$`));
    const status = at(j4Def, /^ {4}status: /);
    lines[status] = '    status: 新規';
    const j4Row = at(at(0, /^initiatives:/), new RegExp(`^      - project: ${j4!.id}$`));
    const y2025 = at(j4Row, /^ {10}2025:$/);
    const y2026 = at(y2025, /^ {10}2026:$/);
    lines.splice(y2025 + 1, y2026 - y2025 - 1, '            - 戸籍情報システムの更新', '            - 戸籍の広域交付');
    const j5Row = at(at(0, /^initiatives:/), new RegExp(`^      - project: ${j5!.id}$`));
    const j5Carried = at(j5Row, /^ {8}carriedOver: \[ 2027 \]$/);
    lines.splice(j5Carried, 1);
    const j4Budget = at(at(0, /^budget:/), new RegExp(`^  - project: ${j4!.id}$`));
    lines[j4Budget + 1] = lines[j4Budget + 1]!.replace(/2026: \d+/, '2026: 15000');
    expect(lines[j4Budget + 2]).toBe('    carriedOver: [ 2027 ]'); // 2027 not answered: still to confirm
    const j5Budget = at(at(0, /^budget:/), new RegExp(`^  - project: ${j5!.id}$`));
    expect(lines[j5Budget + 2]).toBe('    carriedOver: [ 2027 ]');
    lines.splice(j5Budget + 2, 1); // confirmed with its row
    expect(await readFile(path.join(cwd, MEASURE_FILE), 'utf8')).toBe(lines.join('\n'));
    const after = await snapshot(cwd);
    after.delete('measures/12.yaml');
    others.delete('measures/12.yaml');
    expect(after).toEqual(others);

    // The rebuilt plan prints the new figure and the totals that follow from it.
    const build = await runCli(['build', '--format', 'pdf', '--measure', '12', ...TEMPLATE_ARGS], cwd);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const expected = await expectedPlan(path.join(cwd, 'data'));
    const measure = expected.measures.find((m) => m.number === 12)!;
    const pdf = (await readdir(path.join(cwd, 'out'))).find((n) => n.endsWith('.pdf'))!;
    const text = squash((await pdfPages(await readFile(path.join(cwd, 'out', pdf)))).join(''));
    expect(text).toContain('15,000');
    for (const total of measure.yearTotals) expect(text).toContain(withCommas(total));
    expect(text).toContain('戸籍情報システムの更新');
  }, 60_000);

  it('adds a new 事業 proposed in a blank row: new id, under the chosen 取組, printed in the plan and the excerpt', async () => {
    const cwd = await workWithExport();
    await answer(path.join(cwd, FILE), (c) => {
      const r = c.newRow();
      c.set('取組', r, c.ws.getCell(c.row('s12-j4'), c.column('取組')).value);
      c.set('事業名', r, 'マイナンバーカード出張申請');
      c.set('区分', r, '新規');
      c.set('2025年度計画', r, '地区集会所での出張申請受付');
      c.set('2025年度事業費（千円）', r, 1200);
      c.set('2026年度事業費（千円）', r, 800);
      c.set('2027年度事業費（千円）', r, 0);
      // A second one without a 取組: placed for the office to move.
      const s = c.newRow(1);
      c.set('事業名', s, '窓口案内の多言語化');
      c.set('区分', s, '新規');
    });
    const run = await importAnswers(cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const data = YAML.parse(await readFile(path.join(cwd, MEASURE_FILE), 'utf8')) as MeasureYaml & {
      initiatives: { id: string; name: string; rows: { project: string; schedule: Record<number, string[]> }[] }[];
    };
    const added = data.projects.find((p) => p.name === 'マイナンバーカード出張申請')!;
    expect(added).toEqual({ id: 's12-j7', name: 'マイナンバーカード出張申請', department: DEPARTMENT, status: '新規' });
    expect(run.stdout).toContain('新しい事業「マイナンバーカード出張申請」を ID s12-j7 で加えました');
    const home = data.initiatives.find((t) => t.rows.some((r) => r.project === 's12-j4'))!;
    expect(home.rows.at(-1)).toEqual({
      project: 's12-j7',
      schedule: { 2025: ['地区集会所での出張申請受付'], 2026: [], 2027: [] },
    });
    expect(data.budget.at(-1)).toEqual({ project: 's12-j7', amounts: { 2025: 1200, 2026: 800, 2027: 0 } });
    const unplaced = data.projects.find((p) => p.name === '窓口案内の多言語化')!;
    expect(unplaced.id).toBe('s12-j8');
    expect(data.initiatives.at(-1)!.rows.at(-1)!.project).toBe('s12-j8');
    expect(await readFile(path.join(cwd, MEASURE_FILE), 'utf8')).toContain(
      '# 照会票（住民課）で追加。取組が選ばれていないため、仮にここに置きました。置き場所を確かめてください',
    );
    expect(run.stdout).toContain('取組が選ばれていないため');

    const validate = await runCli(['validate'], cwd);
    expect(validate.code, validate.stdout).toBe(0);
    const build = await runCli(['build', '--format', 'pdf', '--department', DEPARTMENT, ...TEMPLATE_ARGS], cwd);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const pdfs = (await readdir(path.join(cwd, 'out'), { recursive: true })).filter((n) => n.endsWith('.pdf'));
    expect(pdfs.length).toBe(1);
    const excerpt = squash((await pdfPages(await readFile(path.join(cwd, 'out', pdfs[0]!)))).join(''));
    expect(excerpt).toContain('マイナンバーカード出張申請');
    expect(excerpt).toContain('地区集会所での出張申請受付');
    expect(excerpt).toContain('1,200');
    // And in the plan's own page of 施策12, with the 施策's totals grown by it.
    const page = await runCli(
      ['build', '--format', 'pdf', '--measure', '12', '--out', 'out-plan', ...TEMPLATE_ARGS],
      cwd,
    );
    expect(page.code, page.stdout + page.stderr).toBe(0);
    const planPdf = (await readdir(path.join(cwd, 'out-plan'))).find((n) => n.endsWith('.pdf'))!;
    const planText = squash((await pdfPages(await readFile(path.join(cwd, 'out-plan', planPdf)))).join(''));
    expect(planText).toContain('マイナンバーカード出張申請');
    expect(planText).toContain('窓口案内の多言語化');
    const m12 = (await expectedPlan(path.join(cwd, 'data'))).measures.find((m) => m.number === 12)!;
    for (const total of m12.yearTotals) expect(planText).toContain(withCommas(total));

    // Imported twice: the new 事業 is not added again.
    const again = await importAnswers(cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('事業「マイナンバーカード出張申請」がもうあります');
    expect((YAML.parse(await readFile(path.join(cwd, MEASURE_FILE), 'utf8')) as MeasureYaml).projects.length).toBe(
      data.projects.length,
    );
  }, 60_000);

  it('turns a one-line list into a block and `budget: []` into a list, touching nothing else', async () => {
    const cwd = await workWithExport(path.join(FIXTURES, 'minimal'), ['--department', '財政課']);
    const file = path.join(cwd, 'data/measures/02.yaml');
    const original = await readFile(file, 'utf8');
    await answer(
      path.join(cwd, 'out/照会票/財政課.xlsx'),
      (c) => {
        const r = c.row('s02-j1');
        c.set('2024年度計画', r, '計画A\n計画A2');
        c.set('2024年度事業費（千円）', r, 10);
        c.set('2025年度事業費（千円）', r, 20);
        c.set('2026年度事業費（千円）', r, 30);
      },
      '施策2',
    );
    const run = await runCli(['sheets', 'import', 'out/照会票/財政課.xlsx'], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      original
        .replace('          2024: [計画A]\n', '          2024:\n            - 計画A\n            - 計画A2\n')
        .replace('budget: []', 'budget:\n  - project: s02-j1\n    amounts: { 2024: 10, 2025: 20, 2026: 30 }'),
    );
    expect((await runCli(['validate'], cwd)).code).toBe(0);
  });

  it('adds a new 事務事業 to a 施策 without 取組 (rows), in another town’s plan shape', async () => {
    const cwd = await workWithExport(path.join(ROOT, 'examples/sample-city/data'), ['--department', '環境課']);
    const file = path.join(cwd, 'data/measures/07.yaml');
    await answer(
      path.join(cwd, 'out/照会票/環境課.xlsx'),
      (c) => {
        const r = c.newRow();
        c.set('事務事業名', r, '公共施設の省エネ診断事業');
        c.set('区分', r, '新規');
        c.set('2026年度計画', r, '省エネ診断の実施');
      },
      '施策2-1-2',
    );
    const run = await runCli(['sheets', 'import', 'out/照会票/環境課.xlsx'], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('新しい事務事業「公共施設の省エネ診断事業」を ID m07-p3 で加えました');
    const data = YAML.parse(await readFile(file, 'utf8')) as {
      rows: { project: string; schedule: Record<number, string[]> }[];
    };
    expect(data.rows.at(-1)).toEqual({
      project: 'm07-p3',
      schedule: { 2025: [], 2026: ['省エネ診断の実施'], 2027: [], 2028: [], 2029: [] },
    });
    expect((await runCli(['validate'], cwd)).code).toBe(0);
  });

  describe('when data/ changed after the export', () => {
    /** The office's own change to s12-j5's 2025 amount, made in data/ after the sheet went out. */
    const officeChange = async (cwd: string) => {
      const file = path.join(cwd, MEASURE_FILE);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/(- project: s12-j5\n {4}amounts: \{ 2025: )12500/, '$112700'));
    };

    it('keeps data/ for a row the department did not change', async () => {
      const cwd = await workWithExport();
      await officeChange(cwd);
      const before = await snapshot(cwd);
      const run = await importAnswers(cwd);
      expect(run.code).toBe(0);
      expect(await snapshot(cwd)).toEqual(before);
    });

    it('takes the department’s cell and keeps the office’s in the same row', async () => {
      const cwd = await workWithExport();
      await officeChange(cwd);
      await answer(path.join(cwd, FILE), (c) => c.set('2026年度事業費（千円）', c.row('s12-j5'), 13000));
      const run = await importAnswers(cwd);
      expect(run.code, run.stdout).toBe(0);
      const budget = (YAML.parse(await readFile(path.join(cwd, MEASURE_FILE), 'utf8')) as MeasureYaml).budget.find(
        (b) => b.project === 's12-j5',
      )!;
      expect(budget.amounts).toEqual({ 2025: 12700, 2026: 13000, 2027: 12500 });
    });

    it('refuses a cell both changed, differently, at that cell', async () => {
      const cwd = await workWithExport();
      await officeChange(cwd);
      let ref = '';
      await answer(path.join(cwd, FILE), (c) => {
        c.set('2025年度事業費（千円）', c.row('s12-j5'), 13000);
        ref = c.ref('2025年度事業費（千円）', c.row('s12-j5'));
      });
      const before = await snapshot(cwd);
      const run = await importAnswers(cwd);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(
        `${FILE}!${ref}: エラー: このセルは、照会票を書き出した後で data/ でも変わっています。どちらを取るかを政策企画課で決めてから、data/ を直すか、書き出し直した照会票で回答してもらってください\n`,
      );
      expect(await snapshot(cwd)).toEqual(before);
    });
  });

  it('ends a plan item when its cell is cleared, and that year is confirmed by the answer', async () => {
    const cwd = await workWithExport();
    await answer(path.join(cwd, FILE), (c) => c.set('2027年度計画', c.row('s12-j5'), null));
    const run = await importAnswers(cwd);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/住民登録費: 2027年度の計画 「[^」]+」「[^」]+」 → （なし）/);
    const data = YAML.parse(await readFile(path.join(cwd, MEASURE_FILE), 'utf8')) as {
      initiatives: { rows: { project: string; schedule: Record<number, string[]>; carriedOver?: number[] }[] }[];
    };
    const row = data.initiatives.flatMap((t) => t.rows).find((r) => r.project === 's12-j5')!;
    expect(row.schedule[2027]).toEqual([]);
    expect(row.carriedOver).toBeUndefined();
    expect((await runCli(['validate'], cwd)).code).toBe(0);
  });

  it('does not take a renamed 事業 (a locked cell edited with the protection lifted), and says so', async () => {
    const cwd = await workWithExport();
    const before = await snapshot(cwd);
    let ref = '';
    await answer(path.join(cwd, FILE), (c) => {
      c.set('事業名', c.row('s12-j4'), '戸籍関係事務費');
      ref = c.ref('事業名', c.row('s12-j4'));
    });
    const run = await importAnswers(cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toContain(
      `${FILE}!${ref}: 警告: 事業名は照会票では変えられません（書き換えは取り込みません）。変えたいときは「備考」欄に書いてください`,
    );
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('prints only the summary with --dry-run and writes nothing', async () => {
    const cwd = await workWithExport();
    const before = await snapshot(cwd);
    await answer(path.join(cwd, FILE), (c) => c.set('2025年度事業費（千円）', c.row('s12-j5'), 12600));
    const run = await importAnswers(cwd, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2025年度の事業費 12,500 → 12,600 千円');
    expect(run.stderr).toContain('--dry-run のため、data/ には書いていません');
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('keeps a data file’s byte order mark and CRLF line ends', async () => {
    const cwd = await workWithExport();
    const file = path.join(cwd, MEASURE_FILE);
    const lf = await readFile(file, 'utf8');
    await writeFile(file, `\uFEFF${lf.replace(/\n/g, '\r\n')}`);
    await answer(path.join(cwd, FILE), (c) => c.set('2025年度事業費（千円）', c.row('s12-j5'), 12600));
    expect((await importAnswers(cwd)).code).toBe(0);
    const after = await readFile(file, 'utf8');
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after.slice(1).replace(/\r\n/g, '\n')).toBe(
      lf.replace(/(- project: s12-j5\n {4}amounts: \{ 2025: )12500/, '$112600'),
    );
  });

  describe('refuses, naming the cell, and changes nothing', () => {
    const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]);
    /** Another department's row of the same 施策 (read from the seed). */
    const OTHER = { initiative: '', project: '', department: '', name: '' };
    beforeAll(async () => {
      const m = YAML.parse(await readFile(path.join(ROOT, 'data/measures/12.yaml'), 'utf8')) as MeasureYaml & {
        initiatives: { id: string; rows: { project: string }[] }[];
      };
      const project = m.projects.find((p) => p.department !== undefined && p.department !== DEPARTMENT)!;
      const initiative = m.initiatives.find((t) => t.rows.some((r) => r.project === project.id))!;
      Object.assign(OTHER, {
        initiative: initiative.id,
        project: project.id,
        department: project.department,
        name: project.name,
      });
    });
    const cases: [string, (c: SheetCells) => string, (ref: string) => string][] = [
      [
        'text in a number cell',
        (c) => {
          c.set('2025年度事業費（千円）', c.row('s12-j4'), '未定');
          return c.ref('2025年度事業費（千円）', c.row('s12-j4'));
        },
        (ref) => `${FILE}!${ref}: エラー: 数値ではありません（「未定」）。事業費は千円単位の整数で書いてください`,
      ],
      [
        'a negative amount',
        (c) => {
          c.set('2026年度事業費（千円）', c.row('s12-j5'), -300);
          return c.ref('2026年度事業費（千円）', c.row('s12-j5'));
        },
        (ref) => `${FILE}!${ref}: エラー: 事業費はマイナスにできません（-300）。0以上の整数で書いてください`,
      ],
      [
        'a deleted row',
        (c) => {
          const r = c.row('s12-j4');
          c.ws.spliceRows(r, 1);
          return c.ref('事業名', r);
        },
        (ref) =>
          `${FILE}!${ref}: エラー: 事業「戸籍事務費」の行（書き出したときは${rowOf(ref)}行目）がありません。行を削除しないでください`,
      ],
      [
        'a moved row',
        (c) => {
          const [a, b] = [c.row('s12-j4'), c.row('s12-j5')];
          const first = c.ws.getRow(a).values;
          c.ws.getRow(a).values = c.ws.getRow(b).values;
          c.ws.getRow(b).values = first;
          return c.ref('事業名', b);
        },
        (ref) =>
          `${FILE}!${ref}: エラー: 行の順番が変わっています（書き出したときは${rowOf(ref) - 1}行目）。行を並べ替えないでください`,
      ],
      [
        'a row of another 担当課',
        (c) => {
          // 財政課's row of this 施策, its ids copied into a blank row.
          const r = c.newRow();
          c.ws.getCell(r, 2).value = OTHER.initiative;
          c.ws.getCell(r, 3).value = OTHER.project;
          c.ws.getCell(r, 4).value = '0000000000000000';
          c.set('2025年度事業費（千円）', r, 1);
          return c.ref('事業名', r);
        },
        (ref) =>
          `${FILE}!${ref}: エラー: この行は${OTHER.department}の事業「${OTHER.name}」です。この照会票（住民課）では回答できません`,
      ],
      [
        'an edited id',
        (c) => {
          const r = c.row('s12-j5');
          c.ws.getCell(r, 3).value = 's12-j55';
          return `${SHEET}!C${r}`;
        },
        (ref) =>
          `${FILE}!${ref}: エラー: 行のID（隠れている列 A～D）が書き換えられています。書き出したときの照会票の行に戻してください`,
      ],
    ];
    for (const [name, edit, message] of cases)
      it(name, async () => {
        const cwd = await workWithExport();
        const before = await snapshot(cwd);
        let ref = '';
        await answer(path.join(cwd, FILE), (c) => (ref = edit(c)));
        const run = await importAnswers(cwd);
        expect(run.code).toBe(1);
        expect(run.stdout.split('\n')).toContain(message(ref));
        expect(run.stderr).toContain('照会票は取り込んでいません（data/ は変えていません）');
        expect(await snapshot(cwd)).toEqual(before);
      });

    it('in the GitHub format, the sheet and cell leading the message', async () => {
      const cwd = await workWithExport();
      let ref = '';
      await answer(path.join(cwd, FILE), (c) => {
        c.set('2025年度事業費（千円）', c.row('s12-j4'), 12.5);
        ref = c.ref('2025年度事業費（千円）', c.row('s12-j4'));
      });
      const run = await importAnswers(cwd, '--format', 'github');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(
        `::error file=${FILE},title=keikaku bad-amount::${ref}: 事業費は千円単位の整数で書いてください（12.5）\n`,
      );
    });

    it('a sheet of another period', async () => {
      // Exported from the 2024–2026 plan, answered into the 2025–2027 data.
      const cwd = await workWithExport(path.join(ROOT, 'data'));
      await cp(rolled, path.join(cwd, 'data'), { recursive: true, force: true });
      const before = await snapshot(cwd);
      const run = await importAnswers(cwd);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(
        `${FILE}!照会情報!B4: エラー: この照会票は2024年度～2026年度の計画のものです。データの計画期間は2025年度～2027年度です。今の計画で書き出した照会票に回答してもらってください\n`,
      );
      expect(await snapshot(cwd)).toEqual(before);
    });
  });

  describe('as LibreOffice Calc saves it', () => {
    /** The 照会票 opened and saved again by LibreOffice Calc, in its place. */
    async function resaveWithCalc(cwd: string): Promise<void> {
      const work = await mkdtemp(path.join(tmpdir(), 'keikaku-calc-'));
      await mkdir(path.join(work, 'out'));
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${work}/profile`,
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          path.join(work, 'out'),
          path.join(cwd, FILE),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const saved = await readFile(path.join(work, 'out', `${DEPARTMENT}.xlsx`));
      expect(saved.equals(await readFile(path.join(cwd, FILE)))).toBe(false); // really Calc's file
      await writeFile(path.join(cwd, FILE), saved);
    }

    withLibreOffice('re-saved with no edit: imports with no change to data/', async () => {
      const cwd = await workWithExport();
      const before = await snapshot(cwd);
      await resaveWithCalc(cwd);
      const run = await importAnswers(cwd);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stderr).toContain('変更はありません');
      expect(await snapshot(cwd)).toEqual(before);
    });

    withLibreOffice('re-saved, then answered: the answers arrive', async () => {
      const cwd = await workWithExport();
      await resaveWithCalc(cwd);
      await answer(path.join(cwd, FILE), (c) => {
        c.set('2027年度事業費（千円）', c.row('s12-j5'), 13000);
        c.set('2026年度計画', c.row('s12-j5'), '住民基本台帳ネットワークシステム運用');
      });
      const run = await importAnswers(cwd);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const data = YAML.parse(await readFile(path.join(cwd, MEASURE_FILE), 'utf8')) as MeasureYaml & {
        initiatives: { rows: { project: string; schedule: Record<number, string[]>; carriedOver?: number[] }[] }[];
      };
      const budget = data.budget.find((b) => b.project === 's12-j5')!;
      expect(budget.amounts[2027]).toBe(13000);
      expect(budget.carriedOver).toBeUndefined(); // the answered year is no longer to confirm
      const row = data.initiatives.flatMap((t) => t.rows).find((r) => r.project === 's12-j5')!;
      expect(row.schedule[2026]).toEqual(['住民基本台帳ネットワークシステム運用']);
      expect(row.carriedOver).toEqual([2027]);
    });
  });
});
