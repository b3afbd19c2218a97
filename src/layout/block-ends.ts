// Where each top-level block of a section ended in the print layout. The PDF backend lays a mark
// of no size after every block (pdfmake records no reliable page for what an unbreakable block
// moved; a mark laid after it gets one), and the pagination reads the marks' pages back, so that
// the Word file can start a block on a new page where the PDF does.

export const blockEndId = (section: number, block: number) => `keikaku-end-${section}-${block}`;
export const isBlockEndId = (id: string) => id.startsWith('keikaku-end-');

/**
 * The first text of the 目次's entry for a heading (by the heading's id): the Word file's 目次,
 * which flows freely, starts a new page at the entry where the PDF's does.
 */
export const tocEntryId = (headingId: string) => `keikaku-toc-${headingId}`;
