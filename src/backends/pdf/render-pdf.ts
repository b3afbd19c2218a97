// pdfmake definition → PDF bytes, with the BIZ UD fonts embedded as subsets.
import pdfmake from 'pdfmake';
import type { FontFiles } from '../fonts.ts';
import { PDF_FONT_FAMILIES, type PdfDefinition } from './to-pdfmake.ts';

let registered: FontFiles | undefined;

function registerFonts(fonts: FontFiles): void {
  if (registered === fonts) return;
  // Fonts come from memory: nothing is read from or fetched beyond what the caller loaded.
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;
  vfs.writeFileSync('gothic-regular.ttf', fonts.gothicRegular);
  vfs.writeFileSync('gothic-bold.ttf', fonts.gothicBold);
  vfs.writeFileSync('mincho-regular.ttf', fonts.minchoRegular);
  const api = pdfmake as unknown as {
    addFonts(f: object): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
  };
  api.addFonts({
    [PDF_FONT_FAMILIES.gothic]: {
      normal: 'gothic-regular.ttf',
      bold: 'gothic-bold.ttf',
      italics: 'gothic-regular.ttf',
      bolditalics: 'gothic-bold.ttf',
    },
    // BIZ UD Mincho has no bold: bold Mincho text falls back to the regular face.
    [PDF_FONT_FAMILIES.mincho]: {
      normal: 'mincho-regular.ttf',
      bold: 'mincho-regular.ttf',
      italics: 'mincho-regular.ttf',
      bolditalics: 'mincho-regular.ttf',
    },
  });
  api.setUrlAccessPolicy(() => false);
  api.setLocalAccessPolicy(() => false);
  registered = fonts;
}

export interface RenderedPdf {
  readonly bytes: Uint8Array;
  /** The page each element with an id (each heading) starts on: the 目次 of the Word file uses it. */
  readonly pagesById: ReadonlyMap<string, number>;
}

export async function renderPdf(definition: PdfDefinition, fonts: FontFiles): Promise<RenderedPdf> {
  registerFonts(fonts);
  const doc = (pdfmake as unknown as { createPdf(d: PdfDefinition): { getBuffer(): Promise<Buffer> } }).createPdf(
    definition,
  );
  const bytes = new Uint8Array(await doc.getBuffer());
  return { bytes, pagesById: pagesById(definition) };
}

/** pdfmake writes each laid-out node's positions into the definition it was given. */
function pagesById(definition: PdfDefinition): Map<string, number> {
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
