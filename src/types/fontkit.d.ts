// The little of fontkit (pdfkit's font parser, a dependency of pdfmake) that keikaku uses itself:
// whether a font has a glyph for a character, and how wide it is. fontkit ships no types of its own.
declare module 'fontkit' {
  export interface Glyph {
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly familyName: string;
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function create(buffer: Buffer): Font;
}
