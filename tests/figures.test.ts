// Amounts set tight: BIZ UDゴシック's thousands comma fills a half-width cell (0.5 em), which
// prints 「7, 344」. The PDF is measured from pdfjs-dist's glyph positions (text extraction
// alone does not show the gap): from each thousands comma to the digit after it is at most
// 0.35 em, and figures of a column still end at the same x (right-aligned, digits of one width).
// The Word file sets them in the character style 金額の桁区切り, in the family's proportional face
// (BIZ UDPゴシック), measured alike in LibreOffice's rendering; the HTML narrows them too.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { openPdf } from './helpers/extract.ts';
import { docxToPdf, withLibreOffice } from './helpers/libreoffice.ts';
import { expectedPlan, withCommas } from './helpers/oracle.ts';
import { ROOT, SEED_ARGS } from './helpers/plan.ts';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'keikaku-figures-'));
  const run = await runCli(['build', ...SEED_ARGS, '--no-departments', '--out', out, '--no-cache'], ROOT);
  expect(run.code, run.stdout).toBe(0);
});

interface Glyph {
  readonly str: string;
  readonly x: number;
  readonly size: number;
}

type TextItem = { str: string; transform: number[]; width: number };

/** A page's text items, and one glyph per character: pdfjs cuts runs where the spacing changes; each entry is split evenly. */
async function pageGlyphs(doc: Awaited<ReturnType<typeof openPdf>>, n: number) {
  const items = (await (await doc.getPage(n)).getTextContent()).items
    .filter((i) => 'str' in i && i.str !== '')
    .map((i) => i as TextItem);
  const glyphs: Glyph[] = items.flatMap((i) =>
    [...i.str].map((ch, k, all) => ({
      str: ch,
      x: i.transform[4]! + (i.width / all.length) * k,
      size: i.transform[0]!,
    })),
  );
  return { items, glyphs };
}

/** From each thousands comma to the digit after it, in em, over every page. */
async function commaGaps(doc: Awaited<ReturnType<typeof openPdf>>): Promise<number[]> {
  const gaps: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { glyphs } = await pageGlyphs(doc, n);
    for (let k = 1; k + 1 < glyphs.length; k++) {
      const [before, comma, after] = [glyphs[k - 1]!, glyphs[k]!, glyphs[k + 1]!];
      if (
        comma.str === ',' &&
        /\d/.test(before.str) &&
        /\d/.test(after.str) &&
        Math.abs(after.x - comma.x) < comma.size
      )
        gaps.push((after.x - comma.x) / comma.size);
    }
  }
  return gaps;
}

describe('figures with thousands commas', () => {
  it('have at most 0.35 em from each comma to the next digit in the PDF, and still line up at the right', async () => {
    const doc = await openPdf(new Uint8Array(await readFile(path.join(out, '実施計画_2024-2026.pdf'))));
    const gaps = await commaGaps(doc);
    const grand = withCommas((await expectedPlan(path.join(ROOT, 'data'))).grandTotal);
    const grandEnds: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { items } = await pageGlyphs(doc, n);
      // The 総括表's grand total row: its figures end where the column's other figures end.
      const text = items.map((i) => i.str).join('');
      if (text.includes('事業費総括表') && text.includes(grand)) {
        const last = items.filter((i) => /\d$/.test(i.str));
        for (const i of last) grandEnds.push(i.transform[4]! + i.width);
      }
    }
    expect(gaps.length).toBeGreaterThan(100); // the seed prints hundreds of amounts
    expect(Math.max(...gaps)).toBeLessThanOrEqual(0.35);
    // Right-aligned figures in one column end at the same x (to a hundredth of a point).
    const ends = new Map<string, number>();
    for (const x of grandEnds) ends.set(x.toFixed(2), (ends.get(x.toFixed(2)) ?? 0) + 1);
    expect([...ends.values()].some((count) => count >= 5)).toBe(true);
    await doc.destroy();
  });

  it('set the commas narrower in the Word file (金額の桁区切り, in the proportional face) and the HTML (class cm)', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, '実施計画_2024-2026.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const runsOf = (text: RegExp) =>
      [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:t(?: [^>]*)?>([^<]*)<\/w:t><\/w:r>/g)]
        .filter((m) => text.test(m[1]!))
        .map((m) => m[0]);
    const commaRuns = runsOf(/^,$/);
    expect(commaRuns.length).toBeGreaterThan(100);
    for (const run of commaRuns) expect(run).toContain('<w:rStyle w:val="keikaku-comma"/>');
    // The digits before the commas are in 金額, which names no face of its own: the cell's
    // fixed BIZ UDゴシック, whose digits are all one width, so that they line up.
    const digitRuns = [
      ...xml.matchAll(
        /<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:t(?: [^>]*)?>\d{1,3}<\/w:t><\/w:r>(?=<w:r><w:rPr><w:rStyle w:val="keikaku-comma"\/>)/g,
      ),
    ].map((m) => m[0]);
    expect(digitRuns.length).toBeGreaterThan(100);
    for (const run of digitRuns) expect(run).toContain('<w:rStyle w:val="keikaku-amount"/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const comma = /<w:style w:type="character" w:styleId="keikaku-comma">[\s\S]*?<\/w:style>/.exec(styles)![0];
    // BIZ UDPゴシック, the proportional face of the family: its comma is 0.33 em, scaled to the
    // PDF's 0.25 em (76 %).
    expect(comma).toContain(
      '<w:rFonts w:ascii="BIZ UDPGothic" w:cs="BIZ UDPGothic" w:eastAsia="BIZ UDPGothic" w:hAnsi="BIZ UDPGothic"/>',
    );
    expect(comma).toContain('<w:w w:val="76"/>');
    const amount = /<w:style w:type="character" w:styleId="keikaku-amount">[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(amount).not.toContain('w:rFonts');
    const html = await readFile(path.join(out, '実施計画_2024-2026.html'), 'utf8');
    expect(html).toContain('<span class="cm">,</span>');
    expect(html).toMatch(/\.cm \{ letter-spacing: -0\.25em; \}/);
  });

  withLibreOffice(
    'have at most 0.35 em from each comma to the next digit in LibreOffice’s rendering of the Word file',
    async () => {
      const converted = await docxToPdf(new Uint8Array(await readFile(path.join(out, '実施計画_2024-2026.docx'))));
      const doc = await openPdf(converted.bytes);
      const gaps = await commaGaps(doc);
      await doc.destroy();
      expect(gaps.length).toBeGreaterThan(100);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(0.35);
    },
  );
});

// JLReq: a closing bracket and the mark after it (」）, 。」, 、「) share one half-width blank, not
// two: the 総括表's note names the 事業 without 担当課 as （施策5「人権教育の推進」）.
/** From each 」 to the ） after it, in em, over every page. */
async function bracketAdvances(bytes: Uint8Array): Promise<number[]> {
  const doc = await openPdf(bytes);
  const advances: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { glyphs } = await pageGlyphs(doc, n);
    for (let k = 0; k + 1 < glyphs.length; k++)
      if (glyphs[k]!.str === '」' && glyphs[k + 1]!.str === '）')
        advances.push((glyphs[k + 1]!.x - glyphs[k]!.x) / glyphs[k]!.size);
  }
  await doc.destroy();
  return advances;
}

describe('brackets and punctuation in a row', () => {
  it('set the mark after a closing bracket half an em closer in the PDF', async () => {
    const advances = await bracketAdvances(new Uint8Array(await readFile(path.join(out, '実施計画_2024-2026.pdf'))));
    expect(advances.length).toBeGreaterThan(0);
    for (const advance of advances) expect(advance).toBeCloseTo(0.5, 2);
  });

  withLibreOffice(
    'set them alike in LibreOffice’s rendering of the Word file (」 in 約物の詰め, the proportional face)',
    async () => {
      const zip = await JSZip.loadAsync(await readFile(path.join(out, '実施計画_2024-2026.docx')));
      const styles = await zip.file('word/styles.xml')!.async('string');
      expect(styles).toMatch(
        /<w:style w:type="character" w:styleId="keikaku-tight-mark"><w:name w:val="約物の詰め"\/>[\s\S]*?<w:rFonts w:ascii="BIZ UDPGothic"/,
      );
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toMatch(
        /<w:rStyle w:val="keikaku-tight-mark"\/><\/w:rPr><w:t[^>]*>」<\/w:t><\/w:r><w:r><w:t[^>]*>）/,
      );
      const converted = await docxToPdf(new Uint8Array(await readFile(path.join(out, '実施計画_2024-2026.docx'))));
      const advances = await bracketAdvances(converted.bytes);
      expect(advances.length).toBeGreaterThan(0);
      for (const advance of advances) expect(advance).toBeCloseTo(0.5, 1);
    },
  );
});
