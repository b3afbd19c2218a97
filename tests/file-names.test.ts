// Names from the data that become file names (the plan's title, each 担当課) pass one guard:
// nothing that leaves out/, nothing Windows forbids or reserves, nothing invisible, one Unicode
// form, a bounded length, and no two documents that one file system would take for one file.

import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../src/data/validate.ts';
import { readDataDir } from '../src/io/read-data-dir.ts';
import { assertInside } from '../src/io/write-file.ts';
import { fileNameKey } from '../src/data/text-rules.ts';
import { planJobs } from '../src/pipeline/plan-jobs.ts';
import { errorLines, readFixture, validateWith } from './helpers/cli.ts';
import { generatePlan } from './helpers/generate-plan.ts';
import { itSlow } from './helpers/quick.ts';

const withTitle = async (title: string) =>
  validateWith({
    'plan.yaml': (await readFixture('minimal/plan.yaml')).replace('title: 実施計画', `title: ${JSON.stringify(title)}`),
  });
const withDepartments = (names: readonly string[]) =>
  validateWith({ 'departments.yaml': `departments:\n${names.map((n) => `  - ${JSON.stringify(n)}\n`).join('')}` });

describe('the plan title as a file name', () => {
  it.each([
    ['計画/2025', '計画の名称に「/」は使えません（ファイル名になるため）'],
    ['CON', '「CON」は Windows でファイル名に使えない名前です。別の計画の名称にしてください'],
    [
      '実施\u200b計画',
      '見えない文字 U+200B（幅のない空白や文字の向きの指定）が3文字目にあります。貼り付けたときに紛れ込んだものなら削除してください',
    ],
    [
      '実施計画カ\u3099イト',
      '計画の名称に、濁点などを別の文字として組み合わせた文字があります。入力し直してください（見た目が同じでも別のファイル名になるため）',
    ],
    ['計'.repeat(41), '計画の名称が長すぎます（ファイル名にして123バイト、上限120バイト。漢字なら40文字まで）'],
  ])('refuses %j at its place', async (title, message) => {
    const run = await withTitle(title);
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([`data/plan.yaml:2:8: エラー: title（名称）: ${message}`]);
  });

  it('refuses a title starting with a dot (a hidden file) with that reason, not as leaving out/', async () => {
    const run = await withTitle('..計画');
    expect(errorLines(run.stdout)).toEqual([
      'data/plan.yaml:2:8: エラー: title（名称）: 計画の名称を「.」で始めたり終えたりはできません（ファイル名になるため）',
    ]);
  });

  it('the writer takes a name that starts with two dots for a file inside out/, not a way out', async () => {
    const out = path.join(process.cwd(), 'out-dots');
    await expect(assertInside(out, path.join(out, '..計画_2024-2026.pdf'))).resolves.toBeUndefined();
    await expect(assertInside(out, path.join(out, '..', 'x.pdf'))).rejects.toThrow(
      '出力先のフォルダの外には書き出せません',
    );
  });
});

describe('担当課 names as file names', () => {
  it('refuses two that differ only in case, at the second', async () => {
    const run = await withDepartments(['総務課', '財政課', 'ABC課', 'abc課']);
    expect(errorLines(run.stdout)).toEqual([
      'data/departments.yaml:5:5: エラー: 担当課「abc課」と「ABC課」は大文字・小文字などの違いしかなく、抜粋が同じファイル名になります。どちらかの名前を変えてください',
    ]);
  });

  it('refuses Windows device names, with or without an extension', async () => {
    const run = await withDepartments(['総務課', '財政課', 'nul.txt']);
    expect(errorLines(run.stdout)).toEqual([
      'data/departments.yaml:4:5: エラー: departments（担当課の一覧）の3番目: 「nul.txt」は Windows でファイル名に使えない名前です。別の担当課名にしてください',
    ]);
  });
});

describe('whatever names the data holds', () => {
  // Characters that have broken file names somewhere: separators, dots, spaces, case pairs,
  // full-width forms, invisible and combining characters, Windows' reserved names.
  const dangerous = fc.constantFrom('/', '\\', '.', '..', ' ', ':', 'CON', 'nul', '\u200b', '\u3099');
  const ordinary = fc.constantFrom('a', 'A', 'Ａ', '課', 'カ', '~', '-', '企画', '1');
  const piece = fc.oneof({ arbitrary: ordinary, weight: 6 }, { arbitrary: dangerous, weight: 1 });
  const name = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

  itSlow('a plan that validates writes every document inside out/, each to its own file', async () => {
    const base = await readDataDir(path.join(import.meta.dirname, 'fixtures', 'minimal'), process.cwd());
    const out = path.join(process.cwd(), 'out-property');
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(name, fc.array(name, { minLength: 1, maxLength: 4 }), async (title, departments) => {
        const files = base.files.map((f) => {
          if (f.kind === 'plan') {
            const text = Buffer.from(f.bytes)
              .toString('utf8')
              .replace('title: 実施計画', `title: ${JSON.stringify(title)}`);
            return { ...f, bytes: Buffer.from(text) };
          }
          if (f.kind === 'departments') {
            return {
              ...f,
              // The fixture's own two 担当課 stay, so that its 事業 still validate.
              bytes: Buffer.from(
                `departments:\n${['総務課', '財政課', ...departments].map((d) => `  - ${JSON.stringify(d)}\n`).join('')}`,
              ),
            };
          }
          return f;
        });
        const plan = validatePlan(files).value;
        if (!plan) return;
        valid++;
        const jobs = planJobs(plan, { measures: [], departments: [], noDepartments: false }).jobs;
        const targets = jobs.flatMap((job) =>
          ['pdf', 'docx', 'html'].map((ext) => path.join(out, ...`${job.name}.${ext}`.split('/'))),
        );
        for (const target of targets) await assertInside(out, target);
        expect(new Set(targets.map(fileNameKey)).size).toBe(targets.length);
      }),
      {
        numRuns: 500,
        seed: 20261130,
        // The shapes known to escape or collide, tried first on every run.
        examples: [
          ['../x', ['企画課']],
          ['a/../../b', ['企画課']],
          ['実施計画', ['../../x']],
          ['実施計画', ['ABC課', 'abc課']],
          ['実施計画', ['ガ課', 'カ\u3099課']],
        ],
      },
    );
    // Not vacuous: many generated plans are valid and were checked.
    expect(valid).toBeGreaterThan(100);
  });
});

describe('a selection of many 施策 (--measure)', () => {
  it('names the file by the first and a count, not by every number', () => {
    const plan = generatePlan(140);
    const [job] = planJobs(plan, {
      measures: plan.measures.map((m) => m.id),
      departments: [],
      noDepartments: false,
    }).jobs;
    expect(job!.name).toBe(
      `${plan.title}_${plan.period.start}-${plan.period.end}_施策${plan.measures[0]!.number}ほか139件`,
    );
  });
});
