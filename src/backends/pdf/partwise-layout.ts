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
import { DocMeasure, DocPreprocessor, DocumentContext, LayoutBuilder, PageElementWriter } from './pdfmake-modules.ts';
import { recordPart, restorePart, type LaidOutPage, type PartFacts, type Position } from './part-record.ts';
import type { ContentSection, DynamicContent, Node as PdfNode } from 'pdfmake/interfaces.js';

interface LaidOutNode {
  positions?: Position[];
}
/** pdfmake's record of an id (DocPreprocessor): the node that carries it, or a stand-in. */
interface NodeReference {
  _nodeRef: LaidOutNode;
  _pseudo?: boolean;
}
type PageBreakBefore = (node: PdfNode & { startPosition: Position }, helpers: unknown) => boolean;

/** The part of pdfmake's PDFDocument (its pdfkit document) this module uses. */
interface PdfDocument {
  fontCache: Record<string, Record<string, object>>;
  provideFont: (family: string, bold: boolean, italics: boolean) => object;
}

/** The part of pdfmake's DocumentContext the header pass sets up. */
interface LayoutContext {
  pages: LaidOutPage[];
  backgroundLength: number[];
  page: number;
  addPage(pageSize: unknown, pageMargins: unknown): unknown;
}

/** The part of pdfmake's LayoutBuilder this module drives. */
interface Builder {
  pageSize: unknown;
  pageMargins: unknown;
  svgMeasure: unknown;
  tableLayouts: unknown;
  linearNodeList: LaidOutNode[];
  docPreprocessor: { nodeReferences: Record<string, NodeReference> };
  docMeasure: unknown;
  writer: { context(): { pages: unknown[] } };
  addHeadersAndFooters(header: unknown, footer: unknown): void;
}

/** The arguments of pdfmake's LayoutBuilder.layoutDocument after the content. */
type LayoutArguments = [
  pdfDocument: PdfDocument,
  styles: unknown,
  defaultStyle: unknown,
  background: unknown,
  header: DynamicContent | undefined,
  footer: DynamicContent | undefined,
  watermark: unknown,
  pageBreakBefore: PageBreakBefore | undefined,
];
type LayoutDocument = (this: Builder, content: unknown, ...rest: LayoutArguments) => unknown[];

const LayoutBuilderClass = LayoutBuilder as unknown as new (
  pageSize: unknown,
  pageMargins: unknown,
  svgMeasure: unknown,
) => Builder;
const prototype = LayoutBuilderClass.prototype as Pick<Builder, 'addHeadersAndFooters'> & {
  layoutDocument: LayoutDocument;
};
const wholeDocumentLayout: LayoutDocument = prototype.layoutDocument;

/** Told how many parts a layout has, and of each part laid out or taken from out/.cache. */
export interface PartsProgress {
  planned(parts: number): void;
  done(fromCache: boolean): void;
}

/**
 * out/.cache's part records (part-record.ts): read before the layout starts (it cannot wait),
 * written only if the build succeeds.
 */
export interface PartCache {
  /** The key of section `index` laid out from the document's page `startPage`. */
  key(index: number, startPage: number): string;
  get(key: string): Uint8Array | undefined;
  /** The record under `key` was used (it stays in the cache). */
  used(key: string): void;
  put(key: string, record: Uint8Array): void;
}

export interface PartwiseOptions {
  readonly progress?: PartsProgress;
  readonly cache?: PartCache;
}

const partwise = new WeakMap<object, PartwiseOptions>();

/** Content whose sections pdfmake is to lay out one by one (see above). */
export function partwiseContent(sections: ContentSection[], options: PartwiseOptions = {}): ContentSection[] {
  installOnce();
  partwise.set(sections, options);
  return sections;
}

let installed = false;
function installOnce(): void {
  if (installed) return;
  installed = true;
  prototype.layoutDocument = function (this: Builder, content, ...rest) {
    const options = Array.isArray(content) ? partwise.get(content) : undefined;
    return options
      ? layoutParts.call(this, content as ContentSection[], options, ...rest)
      : wholeDocumentLayout.call(this, content, ...rest);
  };
}

function layoutParts(
  this: Builder,
  sections: readonly ContentSection[],
  options: PartwiseOptions,
  ...[pdfDocument, styles, defaultStyle, background, header, footer, watermark, pageBreakBefore]: LayoutArguments
): unknown[] {
  const { progress, cache } = options;
  const pages: LaidOutPage[] = [];
  /** The document's page of each id a page number can name. */
  const referencePages = new Map<string, number>();
  /** Page number references to fill in once every part is in: the id each names. */
  const toFill: (readonly [string, { positions?: Position[] }])[] = [];
  progress?.planned(sections.length);
  sections.forEach((section, index) => {
    const offset = pages.length;
    const key = cache?.key(index, offset + 1);
    const kept = key === undefined ? undefined : cache!.get(key);
    const restored =
      kept && restorePart(kept, (family, face) => provideFace(pdfDocument, family, face), section as never);
    if (restored) {
      setPositions(section, restored.facts, offset);
      for (const [id, page] of restored.facts.references) referencePages.set(id, page + offset);
      toFill.push(...restored.pageRefs);
      pages.push(...restored.pages);
      cache!.used(key!);
      progress?.done(true);
      return;
    }
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
    const requested = recordFontRequests(pdfDocument);
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
    ) as LaidOutPage[];
    const fonts = requested.stop();
    const references = Object.entries(part.docPreprocessor.nodeReferences);
    if (key !== undefined) {
      const facts: PartFacts = {
        ids: [...idPages(section)],
        references: references.flatMap(([id, r]) =>
          r._pseudo ? [] : [[id, r._nodeRef.positions?.[0]?.pageNumber ?? 0] as const],
        ),
        tops: topNodes(section).map((node) => node.positions?.[0]?.pageNumber ?? 0),
      };
      const pageRefs = new Map(references.map(([id, r]) => [r._nodeRef as object, id]));
      const bytes = recordPart(partPages, facts, fonts, pdfDocument.fontCache, pageRefs);
      if (bytes) cache!.put(key, bytes);
    }
    shiftPositions(part.linearNodeList, offset);
    for (const [id, reference] of references) {
      if (reference._pseudo) toFill.push([id, reference._nodeRef]);
      else referencePages.set(id, reference._nodeRef.positions?.[0]?.pageNumber ?? 0);
    }
    pages.push(...partPages);
    progress?.done(false);
  });
  // A 目次 entry's page number names a heading of another part: filled in now.
  for (const [id, reference] of toFill) {
    const page = referencePages.get(id);
    if (page !== undefined) reference.positions = [{ pageNumber: page }];
  }
  if (pages.length > 0) addHeadersAndFooters(this, pages, pdfDocument, styles, defaultStyle, header, footer);
  return pages;
}

/** Calls `visit` on a definition's node and each node inside it, in document order. */
function eachNode(node: unknown, visit: (node: { id?: unknown; positions?: Position[] }) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) eachNode(n, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  visit(node);
  for (const key of ['content', 'section', 'stack', 'columns', 'table', 'body'])
    if (key in node) eachNode((node as Record<string, unknown>)[key], visit);
}

/** The first page of each element with an id in a laid-out node (first in document order). */
export function idPages(node: unknown): Map<string, number> {
  const pages = new Map<string, number>();
  eachNode(node, (n) => {
    if (typeof n.id === 'string' && n.positions?.[0] && !pages.has(n.id)) pages.set(n.id, n.positions[0].pageNumber);
  });
  return pages;
}

/**
 * A part from out/.cache is not laid out: its section's nodes get the pages pdfmake gave them
 * (the document's numbering), which the running header (the section's first page) and the
 * document's page map (each id's page) read.
 */
function setPositions(section: ContentSection, facts: PartFacts, offset: number): void {
  const ids = new Map(facts.ids);
  eachNode(section, (n) => {
    const page = typeof n.id === 'string' ? ids.get(n.id) : undefined;
    if (page !== undefined) n.positions = [{ pageNumber: page + offset }];
  });
  topNodes(section).forEach((node, i) => {
    const top = facts.tops[i] ?? 0;
    if (top > 0 && !node.positions) node.positions = [{ pageNumber: top + offset }];
  });
}

/** A section's top-level blocks: its array, which pdfmake's preprocessing makes a stack. */
function topNodes(section: ContentSection): LaidOutNode[] {
  const blocks = section.section as unknown as LaidOutNode[] | { stack: LaidOutNode[] };
  return Array.isArray(blocks) ? blocks : blocks.stack;
}

/** The fonts a part's layout asks pdfmake for, in the order first asked (restored alike). */
function recordFontRequests(pdfDocument: PdfDocument): { stop(): [string, string][] } {
  const asked: [string, string][] = [];
  const seen = new Set<string>();
  const own = Object.hasOwn(pdfDocument, 'provideFont');
  const original = pdfDocument.provideFont;
  pdfDocument.provideFont = (family, bold, italics) => {
    const face = faceName(bold, italics);
    if (!seen.has(`${family}\n${face}`)) {
      seen.add(`${family}\n${face}`);
      asked.push([family, face]);
    }
    return original.call(pdfDocument, family, bold, italics);
  };
  return {
    stop() {
      if (own) pdfDocument.provideFont = original;
      else delete (pdfDocument as Partial<PdfDocument>).provideFont;
      return asked;
    },
  };
}

/** pdfmake's names of a font's faces (PDFDocument.getFontType). */
const faceName = (bold: boolean, italics: boolean) =>
  bold && italics ? 'bolditalics' : bold ? 'bold' : italics ? 'italics' : 'normal';

function provideFace(pdfDocument: PdfDocument, family: string, face: string): object {
  return pdfDocument.provideFont(family, face === 'bold' || face === 'bolditalics', face.includes('italics'));
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
 * pdfmake's own header and footer pass, over the whole document's pages, by a builder whose
 * writer stands on the last page, as a whole-document layout's does after the last section
 * (whether the parts were laid out now or came from out/.cache).
 */
function addHeadersAndFooters(
  template: Builder,
  pages: LaidOutPage[],
  pdfDocument: PdfDocument,
  styles: unknown,
  defaultStyle: unknown,
  header: DynamicContent | undefined,
  footer: DynamicContent | undefined,
): void {
  const builder = new LayoutBuilderClass(template.pageSize, template.pageMargins, template.svgMeasure);
  builder.tableLayouts = template.tableLayouts;
  builder.linearNodeList = [];
  builder.docPreprocessor = new DocPreprocessor() as Builder['docPreprocessor'];
  builder.docMeasure = new DocMeasure(pdfDocument, styles, defaultStyle, template.svgMeasure, template.tableLayouts);
  const context = new DocumentContext() as LayoutContext;
  const last = pages[pages.length - 1]!;
  context.addPage(last.pageSize, last.pageMargins);
  context.pages = pages;
  context.backgroundLength = pages.map(() => 0);
  context.page = pages.length - 1;
  builder.writer = new PageElementWriter(context) as Builder['writer'];
  prototype.addHeadersAndFooters.call(builder, header, footer);
}
