// Bad input never crashes keikaku and never loses a document: random mutations of the seed
// (fast-check), then each kind of hostile input by name.
import { spawn } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../src/pipeline/build.ts';
import type { OutputFormat } from '../src/backends/backend.ts';
import { validatePlan, type DataFile } from '../src/data/validate.ts';
import { errorLines, makeDataDir, runCli } from './helpers/cli.ts';
import { docxParagraphs, pdfPages, squash } from './helpers/extract.ts';
import { relabelCmap, squareFont } from './helpers/test-font.ts';
import { ROOT } from './helpers/plan.ts';

const DATA = path.join(ROOT, 'data');
const TEMPLATES = path.join(ROOT, 'templates');
const PDF = '実施計画_2024-2026.pdf';
const DOCX = '実施計画_2024-2026.docx';

const seedFiles = async () => {
  const names = (await readdir(path.join(DATA, 'measures'))).sort();
  return [
    {
      file: 'data/plan.yaml',
      kind: 'plan' as const,
      value: YAML.parse(await readFile(path.join(DATA, 'plan.yaml'), 'utf8')),
    },
    {
      file: 'data/departments.yaml',
      kind: 'departments' as const,
      value: YAML.parse(await readFile(path.join(DATA, 'departments.yaml'), 'utf8')),
    },
    ...(await Promise.all(
      names.map(async (n) => ({
        file: `data/measures/${n}`,
        kind: 'measure' as const,
        value: YAML.parse(await readFile(path.join(DATA, 'measures', n), 'utf8')),
      })),
    )),
  ];
};

// ---- random mutations ---------------------------------------------------------------------

const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom('2024', '11,527', '１２', '<b>太字</b>', '{{x}}', '&amp;', '../../etc', '\u0007', '\uFFFF'),
  fc.constant([]),
  fc.constant({}),
  fc
    .nat({ max: 30 })
    .map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), 'leaf')),
);

const mutation = fc.record({
  file: fc.nat(),
  path: fc.array(fc.nat(), { minLength: 0, maxLength: 6 }),
  op: fc.constantFrom(
    'replace',
    'delete',
    'extra-key',
    'typo-key',
    'to-string',
    'to-number',
    'reverse',
    'duplicate-item',
  ),
  value: hostileValue,
});

type Json = unknown;

function applyMutation(root: Json, m: { path: number[]; op: string; value: unknown }): Json {
  const copy = structuredClone(root);
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node: unknown = copy;
  for (const pick of m.path) {
    if (Array.isArray(node) && node.length > 0)
      [parent, key, node] = [node, pick % node.length, node[pick % node.length]];
    else if (node && typeof node === 'object' && Object.keys(node).length > 0) {
      const k = Object.keys(node)[pick % Object.keys(node).length]!;
      [parent, key, node] = [node as Record<string, unknown>, k, (node as Record<string, unknown>)[k]];
    } else break;
  }
  const set = (v: unknown) =>
    parent === undefined ? v : (((parent as Record<string | number, unknown>)[key!] = v), copy);
  switch (m.op) {
    case 'replace':
      return set(m.value);
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else if (parent) delete parent[key as string];
      return copy;
    case 'extra-key':
      if (node && typeof node === 'object' && !Array.isArray(node)) (node as Record<string, unknown>).extra = m.value;
      return copy;
    case 'typo-key':
      if (parent && !Array.isArray(parent) && typeof key === 'string') {
        parent[`${key}x`] = node;
        delete parent[key];
      }
      return copy;
    case 'to-string':
      return set(typeof node === 'number' ? String(node) : node);
    case 'to-number':
      return set(
        typeof node === 'string' && node !== '' ? (Number.isNaN(Number(node)) ? node.length : Number(node)) : node,
      );
    case 'reverse':
      if (Array.isArray(node)) node.reverse();
      return copy;
    case 'duplicate-item':
      if (Array.isArray(node) && node.length > 0) node.push(structuredClone(node[0]));
      return copy;
    default:
      return copy;
  }
}

describe('random mutations of the seed data', () => {
  it('always end in a valid plan, or in errors that each name a file, line and column — never a crash, never slow', async () => {
    const files = await seedFiles();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (mutations, duplicateKey) => {
        const mutated = files.map((f) => ({ ...f }));
        for (const m of mutations) {
          const target = mutated[m.file % mutated.length]!;
          target.value = applyMutation(target.value, m);
        }
        const data: DataFile[] = mutated.map((f, i) => {
          let text = YAML.stringify(f.value, { aliasDuplicateObjects: false });
          if (duplicateKey && i === 2) text += 'id: duplicate\n';
          return { file: f.file, kind: f.kind, bytes: Buffer.from(text) };
        });
        const start = performance.now();
        const result = validatePlan(data);
        expect(performance.now() - start).toBeLessThan(3000);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length === 0) expect(result.value).toBeDefined();
        else {
          expect(result.value).toBeUndefined();
          for (const e of errors) {
            expect(e.file).toMatch(/^data\//);
            expect(e.line, e.message).toBeGreaterThan(0);
            expect(e.col, e.message).toBeGreaterThan(0);
            expect(e.message).toMatch(/[ぁ-んァ-ヶ一-龠]/); // Japanese, for the staff who read it
          }
        }
      }),
      { numRuns: 250, seed: 20261125 },
    );
  }, 120_000);

  it('that stay valid build whole documents', async () => {
    const files = await seedFiles();
    const validPreserving = fc.record({
      measure: fc.nat({ max: 13 }),
      reverseInitiatives: fc.boolean(),
      reverseBudget: fc.boolean(),
      title: fc.oneof(
        fc
          .string({ minLength: 1, maxLength: 300 })
          .filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udfff]/.test(s)),
        fc.constantFrom('<b>太字</b>{{x}}&amp;', 'あ'.repeat(300)),
      ),
    });
    await fc.assert(
      fc.asyncProperty(validPreserving, async (v) => {
        const work = await mkdtemp(path.join(tmpdir(), 'keikaku-prop-'));
        await mkdir(path.join(work, 'data', 'measures'), { recursive: true });
        for (const [i, f] of files.entries()) {
          const value = structuredClone(f.value);
          if (i === v.measure + 2) {
            value.title = v.title;
            if (v.reverseInitiatives) value.initiatives.reverse();
            if (v.reverseBudget) value.budget.reverse();
          }
          await writeFile(path.join(work, f.file), YAML.stringify(value));
        }
        const result = await build({
          cwd: work,
          dataDir: 'data',
          outDir: 'out',
          templatesDir: TEMPLATES,
          formats: ['pdf', 'docx'],
          measures: [],
          departments: [],
          noDepartments: true,
        });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const pdf = await readFile(path.join(work, 'out', PDF));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.subarray(-6).toString()).toContain('%%EOF');
        const text = squash((await pdfPages(pdf)).join(''));
        expect(text).toContain(squash(v.title).slice(0, 40));
        const zip = await JSZip.loadAsync(await readFile(path.join(work, 'out', DOCX)));
        expect(zip.file('word/document.xml')).not.toBeNull();
      }),
      { numRuns: 4, seed: 7 },
    );
  }, 180_000);
});

// ---- named cases ----------------------------------------------------------------------------

describe('hostile files', () => {
  it('refuses a 50 MB file quickly, with a message', async () => {
    const work = await makeDataDir();
    await writeFile(path.join(work, 'data', 'measures', '03.yaml'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    const start = performance.now();
    const run = await runCli(['validate'], work);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(run.stdout).toContain(
      'data/measures/03.yaml: エラー: ファイルが大きすぎます（50.0MB）。データファイルは5MBまでです',
    );
    expect(run.code).toBe(1);
  });

  it('reads a file indented with tabs', async () => {
    const original = await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8');
    const tabbed = original
      .replace(/^((?: {2})+)/gm, (spaces) => '\t'.repeat(spaces.length / 2))
      .replace(/^(\w+):/m, '$1:\t');
    expect(tabbed).toContain('\t- id: s01-j1');
    const run = await runCli(['validate'], await makeDataDir({ 'measures/01.yaml': tabbed }));
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: 'data/ の 4ファイル（施策 2件）を検証しました。エラー 0件、警告 0件\n',
    });
  });

  it('refuses ids and 担当課 that would reach outside a folder', async () => {
    const measure = (
      await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8')
    ).replace('id: s01\n', 'id: ../../etc\n');
    const run = await runCli(
      ['validate'],
      await makeDataDir({
        'measures/01.yaml': measure,
        'departments.yaml': 'departments:\n  - 総務課\n  - 財政課\n  - ../../etc\n',
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'data/departments.yaml:4:5: エラー: departments（担当課の一覧）の3番目: 担当課名に「/」は使えません（ファイル名になるため）',
    );
    expect(run.stdout).toContain(
      'data/measures/01.yaml:1:5: エラー: id（ID）: IDは半角英数字で始め、半角英数字・ハイフン・下線だけで書いてください（例: s01-j1）',
    );
  });
});

describe('the out folder', () => {
  it('replaces a symbolic link planted at an output file, and never writes through it', async () => {
    const work = await makeDataDir();
    const victim = path.join(work, 'victim.txt');
    await writeFile(victim, 'keep me');
    await mkdir(path.join(work, 'out'));
    await symlink(victim, path.join(work, 'out', PDF));
    const run = await runCli(['build', '--templates', TEMPLATES, '--no-departments'], work);
    expect(run.code).toBe(0);
    expect(await readFile(victim, 'utf8')).toBe('keep me');
    expect((await lstat(path.join(work, 'out', PDF))).isSymbolicLink()).toBe(false);
  }, 60_000);

  it('refuses to write into a folder of out/ that is a symbolic link', async () => {
    const work = await makeDataDir();
    const elsewhere = path.join(work, 'elsewhere');
    await mkdir(elsewhere);
    await mkdir(path.join(work, 'out'));
    await symlink(elsewhere, path.join(work, 'out', '担当課別'));
    const run = await runCli(['build', '--templates', TEMPLATES], work);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('out: エラー: 出力先のフォルダ');
    expect(run.stdout).toContain('が記号リンク（シンボリックリンク）になっています');
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await readlink(path.join(work, 'out', '担当課別'))).toBe(elsewhere);
  }, 60_000);

  it('refuses to build a document that would print a character as a blank box (tofu)', async () => {
    const measure = await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8');
    const work = await makeDataDir({ 'measures/01.yaml': measure.replace('見本の施策', '𠮷見本の施策') });
    const run = await runCli(['build', '--templates', TEMPLATES], work);
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      'data/measures/01.yaml:5:8: エラー: 「𠮷」（U+20BB7）は文書のフォント（BIZ UDGothic・BIZ UDMincho）にない文字で、印刷すると空白の四角になります。ほかの字に置き換えるか、その字のあるフォントを fonts/ に入れて templates/theme.yaml の fallbackFont に指定してください',
    ]);
    await expect(readdir(path.join(work, 'out'))).rejects.toThrow();
  }, 60_000);

  it('refuses an out/ that is itself a symbolic link: nothing written, read or pruned where it points', async () => {
    const work = await makeDataDir();
    const elsewhere = path.join(work, 'elsewhere');
    await mkdir(path.join(elsewhere, '.cache'), { recursive: true });
    await writeFile(path.join(elsewhere, 'keep.txt'), '消されてはいけないファイル');
    await symlink(elsewhere, path.join(work, 'out'));
    const run = await runCli(['build', '--templates', TEMPLATES], work);
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      'out: エラー: 出力先のフォルダ out が記号リンク（シンボリックリンク）になっています。リンクをたどって書き出すことはしません。リンクを削除するか、実際のフォルダを --out に指定してください。文書は書き出していません',
    ]);
    expect((await readdir(elsewhere, { recursive: true })).sort()).toEqual(['.cache', 'keep.txt']);
  }, 60_000);

  const keikaku = (args: string[], cwd: string) =>
    spawn(process.execPath, [path.join(ROOT, 'bin', 'keikaku.js'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const exited = (child: ReturnType<typeof keikaku>) =>
    new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  // The writer's temporary names: `.<name>.<pid>.<8 hex>.tmp` (src/io/write-file.ts).
  const TEMPORARY = /(^|\/)\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

  /** No temporary file left, and every document whole: its text read back, the town's name in it. */
  async function expectWholeFiles(dir: string) {
    for (const name of await readdir(dir, { recursive: true })) {
      const file = path.join(dir, name);
      if (!(await lstat(file)).isFile()) continue;
      expect(name, 'no temporary file is left').not.toMatch(TEMPORARY);
      expect(name, 'no temporary file is left').not.toMatch(/\.tmp$/);
      if (name.endsWith('.pdf'))
        expect(squash((await pdfPages(await readFile(file))).join('')), name).toContain('見本町');
      if (name.endsWith('.docx'))
        expect(squash((await docxParagraphs(await readFile(file))).join('')), name).toContain('見本町');
    }
  }

  it('survives two builds at once into the same out/: both end, every file whole', async () => {
    const work = await makeDataDir();
    const args = ['build', '--templates', TEMPLATES];
    const [a, b] = await Promise.all([exited(keikaku(args, work)), exited(keikaku(args, work))]);
    expect([a, b]).toEqual([0, 0]);
    await expectWholeFiles(path.join(work, 'out'));
  }, 120_000);

  // A build killed in the middle of writing a file: tests/crash.test.ts.
  it('clears a temporary file left by a build whose process is gone, and only that', async () => {
    const work = await makeDataDir();
    expect(await exited(keikaku(['build', '--templates', TEMPLATES], work))).toBe(0);
    const stale = `.${PDF}.999999999.deadbeef.tmp`;
    const ours = `.${PDF}.${process.pid}.cafebabe.tmp`;
    expect(stale).toMatch(TEMPORARY);
    await writeFile(path.join(work, 'out', stale), 'half');
    await writeFile(path.join(work, 'out', ours), 'a live process’s');
    expect(await exited(keikaku(['build', '--templates', TEMPLATES], work))).toBe(0);
    const left = await readdir(path.join(work, 'out'));
    expect(left).not.toContain(stale);
    expect(left, 'the temporary file of a running process is left alone').toContain(ours);
    await rm(path.join(work, 'out', ours));
    await expectWholeFiles(path.join(work, 'out'));
  }, 120_000);
});

describe('fonts', () => {
  it('a missing font file is an error naming it', async () => {
    const work = await makeDataDir();
    const fonts = path.join(work, 'fonts');
    await mkdir(fonts);
    await writeFile(path.join(fonts, 'BIZUDGothic-Regular.ttf'), 'not a font at all');
    const result = await build({
      cwd: work,
      dataDir: 'data',
      outDir: 'out',
      templatesDir: TEMPLATES,
      fontsDir: fonts,
      formats: ['pdf'],
      measures: [],
      departments: [],
      noDepartments: true,
    });
    expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'fonts/BIZUDGothic-Bold.ttf: フォントファイル BIZUDGothic-Bold.ttf を読めません: ファイルがありません。BIZ UD フォント（fonts/ の BIZUDGothic-Bold.ttf）が必要です',
      'fonts/BIZUDGothic-Regular.ttf: フォントファイル BIZUDGothic-Regular.ttf が TrueType フォントではありません（壊れているようです）。BIZ UD フォントを入れ直してください',
      'fonts/BIZUDMincho-Regular.ttf: フォントファイル BIZUDMincho-Regular.ttf を読めません: ファイルがありません。BIZ UD フォント（fonts/ の BIZUDMincho-Regular.ttf）が必要です',
    ]);
    expect(result.written).toEqual([]);
  });
});

/**
 * Builds the plan in `work` (its data/ made already) with BIZ UD and `fallback` as the theme's
 * fallbackFont (KeikakuTestFallback, fonts/TestFallback.otf), in `formats`, into out/.
 */
async function buildWithFallbackFont(work: string, fallback: Uint8Array, formats: OutputFormat[]) {
  const fonts = path.join(work, 'fonts');
  await cp(path.join(ROOT, 'fonts'), fonts, { recursive: true });
  await writeFile(path.join(fonts, 'TestFallback.otf'), fallback);
  const templates = path.join(work, 'templates');
  await cp(TEMPLATES, templates, { recursive: true });
  const theme = await readFile(path.join(templates, 'theme.yaml'), 'utf8');
  await writeFile(
    path.join(templates, 'theme.yaml'),
    `${theme}\nfallbackFont: { name: KeikakuTestFallback, file: TestFallback.otf }\n`,
  );
  return build({
    cwd: work,
    dataDir: 'data',
    outDir: 'out',
    templatesDir: templates,
    fontsDir: fonts,
    formats,
    measures: [],
    departments: [],
    noDepartments: true,
  });
}

describe('a font without a Unicode character map', () => {
  it('is an error naming the file and what it lacks, before anything is laid out', async () => {
    // The fallback font with its maps relabelled as Macintosh Roman ones: none is Unicode.
    let font: Uint8Array = squareFont('KeikakuTestFallback', ['𠮷']);
    for (const pair of [
      [0, 3],
      [3, 1],
      [0, 4],
      [3, 10],
    ] as const)
      font = relabelCmap(font, pair, [1, 0]).bytes;
    const result = await buildWithFallbackFont(await makeDataDir(), font, ['pdf']);
    expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'fonts/TestFallback.otf: フォントファイル TestFallback.otf は使えません: Unicode の文字の表（cmap）がありません。Unicode の文字の表を持つ TrueType または OpenType のフォント（BIZ UD フォントなど）を指定してください',
    ]);
    expect(result.written).toEqual([]);
  });
});

describe('a fallback font for what BIZ UD lacks', () => {
  it('prints 𠮷 in the theme’s fallbackFont, only that character, and names it in the HTML', async () => {
    const measure = await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8');
    const work = await makeDataDir({ 'measures/01.yaml': measure.replace('見本の施策', '𠮷野の見本の施策') });
    // fonts/: BIZ UD, and a font holding 𠮷 only; the theme names it as the fallback.
    const result = await buildWithFallbackFont(work, squareFont('KeikakuTestFallback', ['𠮷']), ['pdf', 'html']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = await readFile(path.join(work, 'out', '実施計画_2024-2026.pdf'));
    expect(squash((await pdfPages(pdf)).join(''))).toContain('施策1𠮷野の見本の施策');
    // Both fonts embedded: BIZ UD for the rest, the fallback (subset) for 𠮷.
    const fontNames = [...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+(\S+)/g)].map((m) => m[1]);
    expect(new Set(fontNames)).toEqual(
      new Set(['BIZUDGothic-Regular', 'BIZUDGothic-Bold', 'BIZUDMincho-Regular', 'KeikakuTestFallbackRegular']),
    );
    const html = await readFile(path.join(work, 'out', '実施計画_2024-2026.html'), 'utf8');
    expect(html).toContain('font-family: "BIZ UDGothic", "KeikakuTestFallback"');
  }, 60_000);
});

describe('large content', () => {
  it('prints a 施策 with 40 取組 and a title of 300 characters, every 取組 in the 施策体系 and on its page', async () => {
    const title = '長い施策名'.repeat(60);
    const initiatives = Array.from(
      { length: 40 },
      (_, i) =>
        `  - id: s01-t${i + 1}\n    name: 取組その${i + 1}番\n    rows:\n      - project: s01-j1\n        schedule:\n          2024: [計画その${i + 1}]\n          2025: [計画]\n          2026: []\n`,
    ).join('');
    const measure = (await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8'))
      .replace('title: 見本の施策', `title: ${title}`)
      .replace(/initiatives:\n[\s\S]*?budget:/, `initiatives:\n${initiatives}budget:`);
    const work = await makeDataDir({ 'measures/01.yaml': measure });
    const run = await runCli(['build', '--templates', TEMPLATES, '--no-departments'], work);
    expect(run.code).toBe(0);
    const pages = await pdfPages(await readFile(path.join(work, 'out', PDF)));
    const all = pages.join('');
    // Each 取組 twice: in the 施策体系 and on the 施策's page.
    for (let i = 1; i <= 40; i++) expect(all.split(`取組その${i}番`).length - 1, `取組その${i}番`).toBe(2);
    expect(squash(all)).toContain(title);
  }, 60_000);
});
