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

/**
 * A copy of a font file whose cmap records for (platform, encoding) `from` are relabelled `to`
 * (a reader then takes another subtable, or finds no Unicode one), and how many there were.
 */
export function relabelCmap(
  bytes: Uint8Array,
  from: readonly [number, number],
  to: readonly [number, number],
): { bytes: Uint8Array; relabelled: number } {
  const copy = new Uint8Array(bytes);
  const data = new DataView(copy.buffer);
  let cmap = -1;
  for (let i = 0; i < data.getUint16(4); i++)
    if (data.getUint32(12 + i * 16) === 0x636d6170 /* 'cmap' */) cmap = data.getUint32(12 + i * 16 + 8);
  let relabelled = 0;
  for (let i = 0; cmap >= 0 && i < data.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    if (data.getUint16(record) === from[0] && data.getUint16(record + 2) === from[1]) {
      data.setUint16(record, to[0]);
      data.setUint16(record + 2, to[1]);
      relabelled++;
    }
  }
  return { bytes: copy, relabelled };
}
