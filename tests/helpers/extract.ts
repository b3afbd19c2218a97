// Text as a reader gets it out of the real files: PDF through pdfjs (Mozilla's reader), DOCX
// from its document.xml. Both normalised the same way for comparisons.
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF opened in pdfjs as a reader would, with no font of the system's and no eval. */
export const openPdf = (bytes: Uint8Array) =>
  getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;

/** The text of each page, items joined without separators (Japanese has no spaces). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** The text of the Word file's body, paragraph by paragraph. */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)\/>/g)]
      .map((m) => (m[1] !== undefined ? decodeXml(m[1]) : ' '))
      .join(''),
  );
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Whitespace removed: line breaks inside cells differ between formats. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** The text of an HTML page's body as a reader sees it: tags, styles and scripts dropped, entities decoded. */
export function htmlText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return body
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(x?)([0-9a-f]+);/gi, (_m, hex: string, digits: string) =>
      String.fromCodePoint(parseInt(digits, hex ? 16 : 10)),
    )
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The PDF's document information dictionary (Title, Author, CreationDate, …) as pdfjs reads it. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}
