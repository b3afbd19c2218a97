// A part's laid-out pages as bytes, and back: how the print layout (backends/pdf/partwise-layout.ts)
// holds each part until its pages are drawn, and what out/.cache keeps of it, so that a rebuild
// lays out only the parts whose definition changed. The pages are pdfmake's own (lines of positioned text, vectors), with
// what ties them to the layout run replaced by names: a font by its family and face, a page
// number reference by the id it names, a page's header and footer by the section's own.
// Pages with anything else on them (a picture, a clip) are not kept: the part is laid out again.
import { Line } from './pdfmake-modules.ts';
import { deflateKept, inflateKept } from '../kept-record.ts';

/** pdfmake's font cache (PDFDocument.fontCache): family → face (normal, bold…) → font. */
export type FontCache = Record<string, Record<string, object>>;

/** A place pdfmake laid a node out: its page, counted from 1. */
export interface Position {
  pageNumber: number;
}
export interface PageReference {
  positions?: Position[];
}
/** A laid-out page of pdfmake's. */
export interface LaidOutPage {
  items: { type: string; item: Record<string, unknown> }[];
  pageSize: unknown;
  pageMargins: unknown;
  customProperties: Record<string, unknown>;
  watermark?: Record<string, unknown>;
}

/** What a part's layout yields besides its pages, all counted from the part's first page (1). */
export interface PartFacts {
  /** The first page of each element with an id, as the document's page map reads it. */
  readonly ids: readonly (readonly [string, number])[];
  /** The first page of each id that pdfmake can refer to (a 目次 page number names one). */
  readonly references: readonly (readonly [string, number])[];
  /** The first page of each top-level block of the section (a running header asks it), 0 if none. */
  readonly tops: readonly number[];
}

/** What a record says of its part before its pages are read (read during the layout). */
export interface PartMeta extends PartFacts {
  /** The fonts its layout asked for, in the order first asked. */
  readonly fonts: readonly (readonly [string, string])[];
  /** Each page's size, margins and the names of its section's own page properties (header…). */
  readonly pages: readonly PageMeta[];
}
interface PageMeta {
  readonly pageSize: unknown;
  readonly pageMargins: unknown;
  readonly customProperties: readonly string[];
}
/** What a record keeps of a page besides its PageMeta: what is drawn on it. */
interface PageContent {
  items: LaidOutPage['items'];
  watermark?: Record<string, unknown>;
}

/**
 * A shallow copy of `object` without `keys`, its other keys in their order. Written out because
 * it runs for every line and text run of a document: through Object.entries and fromEntries it
 * was 45% of recording a part.
 */
function without(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) if (!keys.includes(key)) copy[key] = object[key];
  return copy;
}

/** Thrown inside serialization: the pages hold something this record does not keep. */
class NotKept extends Error {}

export interface PartRecord {
  /** The record: its meta and its pages' content, each deflated (kept-record.ts), the meta's length first (4 bytes). */
  readonly bytes: Uint8Array;
  readonly meta: PartMeta;
}

/**
 * The part's pages and facts as bytes, or undefined when its pages hold what cannot be kept.
 * `fonts`: the fonts its layout asked for, in the order first asked (restored in that order, so
 * that the PDF names and numbers its fonts as a fresh layout would); `pageRefs`: the id each
 * page number reference object stands for.
 */
export function recordPart(
  pages: readonly LaidOutPage[],
  facts: PartFacts,
  fonts: readonly (readonly [string, string])[],
  fontCache: FontCache,
  pageRefs: ReadonlyMap<object, string>,
): PartRecord | undefined {
  const fontIndex = new Map<object, number>();
  fonts.forEach(([family, face], i) => {
    const font = fontCache[family]?.[face];
    if (font) fontIndex.set(font, i);
  });
  const font = (value: unknown): number => {
    const index = fontIndex.get(value as object);
    if (index === undefined) throw new NotKept('font');
    return index;
  };
  const reference = (value: unknown): string => {
    const id = pageRefs.get(value as object);
    if (id === undefined) throw new NotKept('page reference');
    return id;
  };
  // What ties an item to the layout run (its node, the layout's reset, pdfmake's reference
  // records) is left out; a font and a page number reference are kept by name.
  const inline = (i: Record<string, unknown>) => ({
    ...without(i, ['font', '_pageRef', '_pageNodeRef']),
    font: font(i.font),
    ...(i._pageNodeRef ? { _pageNodeRef: reference(i._pageNodeRef) } : {}),
  });
  const item = ({ type, item: it }: LaidOutPage['items'][number]) => {
    if (type === 'vector') return { type, item: without(it, ['resetXY']) };
    if (type !== 'line') throw new NotKept(type);
    return {
      type,
      item: {
        ...without(it, ['_node', '_pageNodeRef', 'inlines']),
        inlines: (it.inlines as Record<string, unknown>[]).map(inline),
        ...(it._pageNodeRef ? { _pageNodeRef: reference(it._pageNodeRef) } : {}),
      },
    };
  };
  try {
    const content = pages.map(({ items, watermark }) => ({
      items: items.map(item),
      ...(watermark ? { watermark: { ...watermark, font: font(watermark.font) } } : {}),
    }));
    const meta: PartMeta = {
      ...facts,
      fonts,
      // The section's header and footer (functions): taken from the section again.
      pages: pages.map(({ pageSize, pageMargins, customProperties }) => ({
        pageSize,
        pageMargins,
        customProperties: Object.keys(customProperties),
      })),
    };
    const head = deflateKept(JSON.stringify(meta));
    const body = deflateKept(JSON.stringify(content));
    const bytes = new Uint8Array(4 + head.length + body.length);
    new DataView(bytes.buffer).setUint32(0, head.length);
    bytes.set(head, 4);
    bytes.set(body, 4 + head.length);
    return { bytes, meta };
  } catch (error) {
    if (error instanceof NotKept) return undefined;
    throw error;
  }
}

/** A page's own properties (its header and footer functions), named in a record: the section's. */
export function sectionProperties(section: object, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((key) => [key, (section as Record<string, unknown>)[key]]));
}

/** The length of a record's deflated meta, which its first four bytes give (big-endian). */
const metaLength = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);

/** A record's meta, or undefined when the bytes are not a record (a damaged or foreign entry). */
export function readPartMeta(bytes: Uint8Array): PartMeta | undefined {
  try {
    const meta = JSON.parse(inflateKept(bytes.subarray(4, 4 + metaLength(bytes))).toString('utf8')) as PartMeta;
    const valid =
      Array.isArray(meta?.pages) &&
      Array.isArray(meta.fonts) &&
      Array.isArray(meta.ids) &&
      Array.isArray(meta.references) &&
      Array.isArray(meta.tops);
    return valid ? meta : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A record's pages, pdfmake's again: `fonts` are this document's fonts in the record's order,
 * headers and footers come from `section`, and each page number reference is a fresh object
 * that `reference` makes for the id it names. Read while the document is drawn, when laying the
 * part out again is no longer possible: a record that does not match its meta throws (out/.cache
 * checks each entry's sha256 when it reads it, so only keikaku's own mistake can bring one).
 */
export function restorePages(
  bytes: Uint8Array,
  meta: PartMeta,
  fonts: readonly object[],
  section: Record<string, unknown>,
  reference: (id: string) => PageReference,
): LaidOutPage[] {
  const content = JSON.parse(inflateKept(bytes.subarray(4 + metaLength(bytes))).toString('utf8')) as PageContent[];
  if (!Array.isArray(content) || content.length !== meta.pages.length)
    throw new Error('part record: its pages do not match its meta');
  return content.map(({ items, watermark }, i) => {
    for (const { type, item } of items) {
      if (type !== 'line') continue;
      Object.setPrototypeOf(item, Line.prototype as object);
      if (item._pageNodeRef !== undefined) item._pageNodeRef = reference(item._pageNodeRef as string);
      for (const inline of item.inlines as Record<string, unknown>[]) {
        inline.font = fonts[inline.font as number];
        if (inline._pageNodeRef !== undefined) inline._pageNodeRef = reference(inline._pageNodeRef as string);
      }
    }
    const { pageSize, pageMargins, customProperties } = meta.pages[i]!;
    const page: LaidOutPage = {
      items,
      pageSize,
      pageMargins,
      customProperties: sectionProperties(section, customProperties),
    };
    if (watermark) page.watermark = { ...watermark, font: fonts[watermark.font as number] };
    return page;
  });
}
