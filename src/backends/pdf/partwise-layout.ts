// Part-wise layout: pdfmake lays each section (the front matter's and each 施策's) out on its
// own, and the parts' pages are put together, each part given its headers, page numbers and 目次
// page numbers as it is drawn into one PDF (one font subset for the document). Between its
// layout and its drawing a part is held as its record (part-record.ts), so that memory holds one
// part's pages at a time.
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
import {
  readPartMeta,
  recordPart,
  restorePages,
  sectionProperties,
  type LaidOutPage,
  type PageReference,
  type PartFacts,
  type PartMeta,
  type Position,
} from './part-record.ts';
import {
  recordedBody,
  replayable,
  replayedBody,
  replayedWatermark,
  withDrawnParts,
  type DrawnFont,
  type PartDrawing,
} from './drawn-pages.ts';
import { useStreamMemo, type StreamMemo } from './stream-memo.ts';
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
  /** The drawn pages of the part under `key` (drawn-pages.ts), if kept. */
  drawn(key: string): Uint8Array | undefined;
  putDrawn(key: string, record: Uint8Array): void;
}

export interface PartwiseOptions {
  readonly progress?: PartsProgress;
  readonly cache?: PartCache;
  /** The streams and font subsets the document's last build compressed (stream-memo.ts). */
  readonly streams?: StreamMemo;
}

const partwise = new WeakMap<object, PartwiseOptions>();
/** The document's page of each id, once its parts are laid out, by the content they were given as. */
const pagesByContent = new WeakMap<object, ReadonlyMap<string, number>>();

/**
 * The first page of each element with an id in part-wise content, in the document's numbering
 * (first in document order): read from the parts' facts, not from a walk of every node.
 */
export function partwisePagesById(content: unknown): ReadonlyMap<string, number> | undefined {
  return typeof content === 'object' && content !== null ? pagesByContent.get(content) : undefined;
}

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
  const { progress, cache, streams } = options;
  if (streams) useStreamMemo(pdfDocument, streams);
  const parts: Part[] = [];
  let pageCount = 0;
  /** Pages of parts kept as laid out (the rest are held as records until drawn). */
  let livePages = 0;
  /** The document's page of each id a page number can name. */
  const referencePages = new Map<string, number>();
  /** Page number references of parts kept as pdfmake laid them out: filled once every part is in. */
  const toFill: (readonly [string, PageReference])[] = [];
  const pagesById = new Map<string, number>();
  pagesByContent.set(sections, pagesById);
  progress?.planned(sections.length);
  sections.forEach((section, index) => {
    const offset = pageCount;
    const key = cache?.key(index, offset + 1);
    const kept = key === undefined ? undefined : cache!.get(key);
    const keptMeta = kept && readPartMeta(kept);
    let part: Part;
    if (keptMeta) {
      part = heldAsRecord(offset, section, kept, keptMeta, pdfDocument);
      cache!.used(key!);
    } else {
      // Laid out on a copy, dropped once recorded: what pdfmake measured and placed of a part
      // is kept only as its record, so memory holds one part's layout, not the document's.
      const copy = copySection(section);
      const laidOut = layoutPart(
        this,
        copy,
        offset,
        pdfDocument,
        styles,
        defaultStyle,
        background,
        watermark,
        pageBreakBefore,
      );
      const references = Object.entries(laidOut.references);
      const facts: PartFacts = {
        ids: [...idPages(copy)],
        references: references.flatMap(([id, r]) =>
          r._pseudo ? [] : [[id, r._nodeRef.positions?.[0]?.pageNumber ?? 0] as const],
        ),
        tops: topNodes(copy).map((node) => node.positions?.[0]?.pageNumber ?? 0),
      };
      const pageRefs = new Map(references.map(([id, r]) => [r._nodeRef as object, id]));
      // A short document's parts stay as laid out (reading a record back costs more than it
      // saves); past LIVE_PAGES a part is held as its record. out/.cache keeps a record of each.
      const live = livePages + laidOut.pages.length <= LIVE_PAGES;
      const record =
        key !== undefined || !live
          ? recordPart(laidOut.pages, facts, laidOut.fonts, pdfDocument.fontCache, pageRefs)
          : undefined;
      if (record && key !== undefined) cache!.put(key, record.bytes);
      if (record && !live) part = heldAsRecord(offset, section, record.bytes, record.meta, pdfDocument);
      else {
        // Kept as laid out (also pages a record cannot hold, a picture), in the document's numbering.
        shiftPositions(laidOut.nodes, offset);
        for (const [id, reference] of references) if (reference._pseudo) toFill.push([id, reference._nodeRef]);
        part = {
          first: offset,
          section,
          facts,
          shapes: laidOut.pages,
          held: { pages: laidOut.pages },
          fonts: laidOut.fonts,
        };
        livePages += laidOut.pages.length;
      }
    }
    if (key !== undefined) part = { ...part, drawing: partDrawing(cache!, key, part, pdfDocument) };
    setTopPositions(section, part.facts, offset);
    for (const [id, page] of part.facts.ids) if (!pagesById.has(id)) pagesById.set(id, page + offset);
    for (const [id, page] of part.facts.references) referencePages.set(id, page + offset);
    pageCount += part.shapes.length;
    parts.push(part);
    progress?.done(keptMeta !== undefined);
  });
  // A 目次 entry's page number names a heading of another part: filled in now.
  for (const [id, reference] of toFill) {
    const page = referencePages.get(id);
    if (page !== undefined) reference.positions = [{ pageNumber: page }];
  }
  if (pageCount === 0) return [];
  const headers = headerPass(this, parts, pageCount, pdfDocument, styles, defaultStyle, header, footer);
  return drawnPartByPart(parts, referencePages, headers);
}

/**
 * How many pages of freshly laid-out parts are kept as pdfmake laid them out: the whole of a
 * short document (the shipped plan has 23 pages, an excerpt a few), a bounded share of a long one.
 */
const LIVE_PAGES = 50;

/** A section's part of the document. */
interface Part {
  /** Its first page in the document, counted from 0. */
  readonly first: number;
  readonly section: ContentSection;
  readonly facts: PartFacts;
  /** Each of its pages' size and margins. */
  readonly shapes: readonly { readonly pageSize: unknown; readonly pageMargins: unknown }[];
  /** Its pages as laid out, or its record (its pages read from it when drawn). */
  readonly held: { readonly pages: LaidOutPage[] } | { readonly record: PartRecordIn };
  /** The fonts its layout asked for, in the order first asked. */
  readonly fonts: readonly (readonly [string, string])[];
  /** Its drawn pages: recorded as drawn, or replayed from out/.cache (drawn-pages.ts). */
  readonly drawing?: PartDrawing | undefined;
}
interface PartRecordIn {
  readonly bytes: Uint8Array;
  readonly meta: PartMeta;
  /** This document's fonts, in the record's order. */
  readonly fonts: readonly object[];
}

/** A part held as its record, its fonts asked as its layout asked them (the PDF numbers its fonts in that order). */
function heldAsRecord(
  first: number,
  section: ContentSection,
  bytes: Uint8Array,
  meta: PartMeta,
  pdfDocument: PdfDocument,
): Part {
  const fonts = meta.fonts.map(([family, face]) => provideFace(pdfDocument, family, face));
  return {
    first,
    section,
    facts: meta,
    shapes: meta.pages,
    held: { record: { bytes, meta, fonts } },
    fonts: meta.fonts,
  };
}

/** How a part with a key in out/.cache is drawn: its drawn pages replayed, or recorded. */
function partDrawing(cache: PartCache, key: string, part: Part, pdfDocument: PdfDocument): PartDrawing | undefined {
  const fonts = part.fonts.map(([family, face]) => pdfDocument.fontCache[family]?.[face]);
  if (fonts.some((font) => font === undefined)) return undefined;
  return {
    fonts: fonts as unknown as DrawnFont[],
    pageCount: part.shapes.length,
    kept: cache.drawn(key),
    keep: (record) => cache.putDrawn(key, record),
    used: () => cache.used(key),
  };
}

/** One section laid out by a builder of its own, its pages counted from its first. */
function layoutPart(
  template: Builder,
  section: ContentSection,
  offset: number,
  pdfDocument: PdfDocument,
  styles: unknown,
  defaultStyle: unknown,
  background: unknown,
  watermark: unknown,
  pageBreakBefore: PageBreakBefore | undefined,
): {
  pages: LaidOutPage[];
  references: Record<string, NodeReference>;
  fonts: [string, string][];
  nodes: LaidOutNode[];
} {
  const part = new LayoutBuilderClass(template.pageSize, template.pageMargins, template.svgMeasure);
  part.tableLayouts = template.tableLayouts;
  // Headers and page numbers need the document's page numbers: added when the part is drawn.
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
  const pages = wholeDocumentLayout.call(
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
  return {
    pages,
    references: part.docPreprocessor.nodeReferences,
    fonts: requested.stop(),
    nodes: part.linearNodeList,
  };
}

/**
 * A section's definition, copied for pdfmake to preprocess, measure and place (it writes into
 * the nodes it is given): plain objects and arrays anew, anything else (a header function) as
 * it is; an object met twice is copied once, as the definition shares it.
 */
function copySection(section: ContentSection): ContentSection {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return value;
    const known = copies.get(value);
    if (known) return known;
    if (Array.isArray(value)) {
      const array: unknown[] = [];
      copies.set(value, array);
      for (const element of value) array.push(copy(element));
      return array;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    const object: Record<string, unknown> = {};
    copies.set(value, object);
    for (const [k, v] of Object.entries(value)) object[k] = copy(v);
    return object;
  };
  return copy(section) as ContentSection;
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
 * A part is laid out on a copy, or not at all (from out/.cache): its section's top-level blocks
 * get the pages pdfmake gave them (the document's numbering), which the running header (the
 * section's first page) reads. The pages of its ids are the part's facts (partwisePagesById).
 */
function setTopPositions(section: ContentSection, facts: PartFacts, offset: number): void {
  topNodes(section).forEach((node, i) => {
    const top = facts.tops[i] ?? 0;
    if (top > 0) node.positions = [{ pageNumber: top + offset }];
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
 * pdfmake's own header and footer pass (LayoutBuilder.addHeadersAndFooters), run on one part's
 * pages at a time as they are drawn: its builder's writer stands on the document's last page, as
 * a whole-document layout's does after the last section, and its context holds the document's
 * page count, the part's pages in their places and elsewhere a page it passes over.
 */
function headerPass(
  template: Builder,
  parts: readonly Part[],
  pageCount: number,
  pdfDocument: PdfDocument,
  styles: unknown,
  defaultStyle: unknown,
  header: DynamicContent | undefined,
  footer: DynamicContent | undefined,
): (first: number, pages: readonly LaidOutPage[]) => void {
  const builder = new LayoutBuilderClass(template.pageSize, template.pageMargins, template.svgMeasure);
  builder.tableLayouts = template.tableLayouts;
  builder.linearNodeList = [];
  builder.docPreprocessor = new DocPreprocessor() as Builder['docPreprocessor'];
  builder.docMeasure = new DocMeasure(pdfDocument, styles, defaultStyle, template.svgMeasure, template.tableLayouts);
  const context = new DocumentContext() as LayoutContext;
  const lastPart = parts[parts.length - 1]!;
  const last = lastPart.shapes.at(-1)!;
  context.addPage(last.pageSize, last.pageMargins);
  // A null header and footer: pdfmake's pass goes on to the next page.
  const passedOver = { items: [], pageSize: last.pageSize, customProperties: { header: null, footer: null } };
  context.pages = Array.from({ length: pageCount }, () => passedOver as unknown as LaidOutPage);
  context.backgroundLength = context.pages.map(() => 0);
  builder.writer = new PageElementWriter(context) as Builder['writer'];
  return (first, pages) => {
    pages.forEach((page, i) => (context.pages[first + i] = page));
    context.page = pageCount - 1;
    prototype.addHeadersAndFooters.call(builder, header, footer);
    pages.forEach((_, i) => (context.pages[first + i] = passedOver as unknown as LaidOutPage));
  };
}

/**
 * The document's pages for pdfmake's renderer, which draws them in order: each part's pages are
 * read from its record (and given their headers) when its first page is drawn, and let go when
 * the next part's are, so that memory holds one part's pages, not the document's.
 */
function drawnPartByPart(
  parts: readonly Part[],
  referencePages: ReadonlyMap<string, number>,
  addHeaders: (first: number, pages: readonly LaidOutPage[]) => void,
): LaidOutPage[] {
  let current: { part: Part; pages: readonly LaidOutPage[] } | undefined;
  const withHeaders = new Set<Part>();
  const reference = (id: string): PageReference => {
    const page = referencePages.get(id);
    return page === undefined ? {} : { positions: [{ pageNumber: page }] };
  };
  const pagesOf = (part: Part): readonly LaidOutPage[] => {
    if (current?.part === part) return current.pages;
    const { held, drawing } = part;
    let pages: LaidOutPage[];
    if (drawing && replayable(drawing)) {
      // Its body written again as drawn: its pages hold only what the header pass adds.
      pages = part.shapes.map(({ pageSize, pageMargins }, i) => {
        const page: LaidOutPage = {
          items: replayedBody(drawing, i),
          pageSize,
          pageMargins,
          customProperties:
            'record' in held
              ? sectionProperties(part.section, held.record.meta.pages[i]!.customProperties)
              : held.pages[i]!.customProperties,
        };
        const watermark = replayedWatermark(drawing, i);
        if (watermark) page.watermark = watermark;
        return page;
      });
      addHeaders(part.first, pages);
    } else {
      pages =
        'record' in held
          ? restorePages(held.record.bytes, held.record.meta, held.record.fonts, part.section as never, reference)
          : held.pages;
      // A part kept as laid out is the same pages each time: its headers are added once.
      if ('record' in held || !withHeaders.has(part)) {
        // Its body between marks, so that its drawing is recorded (drawn-pages.ts).
        if (drawing) for (const [i, page] of pages.entries()) page.items = recordedBody(drawing, i, page.items);
        addHeaders(part.first, pages);
      }
      withHeaders.add(part);
    }
    current = { part, pages };
    return pages;
  };
  const pages = parts.flatMap((part) => {
    return part.shapes.map(({ pageSize, pageMargins }, i) => {
      const page = () => pagesOf(part)[i]!;
      return {
        pageSize,
        pageMargins,
        get items() {
          return page().items;
        },
        get watermark() {
          return page().watermark;
        },
        get customProperties() {
          return page().customProperties;
        },
      };
    });
  });
  return withDrawnParts(pages);
}
