// The plan is laid out section by section (src/backends/pdf/partwise-layout.ts): the PDF must
// be the one pdfmake makes laying the whole document out at once, byte for byte: the same pages,
// page numbers, running headers, 目次 page numbers and links, bookmarks. Checked on the seed
// printed on both sides as a draft (right-hand starts, blank pages, the watermark, headings
// moved over a page's foot), on a generated plan of 8 施策 printed on both sides (a section that
// must start on the right falls on an even page and goes over, leaving a blank page) and on the
// sample city (its own shape and pictures).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paginate } from '../src/layout/paginate.ts';
import { creationDate } from '../src/pipeline/document-job.ts';
import { documentTree } from '../src/pipeline/render-document.ts';
import { withPrintSettings } from '../src/theme/print-settings.ts';
import { generatedPlan } from './helpers/cli.ts';
import { runMemoryChecks } from './helpers/memory-check.ts';
import { loadPlan, ROOT, shippedInputs, wholePlanJob } from './helpers/plan.ts';

async function bothLayouts(dataDir: string, print: { duplex?: boolean }, draft: boolean) {
  const plan = await loadPlan(dataDir);
  const inputs = await shippedInputs();
  const theme = withPrintSettings(inputs.theme, { ...plan.print, ...print });
  const job = wholePlanJob(plan, draft);
  const layout = (wholeDocumentLayout: boolean) => {
    // pdfmake writes its positions into the tree's definition: a fresh tree for each layout.
    const { tree } = documentTree(job, { ...inputs, theme });
    return paginate(tree!, theme, inputs.fonts, creationDate(plan), { wholeDocumentLayout });
  };
  return { partwise: await layout(false), whole: await layout(true) };
}

/**
 * The fonts a PDF embeds: each font program (FontFile2) with the name of its subset. pdfkit
 * writes font dictionaries uncompressed; a Type0 font and its CID font both name the subset.
 */
function embeddedFonts(pdf: Uint8Array): { programs: number; names: Map<string, number> } {
  const text = Buffer.from(pdf).toString('latin1');
  const names = new Map<string, number>();
  for (const [, name] of text.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g))
    names.set(name!, (names.get(name!) ?? 0) + 1);
  return { programs: (text.match(/\/FontFile2 /g) ?? []).length, names };
}

/** Each font embedded once, as one subset of every glyph the document uses; the size of a whole render. */
function expectOneSubsetPerFont(partwise: Uint8Array, whole: Uint8Array): void {
  const fonts = embeddedFonts(partwise);
  expect(fonts.programs).toBe(fonts.names.size);
  expect([...fonts.names.values()].every((count) => count === 2)).toBe(true);
  // One subset per face: never two subsets of the same font.
  const faces = [...fonts.names.keys()].map((name) => name.slice(7));
  expect(new Set(faces).size).toBe(faces.length);
  expect(faces).toContain('BIZUDGothic-Regular');
  expect(partwise.length).toBeLessThanOrEqual(whole.length * 1.1);
}

describe('part-wise layout', () => {
  it('makes the seed plan, printed on both sides as a draft, byte for byte as the whole-document layout does', async () => {
    const { partwise, whole } = await bothLayouts(path.join(ROOT, 'data'), { duplex: true }, true);
    expect(Buffer.from(partwise.pdf).equals(Buffer.from(whole.pdf))).toBe(true);
    expect([...partwise.pagination.headingPages]).toEqual([...whole.pagination.headingPages]);
    expectOneSubsetPerFont(partwise.pdf, whole.pdf);
    // Not vacuous: the document has pages after its first section, and a 施策 starts past page 10.
    expect(Math.max(...partwise.pagination.headingPages.values())).toBeGreaterThan(10);
  });

  it('makes a plan whose right-hand sections go over a blank page byte for byte as the whole-document layout does', async () => {
    const data = await generatedPlan(8);
    const simplex = await bothLayouts(data, { duplex: false }, false);
    const { partwise, whole } = await bothLayouts(data, { duplex: true }, false);
    expect(Buffer.from(partwise.pdf).equals(Buffer.from(whole.pdf))).toBe(true);
    // Not vacuous: printed on both sides, a section went over to the next page.
    const last = (layout: typeof whole) => Math.max(...layout.pagination.headingPages.values());
    expect(last(whole)).toBe(last(simplex.whole) + 1);
  });

  it('makes a generated plan of 140 施策 byte for byte as the whole-document layout does, each font embedded once', async () => {
    const data = await generatedPlan(140);
    const { partwise, whole } = await bothLayouts(data, {}, false);
    expect(Buffer.from(partwise.pdf).equals(Buffer.from(whole.pdf))).toBe(true);
    expect(partwise.pagination.headingPages.size).toBeGreaterThan(140);
    expectOneSubsetPerFont(partwise.pdf, whole.pdf);
  }, 240_000);

  it('makes the sample city plan byte for byte as the whole-document layout does', async () => {
    const { partwise, whole } = await bothLayouts(path.join(ROOT, 'examples', 'sample-city', 'data'), {}, false);
    expect(Buffer.from(partwise.pdf).equals(Buffer.from(whole.pdf))).toBe(true);
    expect([...partwise.pagination.headingPages]).toEqual([...whole.pagination.headingPages]);
  });

  it('holds a bounded share of a long document’s pages while drawing, not all (a generated plan of 140 施策)', async () => {
    const data = await generatedPlan(140);
    type Measured = { before: number; whileDrawing: number; pages: number; bytes: number };
    const [partwise, whole] = runMemoryChecks<Measured>('draw-memory.ts', data, ['partwise', 'whole']);
    expect(partwise.pages).toBe(whole.pages);
    expect(partwise.pages).toBeGreaterThan(140);
    expect(partwise.bytes).toBe(whole.bytes);
    // The whole-document layout holds every page it laid out (and pdfmake's measures of every
    // node) until the last is drawn; part by part (its first 50 pages kept as laid out, the rest
    // read from their records one part at a time), what it adds is under half (measured: 41 MB
    // against 107 MB, 189 pages).
    expect(partwise.whileDrawing - partwise.before).toBeLessThan((whole.whileDrawing - whole.before) / 2);
  }, 240_000);
});
