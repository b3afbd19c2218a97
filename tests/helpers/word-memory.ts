// Run as `node --expose-gc --import tsx word-memory.ts DATA_DIR streamed|whole`: makes the Word
// file of DATA_DIR's plan and prints, as JSON, the live heap (after a full collection) before the
// conversion, its largest while the body is written (sampled every 500 paragraphs docx
// prepares), the memory alive (heap and ArrayBuffers) before the package is zipped and its
// largest while it is (sampled every 64 steps of the deflate; only `streamed` zips with JSZip),
// the file's size and word/document.xml's. `whole`: every block converted up front and the body
// written by docx alone, as before the body was streamed. tests/word-file.test.ts compares the two.
import { Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import pakoDeflate from 'pako/lib/zlib/deflate.js';
import { packDocx } from '../../src/backends/docx/pack-docx.ts';
import { toDocx } from '../../src/backends/docx/to-docx.ts';
import { liveHeap, liveMemory, startMemoryCheck } from './memory-check.ts';

const { mode, inputs, tree, creationDate } = await startMemoryCheck('word-memory.ts', ['streamed', 'whole']);

// docx's paragraph: every paragraph of the body, in a table or not, is prepared through it.
const ParagraphPrototype = Paragraph.prototype as unknown as { prepForXml: (...args: unknown[]) => unknown };
const prepare = ParagraphPrototype.prepForXml;
let paragraphs = 0;
let whileWriting = 0;
ParagraphPrototype.prepForXml = function (this: unknown, ...args: unknown[]) {
  if (paragraphs++ % 500 === 0) whileWriting = Math.max(whileWriting, liveHeap());
  return prepare.apply(this, args);
};

// The deflate (pako's) through which every piece of every part of the package passes.
const deflateStep = pakoDeflate.deflate;
let steps = 0;
let whileZipping = 0;
pakoDeflate.deflate = (...args) => {
  if (steps++ % 64 === 0) whileZipping = Math.max(whileZipping, liveMemory());
  return deflateStep(...args);
};

const before = liveHeap();
const document = toDocx(tree, inputs.theme, undefined, { convertWhenWritten: mode === 'streamed' });
const beforePacking = liveMemory();
// `whole`: docx's own packer, which writes the body at once.
const bytes = mode === 'streamed' ? await packDocx(document, creationDate) : await Packer.toBuffer(document);
const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('uint8array');
process.stdout.write(
  JSON.stringify({
    before,
    whileWriting,
    beforePacking,
    whileZipping,
    paragraphs,
    bytes: bytes.length,
    documentXml: documentXml.length,
  }),
);
