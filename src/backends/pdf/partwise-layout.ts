// Part-wise layout: pdfmake lays each section (the front matter's and each 施策's) out on its
// own, and the parts' pages are put together before the headers, page numbers and 目次 page
// numbers are added and everything is drawn into one PDF (one font subset for the document).
//
// Why: pdfmake lays the whole document out again each time its pageBreakBefore moves a node (a
// heading left at a page's foot), and its test looks at every later node of the document;
// part by part, a move costs one part's layout, and the test looks at one part's nodes. A part
// is laid out exactly as the whole document lays it out (a section always starts a page), so
// the pages, and the PDF's bytes, are the same as a whole-document layout's.
//
// pdfmake has no API for this: its Printer calls LayoutBuilder.layoutDocument with the
// definition's content, and for content marked here (partwiseContent) that call is answered
// by layoutParts below, built from the same LayoutBuilder steps pdfmake uses.
import LayoutBuilderModule from 'pdfmake/js/LayoutBuilder.js';
import type { ContentSection, DynamicContent, Node as PdfNode } from 'pdfmake/interfaces.js';

interface Position {
  pageNumber: number;
}
interface LaidOutNode {
  positions?: Position[];
}
/** pdfmake's record of an id (DocPreprocessor): the node that carries it, or a stand-in. */
interface NodeReference {
  _nodeRef: LaidOutNode;
  _pseudo?: boolean;
}
type PageBreakBefore = (node: PdfNode & { startPosition: Position }, helpers: unknown) => boolean;

/** The part of pdfmake's LayoutBuilder this module drives. */
interface LayoutBuilder {
  pageSize: unknown;
  pageMargins: unknown;
  svgMeasure: unknown;
  tableLayouts: unknown;
  linearNodeList: LaidOutNode[];
  docPreprocessor: { nodeReferences: Record<string, NodeReference> };
  docMeasure: unknown;
  writer: { context(): { pages: unknown[] } };
  layoutDocument(content: unknown, pdfDocument: unknown, ...rest: unknown[]): unknown[];
  addHeadersAndFooters(header: unknown, footer: unknown): void;
}

type LayoutDocument = (
  this: LayoutBuilder,
  content: unknown,
  pdfDocument: unknown,
  styles: unknown,
  defaultStyle: unknown,
  background: unknown,
  header: DynamicContent | undefined,
  footer: DynamicContent | undefined,
  watermark: unknown,
  pageBreakBefore: PageBreakBefore | undefined,
) => unknown[];

// Node hands a CommonJS module over as its exports object, bundlers and vitest as its default.
const LayoutBuilderClass = ((LayoutBuilderModule as { default?: unknown }).default ??
  LayoutBuilderModule) as unknown as new (
  pageSize: unknown,
  pageMargins: unknown,
  svgMeasure: unknown,
) => LayoutBuilder;
const prototype = LayoutBuilderClass.prototype as Pick<LayoutBuilder, 'addHeadersAndFooters'> & {
  layoutDocument: LayoutDocument;
};
const wholeDocumentLayout: LayoutDocument = prototype.layoutDocument;

/** Told how many parts a layout has, and of each part laid out (a build's progress line). */
export interface PartsProgress {
  planned(parts: number): void;
  done(): void;
}

const partwise = new WeakMap<object, PartsProgress | undefined>();

/** Content whose sections pdfmake is to lay out one by one (see above). */
export function partwiseContent(sections: ContentSection[], progress?: PartsProgress): ContentSection[] {
  installOnce();
  partwise.set(sections, progress);
  return sections;
}

let installed = false;
function installOnce(): void {
  if (installed) return;
  installed = true;
  prototype.layoutDocument = function (this: LayoutBuilder, content, ...rest) {
    return Array.isArray(content) && partwise.has(content)
      ? layoutParts.call(this, content as ContentSection[], partwise.get(content), ...rest)
      : wholeDocumentLayout.call(this, content, ...rest);
  };
}

function layoutParts(
  this: LayoutBuilder,
  sections: readonly ContentSection[],
  progress: PartsProgress | undefined,
  pdfDocument: unknown,
  styles: unknown,
  defaultStyle: unknown,
  background: unknown,
  header: DynamicContent | undefined,
  footer: DynamicContent | undefined,
  watermark: unknown,
  pageBreakBefore: PageBreakBefore | undefined,
): unknown[] {
  const pages: unknown[] = [];
  const references = new Map<string, NodeReference>();
  const pageReferences: [string, NodeReference][] = [];
  let last: LayoutBuilder | undefined;
  progress?.planned(sections.length);
  for (const section of sections) {
    const offset = pages.length;
    const part = new LayoutBuilderClass(this.pageSize, this.pageMargins, this.svgMeasure);
    part.tableLayouts = this.tableLayouts;
    // Headers and page numbers need the document's page numbers: added once all parts are in.
    part.addHeadersAndFooters = () => {};
    // The document's pageBreakBefore sees the document's page number (a right-hand start).
    const shiftedBreak: PageBreakBefore | undefined =
      pageBreakBefore &&
      ((node, helpers) =>
        pageBreakBefore(
          { ...node, startPosition: { ...node.startPosition, pageNumber: node.startPosition.pageNumber + offset } },
          helpers,
        ));
    const partPages = wholeDocumentLayout.call(
      part,
      [section],
      pdfDocument,
      styles,
      defaultStyle,
      background,
      undefined,
      undefined,
      watermark,
      shiftedBreak,
    );
    shiftPositions(part.linearNodeList, offset);
    for (const [id, reference] of Object.entries(part.docPreprocessor.nodeReferences)) {
      if (reference._pseudo) pageReferences.push([id, reference]);
      else references.set(id, reference);
    }
    pages.push(...partPages);
    last = part;
    progress?.done();
  }
  // A 目次 entry's page number names a heading of another part: pdfmake left it a stand-in.
  for (const [id, reference] of pageReferences) {
    const target = references.get(id);
    if (target?._nodeRef.positions) reference._nodeRef.positions = target._nodeRef.positions;
  }
  if (last) addHeadersAndFooters(last, pages, header, footer);
  return pages;
}

/** A part's pages counted from its first: moved to the document's numbering. */
function shiftPositions(nodes: readonly LaidOutNode[], offset: number): void {
  if (offset === 0) return;
  const seen = new Set<Position>();
  for (const node of nodes)
    for (const position of node.positions ?? []) {
      if (seen.has(position)) continue;
      seen.add(position);
      position.pageNumber += offset;
    }
}

/**
 * pdfmake's own header and footer pass, over the whole document's pages, by the builder of the
 * last part: its writer is where a whole-document layout's would be after the last section.
 */
function addHeadersAndFooters(
  last: LayoutBuilder,
  pages: unknown[],
  header: DynamicContent | undefined,
  footer: DynamicContent | undefined,
): void {
  last.writer.context().pages = pages;
  prototype.addHeadersAndFooters.call(last, header, footer);
}
