// Run as `node --expose-gc --import tsx draw-memory.ts DATA_DIR partwise|whole`: lays out the plan
// of DATA_DIR for print and prints, as JSON, the live heap (after a full collection) before the
// layout and its largest while the pages are drawn (sampled every 10 pages, when pdfkit starts one).
// tests/partwise.test.ts compares the part-wise layout's with the whole-document layout's.
import PDFDocumentModule from 'pdfmake/js/PDFDocument.js';
import { paginate } from '../../src/layout/paginate.ts';
import { creationDate } from '../../src/pipeline/document-job.ts';
import { documentTree } from '../../src/pipeline/render-document.ts';
import { loadPlan, shippedInputs, wholePlanJob } from './plan.ts';

const [dataDir, mode] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!dataDir || (mode !== 'partwise' && mode !== 'whole') || !gc)
  throw new Error('usage: node --expose-gc --import tsx draw-memory.ts DATA_DIR partwise|whole');

const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const plan = await loadPlan(dataDir);
const inputs = await shippedInputs();
const job = wholePlanJob(plan);
const { tree } = documentTree(job, inputs);

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
const layout = await paginate(tree!, inputs.theme, inputs.fonts, creationDate(plan), {
  wholeDocumentLayout: mode === 'whole',
});
process.stdout.write(JSON.stringify({ before, whileDrawing, pages, bytes: layout.pdf.length }));
