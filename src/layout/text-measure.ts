// How wide text prints, from the fonts that print it: each character's advance in em, read with
// fontkit (pdfkit's own font parser, so the same figures pdfmake lays lines out with). A
// character the face lacks is measured in the theme's fallback font, as the PDF prints it.
import { create, type Font } from 'fontkit';
import type { FontFiles } from '../backends/fonts.ts';
import type { FontRole } from '../theme/theme.ts';

/** The advance of `text` in em (multiply by the size in points). */
export type Measure = (text: string, font: FontRole, bold: boolean) => number;

const measures = new WeakMap<FontFiles, Measure>();

/** One measure per set of font files: every document of a run shares the parsed fonts. */
export function textMeasure(fonts: FontFiles): Measure {
  const cached = measures.get(fonts);
  if (cached) return cached;
  const parsed = new Map<Buffer, Font>();
  const parse = (bytes: Buffer) => {
    let font = parsed.get(bytes);
    if (!font) parsed.set(bytes, (font = create(bytes)));
    return font;
  };
  const advances = new Map<string, number>();
  const advance = (char: string, role: FontRole, bold: boolean): number => {
    const key = `${role}${bold ? 'b' : ''}${char}`;
    let em = advances.get(key);
    if (em === undefined) {
      const face = fonts[role];
      const font = parse(bold && face.bold ? face.bold : face.regular);
      const codePoint = char.codePointAt(0)!;
      const source = !font.hasGlyphForCodePoint(codePoint) && face.fallback ? parse(face.fallback) : font;
      em = source.glyphForCodePoint(codePoint).advanceWidth / source.unitsPerEm;
      advances.set(key, em);
    }
    return em;
  };
  const measure: Measure = (text, role, bold) => {
    let em = 0;
    for (const char of text) em += advance(char, role, bold);
    return em;
  };
  measures.set(fonts, measure);
  return measure;
}
