// keikaku roll: next fiscal year's data, with every label following the period.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { validatePlan } from '../src/data/validate.ts';
import { readDataDir } from '../src/io/read-data-dir.ts';
import { planView } from '../src/views/plan-view.ts';
import { listDocuments, makeDataDir, runCli } from './helpers/cli.ts';
import { docxParagraphs, pdfPages, squash } from './helpers/extract.ts';
import { ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';
import { itSlow } from './helpers/quick.ts';

let work: string;
let rolled: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'keikaku-roll-'));
  rolled = path.join(work, 'data-2025');
  const run = await runCli(['roll', '--data', path.join(ROOT, 'data'), '--to', '2025', '--out', rolled], work);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

/**
 * A measure file's text without its year blocks: a `20xx:` key with the lines under it, an
 * `amounts: { … }` line's braces, and `carriedOver:`. Every other line is kept as it is.
 */
function withoutYearBlocks(text: string): string {
  const out: string[] = [];
  let skipUnder: number | undefined;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (skipUnder !== undefined && (indent > skipUnder || (indent === skipUnder && line.trimStart().startsWith('- '))))
      continue;
    skipUnder = undefined;
    if (/^\s*20\d\d:/.test(line)) skipUnder = indent;
    else if (/^\s*carriedOver:/.test(line)) continue;
    else out.push(line.replace(/^(\s*amounts:) \{.*\}$/, '$1 {…}'));
  }
  return out.join('\n');
}

/** What rolling 2024–2026 to 2025–2027 must make of a parsed measure, worked out here. */
function rolledByHand(measure: Record<string, unknown>): unknown {
  const roll = (owner: Record<string, unknown>, key: string) => {
    const years = owner[key] as Record<string, unknown> | undefined;
    if (!years) return;
    delete years['2024'];
    if ('2026' in years) {
      years['2027'] = structuredClone(years['2026']);
      owner.carriedOver = [2027];
    }
  };
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  for (const initiative of list(measure.initiatives)) for (const row of list(initiative.rows)) roll(row, 'schedule');
  for (const row of list(measure.rows)) roll(row, 'schedule');
  for (const row of list(measure.budget)) roll(row, 'amounts');
  return measure;
}

describe('keikaku roll --to 2025 on the seed', () => {
  it('writes 2025–2027 data that validates with only the carried-over warnings (and the seed’s own three)', async () => {
    const read = await readDataDir(rolled, work);
    const result = validatePlan(read.files, read.diagnostics);
    expect(result.value?.period).toEqual({ start: 2025, end: 2027 });
    const rules = result.diagnostics.map((d) => `${d.severity}:${d.rule}`);
    expect(rules.filter((r) => r !== 'warning:carried-over')).toEqual([
      'warning:missing-department',
      'warning:missing-status',
      'warning:missing-status',
    ]);
    // One warning per seeded 2027 cell: every 取組 row and every 事業費 row.
    const plan = result.value!;
    const cells = plan.measures.reduce(
      (n, m) => n + m.initiatives.reduce((k, t) => k + t.rows.length, 0) + m.budget.length,
      0,
    );
    expect(rules.filter((r) => r === 'warning:carried-over')).toHaveLength(cells);
    expect(result.diagnostics.find((d) => d.rule === 'carried-over')!.message).toBe(
      '2027年度の事業計画（区や自治会などへの支援）は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください',
    );
  });

  it('seeds 2027 from 2026, drops 2024, and keeps everything else of the files as it was', async () => {
    const after = await readFile(path.join(rolled, 'measures', '01.yaml'), 'utf8');
    expect(after).toContain('    amounts: { 2025: 11527, 2026: 9067, 2027: 9067 }\n    carriedOver: [ 2027 ]\n');
    for (const name of (await readdir(path.join(ROOT, 'data', 'measures'))).sort()) {
      const [old, rolledText] = await Promise.all([
        readFile(path.join(ROOT, 'data', 'measures', name), 'utf8'),
        readFile(path.join(rolled, 'measures', name), 'utf8'),
      ]);
      // Line for line the same file once the year blocks are taken out: comments, order, quoting, lists.
      expect(withoutYearBlocks(rolledText), name).toBe(withoutYearBlocks(old));
      // And the year blocks are the old ones moved on a year: 2024 gone, 2027 a copy of 2026, marked.
      expect(YAML.parse(rolledText), name).toEqual(rolledByHand(YAML.parse(old) as Record<string, unknown>));
    }
    expect(await readFile(path.join(rolled, 'departments.yaml'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'data', 'departments.yaml'), 'utf8'),
    );
    const plan = await readFile(path.join(rolled, 'plan.yaml'), 'utf8');
    expect(plan).toContain('# 計画の基本情報'); // comments survive
    expect(plan).toContain('  start: 2025\n  end: 2027\n');
    expect((await readdir(path.join(rolled, 'schema'))).sort()).toEqual([
      'departments.schema.json',
      'measure.schema.json',
      'plan.schema.json',
    ]);
  });

  itSlow(
    'builds a plan whose every label follows the period: 2027年度（令和9年度）, and no 2024年度',
    async () => {
      const run = await runCli(
        ['build', '--data', rolled, ...TEMPLATE_ARGS, '--out', 'out2025', '--no-departments'],
        work,
      );
      expect(run.code).toBe(0);
      expect(await listDocuments(path.join(work, 'out2025'))).toEqual([
        '実施計画_2025-2027.docx',
        '実施計画_2025-2027.html',
        '実施計画_2025-2027.pdf',
      ]);
      const html = squash(
        (await readFile(path.join(work, 'out2025', '実施計画_2025-2027.html'), 'utf8')).replace(/<[^>]+>/g, ''),
      );
      const pdf = squash(
        (await pdfPages(await readFile(path.join(work, 'out2025', '実施計画_2025-2027.pdf')))).join(''),
      );
      const docx = squash(
        (await docxParagraphs(await readFile(path.join(work, 'out2025', '実施計画_2025-2027.docx')))).join(''),
      );
      for (const text of [pdf, docx, html]) {
        expect(text).toContain('2027年度（令和9年度）');
        expect(text).toContain('実施計画（2025年度～2027年度）');
        expect(text).not.toContain('2024年度');
        expect(text).not.toContain('令和6年度');
      }
    },
    60_000,
  );

  it('keeps a file’s byte order mark and CRLF line ends, so that its diff shows only what roll changed', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const windows = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    for (const file of ['plan.yaml', 'measures/03.yaml']) {
      const target = path.join(cwd, 'data', file);
      await writeFile(target, windows(await readFile(target, 'utf8')));
    }
    const run = await runCli(['roll', '--to', '2025', '--out', 'data-2025'], cwd);
    expect(run.code).toBe(0);
    for (const file of ['plan.yaml', 'measures/03.yaml']) {
      const bytes = await readFile(path.join(cwd, 'data-2025', file), 'utf8');
      // The same text as the roll of the plain file, in the file's own style.
      expect(bytes).toBe(windows(await readFile(path.join(rolled, file), 'utf8')));
      expect(bytes.replace(/\r\n/g, '')).not.toContain('\n');
    }
    // A file written plainly stays plain.
    expect(await readFile(path.join(cwd, 'data-2025', 'measures', '04.yaml'), 'utf8')).toBe(
      await readFile(path.join(rolled, 'measures', '04.yaml'), 'utf8'),
    );
  });

  it('fails validate --strict until every copied year is confirmed', async () => {
    const strict = await runCli(['validate', '--strict', '--data', rolled], work);
    expect(strict.code).toBe(1);
    const carried = strict.stdout.split('\n').filter((l) => l.includes('は前の年度から写したものです')).length;
    expect(carried).toBeGreaterThan(0);
    expect(strict.stderr).toContain(
      `--strict: 警告が${carried + 3}件あるため失敗にしました（うち前の年度から写したまま確かめていない年度 ${carried}件）`,
    );
    // Without --strict the same data passes; confirmed data (no warning left) passes --strict.
    expect((await runCli(['validate', '--data', rolled], work)).code).toBe(0);
    expect(
      (await runCli(['validate', '--strict', '--data', path.join(ROOT, 'examples', 'sample-city', 'data')], work)).code,
    ).toBe(0);
  });

  it('never writes over an existing folder', async () => {
    const before = await readFile(path.join(rolled, 'plan.yaml'), 'utf8');
    const run = await runCli(['roll', '--data', path.join(ROOT, 'data'), '--to', '2026', '--out', rolled], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('は既にあります。上書きはしません');
    expect(await readFile(path.join(rolled, 'plan.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a year that does not move forward, and a malformed one', async () => {
    const back = await runCli(
      ['roll', '--data', path.join(ROOT, 'data'), '--to', '2024', '--out', path.join(work, 'x')],
      work,
    );
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('--to 2024 は今の初年度（2024）より後の年度にしてください');
    const bad = await runCli(
      ['roll', '--data', path.join(ROOT, 'data'), '--to', 'R7', '--out', path.join(work, 'y')],
      work,
    );
    expect(bad.code).toBe(2);
  });

  it('refuses a year that would end the period beyond the years data may hold, writing nothing', async () => {
    const run = await runCli(['roll', '--data', path.join(ROOT, 'data'), '--to', '9999', '--out', 'far'], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keikaku roll: --to 9999 では最終年度が10001年度になり、書ける年度（2999年度まで）を超えます。年度を確かめてください\n',
    );
    await expect(readdir(path.join(work, 'far'))).rejects.toThrow();
  });

  it('refuses a new folder inside the data folder (it would be read as data, and copied into itself)', async () => {
    const dir = await makeDataDir();
    const run = await runCli(['roll', '--to', '2025', '--out', 'data/2025'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keikaku roll: --out data/2025 は元のデータのフォルダ（data）の中です。その外のフォルダを指定してください（例: --out data-2025）\n',
    );
    expect((await readdir(path.join(dir, 'data'))).sort()).toEqual(['departments.yaml', 'measures', 'plan.yaml']);
  });

  it('says which path failed and why, without a stack trace, when the new folder cannot be made', async () => {
    const dir = await makeDataDir();
    await writeFile(path.join(dir, 'notes.txt'), 'a file, not a folder');
    const run = await runCli(['roll', '--to', '2025', '--out', 'notes.txt/2025'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keikaku roll: notes.txt: 出力先のフォルダがあるべき場所に、同じ名前のファイルがあります\n',
    );
  });

  it('marks every copied year, also of a schedule written as an alias (*name) of another', async () => {
    // Two rows sharing one schedule through an anchor (&same) and an alias (*same).
    const dir = await makeDataDir({
      'measures/01.yaml': [
        'id: s01',
        'number: 1',
        'policy: 1',
        'basicMeasure: 1',
        'title: 見本の施策',
        'directions: [見本の方向を示します。]',
        'projects:',
        '  - { id: s01-j1, name: 見本事業, department: 総務課, status: 継続 }',
        '  - { id: s01-j2, name: もう一つの見本事業, department: 総務課, status: 継続 }',
        'rows:',
        '  - project: s01-j1',
        '    schedule: &same',
        '      2024: [見本の計画]',
        '      2025: [見本の計画]',
        '      2026: [見本の計画]',
        '  - project: s01-j2',
        '    schedule: *same',
        'budget: []',
        '',
      ].join('\n'),
    });
    expect((await runCli(['validate'], dir)).code).toBe(0);
    expect((await runCli(['roll', '--to', '2025', '--out', 'next'], dir)).code).toBe(0);
    const read = await readDataDir(path.join(dir, 'next'), dir);
    const plan = validatePlan(read.files).value!;
    const rows = plan.measures[0]!.initiatives.flatMap((t) => t.rows);
    expect(rows.map((r) => [r.project, r.carriedOver])).toEqual([
      ['s01-j1', [2027]],
      ['s01-j2', [2027]],
    ]);
    expect(await readFile(path.join(dir, 'next', 'measures', '01.yaml'), 'utf8')).not.toMatch(/[&*]same/);
  });
});

describe('rolling across an era', () => {
  async function plan2017() {
    const dir = await makeDataDir();
    for (const file of ['plan.yaml', 'measures/01.yaml', 'measures/02.yaml']) {
      const p = path.join(dir, 'data', file);
      await writeFile(
        p,
        (await readFile(p, 'utf8')).replace(/2024/g, '2017').replace(/2025/g, '2018').replace(/2026/g, '2019'),
      );
    }
    return dir;
  }

  it('labels 平成30年度, 令和元年度 and 令和2年度 after rolling 2017–2019 to 2018–2020', async () => {
    const dir = await plan2017();
    const run = await runCli(['roll', '--to', '2018', '--out', 'next'], dir);
    expect(run.code).toBe(0);
    const read = await readDataDir(path.join(dir, 'next'), dir);
    const view = planView(validatePlan(read.files).value!);
    expect(view.years.map((y) => y.label)).toEqual([
      '2018年度（平成30年度）',
      '2019年度（令和元年度）',
      '2020年度（令和2年度）',
    ]);
    expect(view.documentTitle).toBe('実施計画（2018年度～2020年度）');
  });

  it('seeds every new year from the old last one when the jump is longer than the period', async () => {
    const dir = await plan2017();
    expect((await runCli(['roll', '--to', '2021', '--out', 'later'], dir)).code).toBe(0);
    const text = await readFile(path.join(dir, 'later', 'measures', '02.yaml'), 'utf8');
    expect(text).toContain('2021: [ 計画C ]');
    expect(text).toContain('2023: [ 計画C ]');
    expect(text).toContain('carriedOver: [ 2021, 2022, 2023 ]');
  });
});
