// Run as `node --expose-gc --import tsx draw-memory.ts DATA_DIR partwise|whole`: lays out the plan
// of DATA_DIR for print and prints, as JSON, the live heap (after a full collection) before the
// layout and its largest while the pages are drawn (sampled every 10 pages, when pdfkit starts one).
// tests/partwise.test.ts compares the part-wise layout's with the whole-document layout's.
import PDFDocumentModule from 'pdfmake/js/PDFDocument.js';
import { paginate } from '../../src/layout/paginate.ts';
import { liveHeap, startMemoryCheck } from './memory-check.ts';

const { mode, inputs, tree, creationDate } = await startMemoryCheck('draw-memory.ts', ['partwise', 'whole']);

// pdfmake's pdfkit document: its renderer starts each page it draws with addPage.
const PdfKitDocument = ((PDFDocumentModule as { default?: unknown }).default ?? PDFDocumentModule) as {
  prototype: { addPage: (...args: unknown[]) => unknown };
};
const addPage = PdfKitDocument.prototype.addPage;
let pages = 0;
let whileDrawing = 0;
PdfKitDocument.prototype.addPage = function (this: unknown, ...args: unknown[]) {
  if (pages++ % 10 === 0) whileDrawing = Math.max(whileDrawing, liveHeap());
  return addPage.apply(this, args);
};

const before = liveHeap();
const layout = await paginate(tree, inputs.theme, inputs.fonts, creationDate, {
  wholeDocumentLayout: mode === 'whole',
});
process.stdout.write(JSON.stringify({ before, whileDrawing, pages, bytes: layout.pdf.length }));
