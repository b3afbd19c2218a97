// The Word file departments edit: every paragraph takes its look from a named style defined in
// the document (so that changing 表本文 in Word changes every cell), runs carry nothing of their
// own but emphasis, underline and the narrowed comma's character style, and the file opens
// without asking to update its fields, its 目次 already showing the printed plan's pages; as
// LibreOffice lays it out, it pages as the PDF does.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGeneratedPlan, generatedPlan, runCli } from './helpers/cli.ts';
import { docxToPdf, withLibreOffice } from './helpers/libreoffice.ts';
import { pdfPages, squash } from './helpers/extract.ts';
import { pdfLines } from './helpers/line-check.ts';
import { runMemoryChecks } from './helpers/memory-check.ts';
import { ROOT, SEED_ARGS, TEMPLATE_ARGS } from './helpers/plan.ts';

let parts: Record<string, string>;
let pdfText: string[];
let docxBytes: Uint8Array;

beforeAll(async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'keikaku-word-'));
  const run = await runCli(['build', ...SEED_ARGS, '--out', 'out', '--format', 'pdf,docx', '--no-departments'], work);
  expect(run.code, run.stderr).toBe(0);
  docxBytes = new Uint8Array(await readFile(path.join(work, 'out', '実施計画_2024-2026.docx')));
  const zip = await JSZip.loadAsync(docxBytes);
  parts = {};
  for (const name of Object.keys(zip.files).filter((n) =>
    /^word\/(document|styles|settings|header\d+|footer\d+)\.xml$/.test(n),
  ))
    parts[name] = await zip.file(name)!.async('string');
  pdfText = await pdfPages(await readFile(path.join(work, 'out', '実施計画_2024-2026.pdf')));
}, 120_000);

const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const bodyAndMargins = () =>
  Object.entries(parts)
    .filter(([name]) => /document|header|footer/.test(name))
    .map(([, xml]) => xml);

describe('the Word file’s styles', () => {
  it('gives every paragraph with text a named style that styles.xml defines', () => {
    const defined = new Set([...parts['word/styles.xml']!.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    let styled = 0;
    for (const xml of bodyAndMargins()) {
      for (const p of paragraphsOf(xml)) {
        if (!/<w:t[ >]/.test(p) || p.includes('【')) continue; // empty paragraphs, a draft's mark
        const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
        expect(style, p.slice(0, 300)).toBeDefined();
        expect(defined.has(style), style).toBe(true);
        styled++;
      }
    }
    expect(styled).toBeGreaterThan(500);
  });

  it('names the styles staff look for: 本文, 表本文, 表見出し, 箇条書き and Word’s own 見出し', () => {
    const styles = parts['word/styles.xml']!;
    const names = [...styles.matchAll(/<w:style w:type="paragraph"[^>]*>\s*<w:name w:val="([^"]+)"/g)].map((m) => m[1]);
    for (const name of [
      '表本文',
      '表見出し',
      '表箇条書き（items）',
      '箇条書き（directions）',
      '大見出し（toc-title）',
      'toc 1',
      'toc 3',
      '本文（running-header）',
      '本文（page-number）',
    ])
      expect(names).toContain(name);
    const used = new Set([...parts['word/document.xml']!.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]));
    for (const heading of ['Heading1', 'Heading2', 'Heading3'])
      expect(used.has(heading) || [...used].some((u) => u!.includes(`-h${heading.at(-1)}-`))).toBe(true);
    // A figure is in the character style 金額, its commas in 金額の桁区切り (figures.test.ts).
    expect(styles).toMatch(/<w:style w:type="character" w:styleId="keikaku-amount">\s*<w:name w:val="金額"\/>/);
    expect(styles).toMatch(
      /<w:style w:type="character" w:styleId="keikaku-comma">\s*<w:name w:val="金額の桁区切り"\/>\s*<w:basedOn w:val="keikaku-amount"\/>/,
    );
  });

  it('leaves font, size and spacing to the styles: runs carry only emphasis, underline and character styles', () => {
    const allowed = new Set(['w:b', 'w:bCs', 'w:u', 'w:rStyle']);
    let runs = 0;
    for (const xml of bodyAndMargins()) {
      for (const rPr of xml.matchAll(/<w:r>(?:<w:rPr>([\s\S]*?)<\/w:rPr>)?/g)) {
        runs++;
        if (rPr[1] === undefined || rPr[0].includes('888888')) continue; // no properties; a draft's mark
        for (const element of rPr[1].matchAll(/<(w:[A-Za-z]+)/g)) expect(allowed, element[1]).toContain(element[1]);
      }
    }
    expect(runs).toBeGreaterThan(1000);
    // Paragraphs do not set their own fonts, sizes or line spacing either.
    expect(parts['word/document.xml']).not.toMatch(
      /<w:p>[^]*?<w:pPr>[^<]*(?:<w:(?!pStyle|keepNext|keepLines|jc|tabs|rPr|sectPr)[^>]*>)*<w:spacing /,
    );
  });

  it('gives an SDGs goal’s label its colours through a character style, not the run (the sample city)', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-word-sdgs-'));
    const data = path.join(ROOT, 'examples', 'sample-city', 'data');
    const run = await runCli(['build', '--data', data, '--out', 'out', '--format', 'docx', '--no-departments'], work);
    expect(run.code, run.stderr).toBe(0);
    const file = (await readdir(path.join(work, 'out'))).find((f) => f.endsWith('.docx'))!;
    const zip = await JSZip.loadAsync(await readFile(path.join(work, 'out', file)));
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const labels = [
      ...document.matchAll(/<w:r><w:rPr>(<w:rStyle w:val="(keikaku-colour-[^"]+)"\/>)<\/w:rPr><w:t[^>]*>目標\d+ /g),
    ];
    expect(labels.length).toBeGreaterThan(5);
    for (const [, , id] of labels)
      expect(styles).toMatch(
        new RegExp(`w:styleId="${id}"><w:name w:val="色（背景 #[0-9A-F]{6}・文字 #[0-9A-F]{6}）"/>[\\s\\S]*?<w:shd `),
      );
    expect(document).not.toMatch(/<w:rPr>(?:(?!<\/w:rPr>).)*<w:(shd|color) /);
  });

  it('hangs a 取組’s number: a hanging indent as wide as the number and a space, and a tab after the number', () => {
    const initiative = paragraphsOf(parts['word/document.xml']!).find((p) => p.includes('区や自治会などへの支援'))!;
    // 2 em of 9 pt table text: 18 pt, 360 twentieths.
    expect(initiative).toMatch(/<w:ind w:left="360" w:hanging="360"\/>/);
    expect(initiative).toMatch(/<w:t[^>]*>①<\/w:t><\/w:r><w:r><w:tab\/><\/w:r>/);
  });

  it('cuts a long 施策 in an excerpt’s running header with …, as the PDF does, so that the header keeps to one line', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-word-header-'));
    const run = await runCli(
      ['build', ...SEED_ARGS, '--out', 'out', '--format', 'docx', '--department', 'まち未来創造課'],
      work,
    );
    expect(run.code, run.stderr).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(path.join(work, 'out', '担当課別', 'まち未来創造課.docx')));
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const cut = headers.flatMap((xml) => [...xml.matchAll(/<w:t[^>]*>(施策 10　[^<]*)<\/w:t>/g)].map((m) => m[1]!));
    expect(cut.length).toBeGreaterThanOrEqual(2); // its first page and the continued ones
    for (const title of cut) expect(title).toMatch(/^施策 10　まちの魅力を高める.*…(（続き）)?$/);
  });

  it('opens without asking to update fields, its 目次 showing the pages of the printed plan', () => {
    expect(parts['word/settings.xml']).not.toContain('updateFields');
    expect(parts['word/document.xml']).not.toContain('w:dirty="true"');
    // 施策1's 目次 entry gives the page the PDF prints it on.
    const pdfPage =
      pdfText.findIndex((page, i) => i > 1 && squash(page).includes(squash('施策 1　地域活動の活性化●施策の方向'))) + 1;
    expect(pdfPage).toBeGreaterThan(2);
    const toc = parts['word/document.xml']!.slice(0, parts['word/document.xml']!.indexOf('fldCharType="end"'));
    expect(toc).toMatch(new RegExp(`施策 1　地域活動の活性化[\\s\\S]*?<w:t[^>]*>${pdfPage}</w:t>`));
  });
});

/** The page each 施策 starts on: the page with its heading followed by its ●施策の方向 (whitespace squashed). */
const measureStarts = (pages: readonly string[]) =>
  pages.flatMap((page, i) =>
    [...squash(page).matchAll(/(?<!基本)施策(\d+)[^●]{1,60}●施策の方向/g)].map((m) => `施策${m[1]}@${i + 1}`),
  );

describe('the Word file as LibreOffice lays it out', () => {
  withLibreOffice('has the PDF’s page count, and every 施策 starts on the page it starts on in the PDF', async () => {
    const word = await pdfPages((await docxToPdf(docxBytes)).bytes);
    const pdf = measureStarts(pdfText);
    expect(pdf).toHaveLength(14);
    expect(measureStarts(word)).toEqual(pdf);
    expect(word.length).toBe(pdfText.length);
  });
});

// A plan of 140 施策 (generate): long tables the PDF continues on new pages, a 目次 of several
// pages, 基本方針 headings that meet a page's foot. The Word file cuts a table where the PDF turned
// the page and starts the 目次's pages at the PDF's entries (both read from the print layout), so
// that LibreOffice pages it as the PDF does; Word's own keep-with-next would do it for Word, but
// LibreOffice does not keep table rows together by it.
describe('a generated plan of 140 施策 in Word', () => {
  let big: { pdf: Uint8Array; docx: Uint8Array; document: string };
  let duplex: { pdf: Uint8Array; docx: Uint8Array };

  beforeAll(async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-word-big-'));
    const formats = ['--format', 'pdf,docx', ...TEMPLATE_ARGS];
    const read = async (dir: string) => ({
      pdf: new Uint8Array(await readFile(path.join(dir, '実施計画_2024-2026.pdf'))),
      docx: new Uint8Array(await readFile(path.join(dir, '実施計画_2024-2026.docx'))),
    });
    const single = await read(await buildGeneratedPlan(work, 140, 'out', formats));
    duplex = await read(await buildGeneratedPlan(work, 140, 'duplex', [...formats, '--duplex']));
    big = {
      ...single,
      document: await (await JSZip.loadAsync(single.docx)).file('word/document.xml')!.async('string'),
    };
  }, 180_000);

  it('starts a page of its 目次 at each entry the PDF’s 目次 starts a page with', async () => {
    const pages = await pdfPages(big.pdf);
    // The PDF's 目次 pages: those whose lines end in leader dots and a page number.
    const tocPages = pages.filter((page) => (page.match(/…{3,}\s*\d+/g) ?? []).length >= 10).length;
    expect(tocPages).toBeGreaterThanOrEqual(3);
    const toc = big.document.slice(
      big.document.indexOf('<w:docPartGallery w:val="Table of Contents"/>'),
      big.document.indexOf('</w:sdtContent>'),
    );
    expect(toc.match(/<w:pStyle w:val="TOC\d"\/><w:pageBreakBefore\/>/g)).toHaveLength(tocPages - 1);
  });

  it('cuts a table where the PDF turned the page: the rest starts a page under the repeated header', () => {
    const cuts = [
      ...big.document.matchAll(/<w:p><w:pPr><w:pStyle w:val="keikaku-table-break"\/><w:pageBreakBefore\/>/g),
    ];
    expect(cuts.length).toBeGreaterThan(10);
    for (const cut of cuts) {
      const next = big.document.slice(cut.index, cut.index + 3000);
      expect(next).toMatch(/^<w:p>[\s\S]*?<\/w:p><w:tbl>[\s\S]*?<w:tblHeader\/>/);
    }
  });

  withLibreOffice('has the PDF’s page count, and every 施策 starts on the page it starts on in the PDF', () =>
    expectPagesAlike(big, 140),
  );

  it('never leaves a heading at the foot of a PDF page, away from the table under it', async () => {
    const lines = await pdfLines(duplex.pdf);
    const pages = Math.max(...lines.map((l) => l.page));
    let headings = 0;
    for (let page = 1; page <= pages; page++) {
      const body = lines.filter((l) => l.page === page && !/^\d+$/.test(l.text));
      if (body.some((l) => l.text.includes('……'))) continue; // the 目次: its entries are no headings
      // pdfjs gives a heading's number and its name (after a full-width space) as two lines.
      const isHeading = (l: (typeof body)[number]) => l.size === 11 && /^(基本方針\s*\d+|●)/.test(l.text);
      headings += body.filter(isHeading).length;
      const lowest = Math.min(...body.map((l) => l.y));
      for (const line of body.filter((l) => Math.abs(l.y - lowest) < 1))
        expect(isHeading(line), `page ${page}: ${line.text}`).toBe(false);
    }
    expect(headings).toBeGreaterThanOrEqual(100); // the 施策体系's 基本方針, every 施策's ●
  });

  // Printed on both sides, each 基本方針's table in the 施策体系 starts on a right-hand page and
  // blank pages come in: a 基本方針 heading meets a page's foot, and goes over with its table's
  // first rows (the PDF's rows move without pdfmake knowing; it is told by named text).
  withLibreOffice('printed on both sides, has the PDF’s pages too, blank ones included', () =>
    expectPagesAlike(duplex, 140),
  );
});

/** LibreOffice's rendering of the Word file has the PDF's pages, each 施策 starting on the PDF's. */
async function expectPagesAlike(files: { pdf: Uint8Array; docx: Uint8Array }, measures: number): Promise<void> {
  const pdf = await pdfPages(files.pdf);
  const word = await pdfPages((await docxToPdf(files.docx)).bytes);
  expect(measureStarts(pdf)).toHaveLength(measures);
  expect(measureStarts(word)).toEqual(measureStarts(pdf));
  expect(word.length).toBe(pdf.length);
}

describe('the Word file of a long plan', () => {
  it('is written holding a bounded share of its body, not all of it (a generated plan of 140 施策)', async () => {
    const data = await generatedPlan(140);
    type Measured = {
      before: number;
      whileWriting: number;
      beforePacking: number;
      whileZipping: number;
      paragraphs: number;
      bytes: number;
      documentXml: number;
    };
    const [streamed, whole] = runMemoryChecks<Measured>('word-memory.ts', data, ['streamed', 'whole']);
    expect(streamed.paragraphs).toBe(whole.paragraphs);
    expect(streamed.paragraphs).toBeGreaterThan(10_000);
    // docx alone holds the body's components, the objects each prepares and the elements those
    // resolve to, all at once, before it writes; block by block, what the body adds is under half
    // (measured: 31 MB against 89 MB).
    expect(streamed.whileWriting - streamed.before).toBeLessThan((whole.whileWriting - whole.before) / 2);
    // Zipped, word/document.xml is never one string: its blocks are deflated one by one. What
    // memory gains while zipping is the body's blocks, once, the other parts (a header and a
    // footer for each section) and the zip's own (measured: 13.1 MB for a 4.6 MB document.xml;
    // 40.1 MB when the document was written whole, renumbered and flattened, each a copy of 2
    // bytes a character, and JSZip made a deflate state for each part).
    expect(streamed.whileZipping - streamed.beforePacking).toBeLessThan(4 * streamed.documentXml);
    expect(streamed.documentXml).toBeGreaterThan(1_000_000);
  }, 240_000);
});
