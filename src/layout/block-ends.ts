// Where each top-level block of a section ended in the print layout. The PDF backend lays a mark
// of no size after every block (pdfmake records no reliable page for what an unbreakable block
// moved; a mark laid after it gets one), and the pagination reads the marks' pages back, so that
// the Word file can start a block on a new page where the PDF does.

export const blockEndId = (section: number, block: number) => `keikaku-end-${section}-${block}`;
