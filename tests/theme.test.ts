// templates/theme.yaml is the one theme: an edit there reaches the PDF, the Word file and the
// HTML alike; a mistake in it, or a table whose widths do not match its columns, stops the build
// at its place and writes nothing.
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { errorLines, runCli } from './helpers/cli.ts';
import { docxParagraphs, pdfPages, squash } from './helpers/extract.ts';
import { ROOT } from './helpers/plan.ts';
import { itSlow } from './helpers/quick.ts';

/** A working folder with the seed's data and a copy of the templates, `edit` applied to one file. */
async function withTemplates(file: string, from: string, to: string): Promise<string> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'keikaku-theme-'));
  await cp(path.join(ROOT, 'data'), path.join(cwd, 'data'), { recursive: true });
  await cp(path.join(ROOT, 'templates'), path.join(cwd, 'templates'), { recursive: true });
  const target = path.join(cwd, 'templates', file);
  const text = await readFile(target, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`edit did not apply to ${file}`);
  await writeFile(target, edited);
  return cwd;
}

const buildMeasure1 = (cwd: string) => runCli(['build', '--measure', '1'], cwd);
const output = (cwd: string, ext: string) => readFile(path.join(cwd, 'out', `実施計画_2024-2026_施策1.${ext}`));

describe('the theme (templates/theme.yaml)', () => {
  itSlow('gives its printed words to every format', async () => {
    const cwd = await withTemplates('theme.yaml', 'unit: 単位：千円', 'unit: 金額の単位：千円');
    const run = await buildMeasure1(cwd);
    expect(run.code, run.stdout).toBe(0);
    expect(squash((await pdfPages(await output(cwd, 'pdf'))).join(''))).toContain('金額の単位：千円');
    expect(await docxParagraphs(await output(cwd, 'docx'))).toContain('金額の単位：千円');
    expect((await output(cwd, 'html')).toString()).toContain('<p class="unit align-right">金額の単位：千円</p>');
  });

  itSlow('gives its colours to the Word file and the HTML, and its page margins to the Word file', async () => {
    const cwd = await withTemplates('theme.yaml', "headerFill: '#e8eef5'", "headerFill: '#ffeecc'");
    const edited = path.join(cwd, 'templates', 'theme.yaml');
    await writeFile(edited, (await readFile(edited, 'utf8')).replace('left: 45 }', 'left: 70 }'));
    const run = await buildMeasure1(cwd);
    expect(run.code, run.stdout).toBe(0);
    const xml = await (await JSZip.loadAsync(await output(cwd, 'docx'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:fill="FFEECC"');
    expect(xml).not.toContain('E8EEF5');
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1400"/); // 70 pt
    expect((await output(cwd, 'html')).toString()).toContain('th { background: #ffeecc;');
  });

  it('stops the build at the place of a mistake in it, writing nothing', async () => {
    const cwd = await withTemplates('theme.yaml', "rule: '#333333'", "rule: '333333'");
    const run = await buildMeasure1(cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'templates/theme.yaml:31:9: エラー: rule: 色は #1a1a1a のように # と16進数で書いてください\n',
    );
    expect(await readdir(cwd)).not.toContain('out');
  });

  it('comes from keikaku when a town’s templates folder has none: the folder lies over keikaku’s, file by file', async () => {
    // A town's templates/ holding only the cover it changed: keikaku's own theme and templates serve for the rest.
    const cwd = await mkdtemp(path.join(tmpdir(), 'keikaku-overlay-'));
    await cp(path.join(ROOT, 'data'), path.join(cwd, 'data'), { recursive: true });
    await mkdir(path.join(cwd, 'templates', 'partials'), { recursive: true });
    const cover = await readFile(path.join(ROOT, 'templates', 'partials', 'cover.hbs'), 'utf8');
    await writeFile(
      path.join(cwd, 'templates', 'partials', 'cover.hbs'),
      cover.replace('{{municipality}}', '{{municipality}}（町の表紙）'),
    );
    const run = await runCli(['build', '--format', 'html', '--no-departments'], cwd);
    expect(run.code, run.stdout).toBe(0);
    const html = await readFile(path.join(cwd, 'out', '実施計画_2024-2026.html'), 'utf8');
    expect(html).toContain('利根町（町の表紙）');
    expect(html).toContain('<p class="unit align-right">単位：千円</p>'); // keikaku's theme and budget table
  });
});

describe('table widths', () => {
  it('must give one width for each real column: a missing one is an error at the template, not a lost column', async () => {
    // The 事業費 table with its widths fixed for three years, one short of its five columns.
    const cwd = await withTemplates(
      'partials/budget-table.hbs',
      'data-widths="34{{#each budget.referenceYears}},15{{/each}}{{#each years}},15{{/each}},15"',
      'data-widths="34,15,15,15"',
    );
    const run = await buildMeasure1(cwd);
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      'templates/partials/budget-table.hbs:5:1: エラー: <table> の data-widths は4列分ですが、表は5列あります。列の数だけ幅の比を書いてください（年度の列は {{#each years}} で繰り返せます）',
    ]);
  });
});
