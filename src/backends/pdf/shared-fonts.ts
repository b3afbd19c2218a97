// Each font parsed once per process, not once per document. pdfkit parses a font anew for every
// document (fontkit.create on the file's bytes): its tables (cmap, GSUB, GPOS, metrics) are
// read again as each document lays its text out, some 30 ms a face a document, for a build of a
// plan and its excerpts a few hundred ms. pdfkit has no option to be given a parsed font, so
// each font pdfmake provides a document is given, as soon as it is made, the fontkit font parsed
// for the first document that used the same bytes, and a subset of it. Only the font is shared:
// the subset, the glyphs a document uses and their widths stay the document's, so the PDF's
// bytes are those of a font parsed for it alone (shared-fonts.test.ts).
import { PDFDocument as PDFDocumentClass } from './pdfmake-modules.ts';

/** The little of fontkit's font and pdfkit's EmbeddedFont this module touches. */
interface FontkitFont {
  readonly stream?: { readonly buffer?: unknown };
  createSubset(): unknown;
}
interface EmbeddedFont {
  font: FontkitFont;
  subset: unknown;
}
type ProvideFont = (this: unknown, family: string, bold: boolean, italics: boolean) => EmbeddedFont;

const PDFDocument = PDFDocumentClass as unknown as { prototype: { provideFont: ProvideFont } };

/** The font parsed first for a file's bytes (pdfmake's virtual file system hands the same Buffer each time). */
const parsedFor = new WeakMap<object, FontkitFont>();
/** Fonts already looked at: pdfmake asks again for a font it has. */
const seen = new WeakSet<EmbeddedFont>();

let installed = false;

export function shareParsedFonts(): void {
  if (installed) return;
  installed = true;
  const provideFont = PDFDocument.prototype.provideFont;
  PDFDocument.prototype.provideFont = function (this: unknown, family, bold, italics) {
    const embedded = provideFont.call(this, family, bold, italics);
    if (seen.has(embedded)) return embedded;
    seen.add(embedded);
    const bytes = embedded.font.stream?.buffer;
    if (typeof bytes !== 'object' || bytes === null) return embedded;
    const parsed = parsedFor.get(bytes);
    if (parsed === undefined) parsedFor.set(bytes, embedded.font);
    else if (parsed !== embedded.font) {
      embedded.font = parsed;
      embedded.subset = parsed.createSubset();
    }
    return embedded;
  };
}
