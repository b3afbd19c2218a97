// pdfmake definition → PDF bytes: pdfmake lays the pages out and draws them in one pass, with
// the theme's fonts embedded as subsets. Also reports where each heading landed.
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { FONT_ROLES } from '../../theme/theme.ts';
import type { FontFiles } from '../fonts.ts';
import { PDF_FALLBACK_FAMILY, PDF_FONT_FAMILIES } from './to-pdfmake.ts';

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

export async function renderPdf(definition: TDocumentDefinitions, fonts: FontFiles): Promise<RenderedPdf> {
  registerFonts(fonts);
  const bytes = new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
  return { bytes, pagesById: pagesById(definition) };
}

/** pdfmake writes each laid-out node's positions into the definition it was given. */
function pagesById(definition: TDocumentDefinitions): Map<string, number> {
  const pages = new Map<string, number>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { id?: unknown; positions?: { pageNumber: number }[] };
    if (typeof n.id === 'string' && n.positions?.[0] && !pages.has(n.id)) pages.set(n.id, n.positions[0].pageNumber);
    for (const key of ['content', 'section', 'stack', 'columns', 'table', 'body'])
      if (key in n) visit((n as Record<string, unknown>)[key]);
  };
  visit(definition.content);
  return pages;
}
