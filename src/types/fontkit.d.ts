// The little of fontkit (pdfkit's font parser, a dependency of pdfmake) that keikaku uses itself:
// whether a font has a glyph for a character. fontkit ships no types of its own.
declare module 'fontkit' {
  export interface Font {
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
