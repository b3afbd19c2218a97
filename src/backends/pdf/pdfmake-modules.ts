// The classes of pdfmake's CommonJS build that the part-wise layout drives (partwise-layout.ts,
// part-record.ts), whose drawing it records and replays (drawn-pages.ts), whose fonts are
// shared between documents (shared-fonts.ts) and whose style lookups are replaced
// (style-lookup.ts): the same module instances pdfmake's Printer uses.
import LayoutBuilderModule from 'pdfmake/js/LayoutBuilder.js';
import DocPreprocessorModule from 'pdfmake/js/DocPreprocessor.js';
import DocMeasureModule from 'pdfmake/js/DocMeasure.js';
import DocumentContextModule from 'pdfmake/js/DocumentContext.js';
import PageElementWriterModule from 'pdfmake/js/PageElementWriter.js';
import LineModule from 'pdfmake/js/Line.js';
import PDFDocumentModule from 'pdfmake/js/PDFDocument.js';
import RendererModule from 'pdfmake/js/Renderer.js';
import StyleContextStackModule from 'pdfmake/js/StyleContextStack.js';
import TextInlinesModule from 'pdfmake/js/TextInlines.js';

type Class = new (...args: unknown[]) => unknown;

// Node hands a CommonJS module over as its exports object, bundlers and vitest as its default.
const unwrap = (module: { default?: Class }): Class => module.default ?? (module as unknown as Class);

export const LayoutBuilder = unwrap(LayoutBuilderModule);
export const DocPreprocessor = unwrap(DocPreprocessorModule);
export const DocMeasure = unwrap(DocMeasureModule);
export const DocumentContext = unwrap(DocumentContextModule);
export const PageElementWriter = unwrap(PageElementWriterModule);
export const Line = unwrap(LineModule);
export const PDFDocument = unwrap(PDFDocumentModule);
export const Renderer = unwrap(RendererModule);
export const StyleContextStack = unwrap(StyleContextStackModule);
export const TextInlines = unwrap(TextInlinesModule);
