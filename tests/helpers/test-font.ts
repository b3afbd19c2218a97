// A small OpenType font made for a test (opentype.js): a filled square for each character
// asked for, so that a test can give keikaku a font that holds what BIZ UD lacks (𠮷).
import opentype from 'opentype.js';

export function squareFont(familyName: string, chars: readonly string[]): Buffer {
  const square = () => {
    const path = new opentype.Path();
    path.moveTo(100, -100);
    path.lineTo(900, -100);
    path.lineTo(900, 800);
    path.lineTo(100, 800);
    path.close();
    return path;
  };
  const glyphs = [
    new opentype.Glyph({ name: '.notdef', unicode: 0, advanceWidth: 1000, path: new opentype.Path() }),
    ...chars.map(
      (char) =>
        new opentype.Glyph({
          name: `u${char.codePointAt(0)!.toString(16).toUpperCase()}`,
          unicode: char.codePointAt(0)!,
          advanceWidth: 1000,
          path: square(),
        }),
    ),
  ];
  const font = new opentype.Font({
    familyName,
    styleName: 'Regular',
    unitsPerEm: 1000,
    ascender: 880,
    descender: -120,
    glyphs,
  });
  return Buffer.from(font.toArrayBuffer());
}
