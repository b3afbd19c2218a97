// docx Document → bytes that are the same for the same input: docx writes the time of the
// build into docProps/core.xml and into every zip entry, and numbers bookmarks with a counter
// that runs on across the documents of a process, so all three are fixed here. Also written
// here, as the docx library has no option for it: no extra space between Japanese and Latin
// letters or digits (autoSpaceDE/DN off), which the PDF does not add either, so that Word's
// lines hold what the PDF's hold; and mirrored margins for printing on both sides.
import { Packer, type Document } from 'docx';
import { OfficePartPieces, packOfficeParts, repackOfficeZip } from '../office-zip.ts';
import { joinHeldBlocks, streamBody } from './stream-body.ts';

/**
 * `mirrorMargins`: printed on both sides, even pages have the binding margin on the right.
 * `tocPageStarts`: the 目次's entries (by place) that start a page in the print layout; docx
 * writes a 目次's entries with no option for it.
 */
export async function packDocx(
  document: Document,
  creationDate: Date,
  { mirrorMargins = false, tocPageStarts = [] }: { mirrorMargins?: boolean; tocPageStarts?: readonly number[] } = {},
): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  // The body's blocks' text, held apart from word/document.xml while docx writes it.
  const held: string[] = [];
  const rewrite = (name: string, text: () => string) => {
    if (name === 'word/document.xml') {
      const pieces = joinHeldBlocks(text(), held);
      renumberBookmarks(pieces);
      withTocPageStarts(pieces, tocPageStarts);
      return new OfficePartPieces(pieces);
    }
    if (name === 'word/styles.xml') return withoutAutoSpace(text());
    if (name === 'word/settings.xml' && mirrorMargins) return withMirrorMargins(text());
    return undefined;
  };
  streamBody(document, held);
  // The package's parts as the library's Packer would zip them: zipped once, here (its own zip,
  // read again to fix the dates and order, cost a second compression and a decompression).
  // Should a later docx hide its compiler, its zip is read again as before.
  return typeof compiler?.compile === 'function'
    ? packOfficeParts(compiler.compile(document, undefined, []), creationDate, rewrite)
    : repackOfficeZip(await Packer.toBuffer(document), creationDate, rewrite);
}

/** docx's Compiler (Packer's, not in its public types): a Document → its package's parts by path. */
interface PackageCompiler {
  compile(document: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array>;
}

/** w:mirrorMargins goes before w:defaultTabStop (CT_Settings is a sequence). */
function withMirrorMargins(xml: string): string {
  const next = '<w:defaultTabStop ';
  if (!xml.includes(next)) throw new Error('word/settings.xml has no defaultTabStop to put mirrorMargins before');
  return xml.replace(next, `<w:mirrorMargins/>${next}`);
}

function withoutAutoSpace(xml: string): string {
  const defaults = '<w:pPrDefault><w:pPr>';
  if (!xml.includes(defaults)) throw new Error('word/styles.xml has no paragraph defaults to extend');
  return xml.replace(defaults, `${defaults}<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`);
}

/**
 * A page break before each of the given entries of the 目次 (its paragraphs in order, in Word's
 * TOC content control), in the piece of word/document.xml that holds the 目次.
 */
function withTocPageStarts(pieces: string[], starts: readonly number[]): void {
  if (starts.length === 0) return;
  const galleryMark = '<w:docPartGallery w:val="Table of Contents"/>';
  const p = pieces.findIndex((piece) => piece.includes(galleryMark));
  const xml = pieces[p] ?? '';
  const begin = xml.indexOf('<w:sdtContent>', xml.indexOf(galleryMark));
  const end = xml.indexOf('</w:sdtContent>', begin);
  if (p < 0 || begin < 0 || end < 0) throw new Error('word/document.xml has no 目次 to start pages in');
  const wanted = new Set(starts);
  let entry = 0;
  const content = xml
    .slice(begin, end)
    .replace(/<w:p><w:pPr><w:pStyle w:val="[^"]+"\/>/g, (paragraph: string) =>
      wanted.has(entry++) ? `${paragraph}<w:pageBreakBefore/>` : paragraph,
    );
  pieces[p] = xml.slice(0, begin) + content + xml.slice(end);
}

/**
 * Bookmark ids 1, 2, 3… in order of appearance, whatever the library's counter had reached,
 * through the pieces of word/document.xml in order (a piece holds whole elements).
 */
function renumberBookmarks(pieces: string[]): void {
  const ids = new Map<string, number>();
  for (let i = 0; i < pieces.length; i++) pieces[i] = numberBookmarks(pieces[i]!, ids, () => ids.size + 1);
}

const BOOKMARK_ID = /(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)"/g;

/**
 * The XML with each bookmark id given a new number: the one `ids` holds for it, else `next()`'s
 * (then held in `ids`).
 */
export function numberBookmarks(xml: string, ids: Map<string, number>, next: () => number): string {
  return xml.replace(BOOKMARK_ID, (_match, head: string, id: string) => {
    if (!ids.has(id)) ids.set(id, next());
    return `${head}${ids.get(id)}"`;
  });
}
