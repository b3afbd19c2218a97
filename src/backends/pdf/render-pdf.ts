// pdfmake definition → PDF bytes: pdfmake lays the pages out and draws them in one pass, with
// the theme's fonts embedded as subsets. Also reports where each heading landed.
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { FONT_ROLES } from '../../theme/theme.ts';
import type { FontFiles } from '../fonts.ts';
import { PDF_FALLBACK_FAMILY, PDF_FONT_FAMILIES } from './to-pdfmake.ts';
import { idPages, partwisePagesById } from './partwise-layout.ts';
import { shareParsedFonts } from './shared-fonts.ts';
import { fastStyleLookups } from './style-lookup.ts';

/** pdfmake's Node API reads fonts from its virtual file system, which its types do not declare. */
interface NodeVirtualFs {
  writeFileSync(name: string, data: Buffer): void;
}

let registered: FontFiles | undefined;

function registerFonts(fonts: FontFiles): void {
  if (registered === fonts) return;
  // Fonts come from memory: nothing is read from or fetched beyond what the caller loaded.
  const vfs = (pdfmake as unknown as { virtualfs: NodeVirtualFs }).virtualfs;
  const dictionary: TFontDictionary = {};
  for (const role of FONT_ROLES) {
    const face = fonts[role];
    const regular = `${role}-regular.ttf`;
    vfs.writeFileSync(regular, face.regular);
    // A family without a bold face (BIZ UD Mincho) prints bold text in the regular face.
    let bold = regular;
    if (face.bold) {
      bold = `${role}-bold.ttf`;
      vfs.writeFileSync(bold, face.bold);
    }
    dictionary[PDF_FONT_FAMILIES[role]] = { normal: regular, bold, italics: regular, bolditalics: bold };
  }
  // The theme's fallbackFont: one file, the same for every role (read-fonts.ts).
  const fallback = FONT_ROLES.map((role) => fonts[role].fallback).find((f) => f !== undefined);
  if (fallback) {
    const file = 'fallback.font';
    vfs.writeFileSync(file, fallback);
    dictionary[PDF_FALLBACK_FAMILY] = { normal: file, bold: file, italics: file, bolditalics: file };
  }
  pdfmake.addFonts(dictionary);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  registered = fonts;
}

export interface RenderedPdf {
  readonly bytes: Uint8Array;
  /** The page each element with an id (each heading) starts on. */
  readonly pagesById: ReadonlyMap<string, number>;
}

/**
 * `mirrorShift`: printed on both sides, how far even pages move towards their left edge (the
 * binding margin less the outer one), so that their binding side is on the right. pdfmake lays
 * every page out with the same margins; an even page's MediaBox is moved instead, which moves
 * everything on it, header and page number included.
 */
export async function renderPdf(
  definition: TDocumentDefinitions,
  fonts: FontFiles,
  { mirrorShift = 0 }: { mirrorShift?: number } = {},
): Promise<RenderedPdf> {
  registerFonts(fonts);
  shareParsedFonts();
  fastStyleLookups();
  const output = pdfmake.createPdf(definition, mirrorShift !== 0 ? { bufferPages: true } : {});
  if (mirrorShift !== 0) {
    const doc = (await output.getStream()) as unknown as BufferedPdfKit;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      if ((i + 1) % 2 !== 0) continue;
      doc.switchToPage(i);
      const [x0, y0, x1, y1] = doc.page.dictionary.data.MediaBox;
      doc.page.dictionary.data.MediaBox = [x0 + mirrorShift, y0, x1 + mirrorShift, y1];
    }
  }
  const buffer = await output.getBuffer();
  // Its own bytes, not a copy (a long plan's PDF is tens of MB), when they fill their ArrayBuffer:
  // a render worker hands the whole ArrayBuffer over.
  const bytes =
    buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
      ? new Uint8Array(buffer.buffer)
      : new Uint8Array(buffer);
  // A part-wise layout knows its ids' pages; pdfmake's whole-document layout writes each laid-out
  // node's positions into the definition it was given.
  return { bytes, pagesById: partwisePagesById(definition.content) ?? idPages(definition.content) };
}

/** The little of pdfkit's document (pdfmake's output stream) that mirroring needs. */
interface BufferedPdfKit {
  bufferedPageRange(): { start: number; count: number };
  switchToPage(index: number): void;
  page: { dictionary: { data: { MediaBox: [number, number, number, number] } } };
}
