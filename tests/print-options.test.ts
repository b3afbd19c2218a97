// Print options (README: plan.yaml `print`, `build --binding-margin`, `--duplex`): the binding
// side's margin (default 20 mm, clear of a 2-hole punch), and printing on both sides (even pages
// mirrored, the 施策体系 and each 基本目標 on a right-hand page, blank pages left blank), in the
// PDF (read back with pdfjs), the Word file (its XML) and the HTML's print stylesheet.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir, runCli } from './helpers/cli.ts';
import { openPdf } from './helpers/extract.ts';
import { ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';

// Points per millimetre; PDF coordinates are written to a few decimals, hence the 0.01 pt below.
const MM = 72 / 25.4;

interface PageText {
  readonly view: number[];
  readonly text: string;
  /** The leftmost and rightmost ink of the text, from the page's visible left edge. */
  readonly left: number;
  readonly right: number;
}

async function pdfPagesWithBoxes(file: string): Promise<PageText[]> {
  const doc = await openPdf(new Uint8Array(await readFile(file)));
  const pages: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const items = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str.trim() !== '') as {
      str: string;
      transform: number[];
      width: number;
    }[];
    const view = page.view;
    pages.push({
      view,
      text: items.map((i) => i.str).join(''),
      left: Math.min(...items.map((i) => i.transform[4]!)) - view[0]!,
      right: Math.max(...items.map((i) => i.transform[4]! + i.width)) - view[0]!,
    });
  }
  await doc.destroy();
  return pages;
}

const sampleCity = path.join(ROOT, 'examples', 'sample-city', 'data');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'keikaku-print-'));
  const builds = [
    ['simplex', []],
    ['duplex', ['--duplex']],
    ['wide', ['--binding-margin', '30']],
  ] as const;
  for (const [out, extra] of builds) {
    const run = await runCli(
      ['build', '--data', sampleCity, '--out', out, '--no-departments', ...TEMPLATE_ARGS, ...extra],
      work,
    );
    expect(run.code, run.stderr).toBe(0);
  }
}, 180_000);

const PDF = '実施計画_2025-2029.pdf';
const DOCX = '実施計画_2025-2029.docx';
const HTML = '実施計画_2025-2029.html';

describe('the binding margin', () => {
  it('keeps every page’s text at least 20 mm from the left edge by default, 30 mm when asked', async () => {
    for (const [out, mm] of [
      ['simplex', 20],
      ['wide', 30],
    ] as const) {
      const pages = await pdfPagesWithBoxes(path.join(work, out, PDF));
      expect(pages.length).toBeGreaterThan(20);
      expect(Math.min(...pages.map((p) => p.left))).toBeGreaterThanOrEqual(mm * MM - 0.01);
    }
  });

  it('is the Word file’s left margin', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(work, 'wide', DOCX)));
    const xml = await zip.file('word/document.xml')!.async('string');
    const margins = [...xml.matchAll(/<w:pgMar [^>]*w:left="(\d+)"/g)].map((m) => Number(m[1]));
    expect(margins.length).toBeGreaterThan(5);
    for (const twips of margins) expect(twips).toBe(Math.round(30 * MM * 20));
  });
});

describe('printing on both sides (--duplex)', () => {
  it('starts the 施策体系 and each 基本目標 on a right-hand page, the blank pages before them empty', async () => {
    const pages = await pdfPagesWithBoxes(path.join(work, 'duplex', PDF));
    const starts = ['施策体系', '基本目標1', '基本目標2', '基本目標3'].map(
      (heading) => pages.findIndex((p) => p.text.replace(/\s/g, '').startsWith(heading)) + 1,
    );
    // The 施策体系's heading and each 基本目標's first page: odd page numbers.
    expect(starts.every((n) => n > 0 && n % 2 === 1)).toBe(true);
    const blanks = pages.flatMap((p, i) => (p.text === '' ? [i + 1] : []));
    expect(blanks.length).toBeGreaterThan(0);
    // Each blank page comes right before a section that starts on the right, and has no page number.
    for (const blank of blanks) expect(starts).toContain(blank + 1);
    // The same plan printed on one side has no blank page.
    const simplex = await pdfPagesWithBoxes(path.join(work, 'simplex', PDF));
    expect(simplex.filter((p) => p.text === '')).toEqual([]);
  });

  it('mirrors the margins of even pages: the binding side is on the right', async () => {
    const pages = await pdfPagesWithBoxes(path.join(work, 'duplex', PDF));
    const width = pages[0]!.view[2]! - pages[0]!.view[0]!;
    pages.forEach((page, i) => {
      if (page.text === '') return;
      const binding = (i + 1) % 2 === 1 ? page.left : width - page.right;
      expect(binding, `p${i + 1}`).toBeGreaterThanOrEqual(20 * MM - 0.01);
    });
    const even = pages.filter((p, i) => (i + 1) % 2 === 0 && p.text !== '');
    expect(even.length).toBeGreaterThan(5);
    // On an even page the text starts nearer the left edge than the binding margin.
    expect(Math.min(...even.map((p) => p.left))).toBeLessThan(20 * MM);
  });

  it('asks Word for mirrored margins and odd-page section starts, and the browser for the same in print', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(work, 'duplex', DOCX)));
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:mirrorMargins/>');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect([...xml.matchAll(/<w:type w:val="oddPage"\/>/g)]).toHaveLength(4); // 施策体系 + 3 基本目標
    const simplexZip = await JSZip.loadAsync(await readFile(path.join(work, 'simplex', DOCX)));
    expect(await simplexZip.file('word/settings.xml')!.async('string')).not.toContain('mirrorMargins');

    const html = await readFile(path.join(work, 'duplex', HTML), 'utf8');
    expect(html).toMatch(/@page :left \{ margin-left: [\d.]+pt; margin-right: 56\.69pt; \}/);
    expect([...html.matchAll(/class="[^"]*\bstart-right\b/g)]).toHaveLength(4);
    expect(await readFile(path.join(work, 'simplex', HTML), 'utf8')).not.toContain('start-right');
  });

  it('is the same from plan.yaml’s print as from the command line', async () => {
    const data = path.join(work, 'from-plan');
    await cp(sampleCity, data, { recursive: true });
    const plan = await readFile(path.join(data, 'plan.yaml'), 'utf8');
    await writeFile(path.join(data, 'plan.yaml'), `${plan}print: { duplex: true, paper: A4 }\n`);
    const run = await runCli(
      ['build', '--data', data, '--out', 'from-plan-out', '--no-departments', ...TEMPLATE_ARGS],
      work,
    );
    expect(run.code, run.stderr).toBe(0);
    for (const file of [PDF, DOCX, HTML])
      expect(await readFile(path.join(work, 'from-plan-out', file))).toEqual(
        await readFile(path.join(work, 'duplex', file)),
      );
  });
});

describe('mistakes in the print settings', () => {
  it('refuses a binding margin that is not a number of millimetres from 0 to 50, on the command line and in plan.yaml', async () => {
    const cwd = await makeDataDir();
    const cli = await runCli(['build', '--binding-margin', '2cm'], cwd);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(
      '--binding-margin はとじしろの幅を mm で 0～50 の数で書いてください（「2cm」が書かれています）',
    );
    const plan = await readFile(path.join(cwd, 'data', 'plan.yaml'), 'utf8');
    await writeFile(path.join(cwd, 'data', 'plan.yaml'), `${plan}print:\n  bindingMargin: 80\n  paper: A3\n`);
    const run = await runCli(['validate'], cwd);
    expect(run.code).toBe(1);
    const lines = plan.split('\n').length;
    expect(run.stdout).toContain(`data/plan.yaml:${lines + 1}:18: エラー:`);
    expect(run.stdout).toContain(`data/plan.yaml:${lines + 2}:10: エラー:`);
  });
});
