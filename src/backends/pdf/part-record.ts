// A part's laid-out pages as bytes, and back: what out/.cache keeps of each part of the print
// layout (backends/pdf/partwise-layout.ts), so that a rebuild lays out only the parts whose
// definition changed. The pages are pdfmake's own (lines of positioned text, vectors), with
// what ties them to the layout run replaced by names: a font by its family and face, a page
// number reference by the id it names, a page's header and footer by the section's own.
// Pages with anything else on them (a picture, a clip) are not kept: the part is laid out again.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Line } from './pdfmake-modules.ts';

/** pdfmake's font cache (PDFDocument.fontCache): family → face (normal, bold…) → font. */
export type FontCache = Record<string, Record<string, object>>;

/** A place pdfmake laid a node out: its page, counted from 1. */
export interface Position {
  pageNumber: number;
}
interface PageReference {
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

interface Record_ extends PartFacts {
  readonly fonts: readonly (readonly [string, string])[];
  readonly pages: readonly unknown[];
}

const without = (object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

/** Thrown inside serialization: the pages hold something this record does not keep. */
class NotKept extends Error {}

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
): Uint8Array | undefined {
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
    const record: Record_ = {
      ...facts,
      fonts,
      pages: pages.map(({ items, customProperties, watermark, ...page }) => ({
        ...page,
        items: items.map(item),
        // The section's header and footer (functions): taken from the section again.
        customProperties: Object.keys(customProperties),
        ...(watermark ? { watermark: { ...watermark, font: font(watermark.font) } } : {}),
      })),
    };
    // JSON of positioned text repeats itself: deflated at the fastest level it is a tenth.
    return deflateRawSync(JSON.stringify(record), { level: 1 });
  } catch (error) {
    if (error instanceof NotKept) return undefined;
    throw error;
  }
}

export interface RestoredPart {
  readonly pages: LaidOutPage[];
  readonly facts: PartFacts;
  /** Each page number reference of the part, by the id it names: filled in when all parts are in. */
  readonly pageRefs: readonly (readonly [string, PageReference])[];
}

/**
 * The pages of a record, pdfmake's again: fonts from this document's `provideFont`, headers and
 * footers from `section`, page number references as fresh objects to fill in. Undefined when the
 * record is not one (a damaged or foreign entry is laid out again).
 */
export function restorePart(
  bytes: Uint8Array,
  provideFont: (family: string, face: string) => object,
  section: Record<string, unknown>,
): RestoredPart | undefined {
  let record: Record_;
  try {
    record = JSON.parse(inflateRawSync(bytes).toString('utf8')) as Record_;
  } catch {
    return undefined;
  }
  if (!Array.isArray(record?.pages) || !Array.isArray(record.fonts)) return undefined;
  const fonts = (record.fonts as Record_['fonts']).map(([family, face]) => provideFont(family, face));
  const pageRefs: [string, PageReference][] = [];
  const reference = (id: unknown): PageReference => {
    const ref: PageReference = {};
    pageRefs.push([id as string, ref]);
    return ref;
  };
  const pages = (record.pages as LaidOutPage[]).map((page) => {
    for (const { type, item } of page.items) {
      if (type !== 'line') continue;
      Object.setPrototypeOf(item, Line.prototype as object);
      if (item._pageNodeRef !== undefined) item._pageNodeRef = reference(item._pageNodeRef);
      for (const inline of item.inlines as Record<string, unknown>[]) {
        inline.font = fonts[inline.font as number];
        if (inline._pageNodeRef !== undefined) inline._pageNodeRef = reference(inline._pageNodeRef);
      }
    }
    const keys = page.customProperties as unknown as string[];
    page.customProperties = Object.fromEntries(keys.map((key) => [key, section[key]]));
    if (page.watermark) page.watermark.font = fonts[page.watermark.font as number];
    return page;
  });
  return { pages, facts: { ids: record.ids, references: record.references, tops: record.tops }, pageRefs };
}
