// The pagination stage: lays the document out for print and says on which page each heading
// landed. pdfmake is the layout engine, section by section (backends/pdf/partwise-layout.ts),
// and it draws the pages in the same pass, so the result also holds the PDF: the PDF backend
// writes it, the Word backend reads its page numbers for the 目次 (so the Word file's 目次
// matches the printed plan), nobody lays out twice.
import type { FontFiles } from '../backends/fonts.ts';
import type { ContentSection } from 'pdfmake/interfaces.js';
import type { PartsProgress } from '../backends/pdf/partwise-layout.ts';
import type { PartStore } from '../backends/pdf/part-cache.ts';
import type { DocumentTree } from '../ir/types.ts';
import type { Theme } from '../theme/theme.ts';
import { textMeasure } from './text-measure.ts';
import { blockEndId, tocEntryId } from './block-ends.ts';
import { rowGroupPages, type RowGroupPages } from './row-group-pages.ts';

export interface Pagination {
  /** The page each heading with an id starts on. */
  readonly headingPages: ReadonlyMap<string, number>;
  /** The page a section's top-level block ends on in the print layout (0 when unknown). */
  readonly blockEndPage: (section: number, block: number) => number;
  /** The pages of each body row group of a table (by its number in the tree, ir/queries.ts). */
  readonly rowGroupPages: (table: number) => readonly RowGroupPages[];
  /** The page the 目次's entry for a heading (by its id) is on (0 when unknown). */
  readonly tocEntryPage: (headingId: string) => number;
}

export interface PrintLayout {
  readonly pagination: Pagination;
  /** The laid-out pages, drawn. */
  readonly pdf: Uint8Array;
}

export async function paginate(
  tree: DocumentTree,
  theme: Theme,
  fonts: FontFiles,
  creationDate: Date,
  {
    wholeDocumentLayout = false,
    progress,
    parts,
    document = '',
  }: {
    /** pdfmake's layout of the whole document in one piece (tests compare the part-wise one with it). */
    wholeDocumentLayout?: boolean;
    progress?: PartsProgress;
    /** out/.cache's records of laid-out parts: unchanged parts are not laid out again. */
    parts?: PartStore;
    /** The document's name among the build's: its compressed streams are kept under it. */
    document?: string;
  } = {},
): Promise<PrintLayout> {
  // Loaded here, not at start-up: a command that writes no print layout never loads pdfmake.
  const [
    { toPdfmake, dependsOnStartPage },
    { renderPdf },
    { fallbackCharacters },
    { partwiseContent },
    { loadPartCache },
    { StreamMemo, streamMemoKey },
  ] = await Promise.all([
    import('../backends/pdf/to-pdfmake.ts'),
    import('../backends/pdf/render-pdf.ts'),
    import('../backends/glyph-coverage.ts'),
    import('../backends/pdf/partwise-layout.ts'),
    import('../backends/pdf/part-cache.ts'),
    import('../backends/pdf/stream-memo.ts'),
  ]);
  const fallback = fallbackCharacters(fonts);
  const { margin, duplex } = theme.page;
  const definition = toPdfmake(tree, theme, {
    creationDate,
    measure: textMeasure(fonts),
    ...(fallback ? { fallback } : {}),
  });
  const memoKey = parts && !wholeDocumentLayout ? streamMemoKey(parts.salt, document) : undefined;
  const streams = memoKey === undefined ? undefined : new StreamMemo(await parts!.read(memoKey, 'streams'));
  if (!wholeDocumentLayout)
    partwiseContent(definition.content as ContentSection[], {
      ...(progress ? { progress } : {}),
      ...(parts ? { cache: await loadPartCache(definition, parts, dependsOnStartPage) } : {}),
      ...(streams ? { streams } : {}),
    });
  const rendered = await renderPdf(definition, fonts, {
    mirrorShift: duplex ? margin.left - margin.right : 0,
  });
  if (streams && memoKey !== undefined) {
    if (streams.changed) parts!.write(memoKey, streams.toBytes(), 'streams');
    else parts!.keep(memoKey);
  }
  const pages = rendered.pagesById;
  return {
    pagination: {
      headingPages: pages,
      blockEndPage: (section, block) => pages.get(blockEndId(section, block)) ?? 0,
      rowGroupPages: (table) => rowGroupPages(pages, table),
      tocEntryPage: (headingId) => pages.get(tocEntryId(headingId)) ?? 0,
    },
    pdf: rendered.bytes,
  };
}
