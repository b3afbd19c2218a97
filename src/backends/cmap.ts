// A font's Unicode character map (its `cmap` table), read directly from the file: which glyph a
// code point has. The same answers as fontkit's (CmapProcessor.lookup, the subtable chosen in the
// same order), without loading fontkit: validation asks only this of the fonts, and fontkit's
// import alone took 120 ms of every `validate` and of every build served from out/.cache.
// `cmap.test.ts` compares the two for every code point of the shipped fonts.

/** The subtables fontkit prefers, in its order: 32-bit Unicode first, then 16-bit. */
const UNICODE_SUBTABLES: readonly (readonly [platform: number, encoding: number])[] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** A glyph id for each code point (0: none). */
export type GlyphLookup = (codePoint: number) => number;

/**
 * The lookup of a TrueType or OpenType font's Unicode map; a string saying what is missing when
 * the font has none that keikaku reads (no cmap, no Unicode subtable, a format fontkit cannot
 * look up either).
 */
export function unicodeCmap(font: Uint8Array): GlyphLookup | string {
  const data = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const inRange = (offset: number, length: number) => offset >= 0 && offset + length <= data.byteLength;
  if (!inRange(0, 12)) return 'テーブルの目録がありません';
  const tables = data.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables && inRange(12 + i * 16, 16); i++) {
    const record = 12 + i * 16;
    if (data.getUint32(record) === 0x636d6170 /* 'cmap' */) cmap = data.getUint32(record + 8);
  }
  if (cmap < 0 || !inRange(cmap, 4)) return '文字の表（cmap）がありません';
  const subtables = data.getUint16(cmap + 2);
  const offsets = new Map<string, number>();
  for (let i = 0; i < subtables && inRange(cmap + 4 + i * 8, 8); i++) {
    const record = cmap + 4 + i * 8;
    const key = `${data.getUint16(record)},${data.getUint16(record + 2)}`;
    // The first record of a pair counts, as in fontkit.
    if (!offsets.has(key)) offsets.set(key, cmap + data.getUint32(record + 4));
  }
  const chosen = UNICODE_SUBTABLES.map(([p, e]) => offsets.get(`${p},${e}`)).find((o) => o !== undefined);
  if (chosen === undefined || !inRange(chosen, 2)) return 'Unicode の文字の表（cmap）がありません';
  const lookup = subtableLookup(data, chosen);
  return lookup ?? `文字の表（cmap）の形式 ${data.getUint16(chosen)} には対応していません`;
}

/** The lookup of the subtable at `at` (fontkit's formats); undefined for one fontkit cannot look up. */
function subtableLookup(data: DataView, at: number): GlyphLookup | undefined {
  // Reads past the table's end give 0, as fontkit's lazy arrays give undefined there.
  const u16 = (offset: number) => (offset + 2 <= data.byteLength ? data.getUint16(offset) : 0);
  const u32 = (offset: number) => (offset + 4 <= data.byteLength ? data.getUint32(offset) : 0);
  switch (u16(at)) {
    case 0:
      return (cp) => (cp >= 0 && cp < 256 && at + 6 + cp < data.byteLength ? data.getUint8(at + 6 + cp) : 0);
    case 4: {
      const length = u16(at + 2);
      const segCount = u16(at + 6) >> 1;
      const endCodes = at + 14;
      const startCodes = endCodes + segCount * 2 + 2;
      const idDeltas = startCodes + segCount * 2;
      const idRangeOffsets = idDeltas + segCount * 2;
      const glyphIndices = idRangeOffsets + segCount * 2;
      const glyphCount = (length - (glyphIndices - at)) / 2;
      return (cp) => {
        let min = 0;
        let max = segCount - 1;
        while (min <= max) {
          const mid = (min + max) >> 1;
          if (cp < u16(startCodes + mid * 2)) max = mid - 1;
          else if (cp > u16(endCodes + mid * 2)) min = mid + 1;
          else {
            const rangeOffset = u16(idRangeOffsets + mid * 2);
            const delta = data.getInt16(idDeltas + mid * 2);
            if (rangeOffset === 0) return (cp + delta) & 0xffff;
            const index = rangeOffset / 2 + (cp - u16(startCodes + mid * 2)) - (segCount - mid);
            const glyph = index >= 0 && index < glyphCount ? u16(glyphIndices + index * 2) : 0;
            return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
          }
        }
        return 0;
      };
    }
    case 6: {
      const first = u16(at + 6);
      const count = u16(at + 8);
      return (cp) => {
        const index = cp - first;
        return index >= 0 && index < count ? u16(at + 10 + index * 2) : 0;
      };
    }
    // Format 10 is left out: fontkit reads its glyph array without a length (a field it misnames).
    case 12:
    case 13: {
      const constant = u16(at) === 13;
      const groupCount = u32(at + 12);
      const groups = at + 16;
      return (cp) => {
        let min = 0;
        let max = groupCount - 1;
        while (min <= max) {
          const mid = (min + max) >> 1;
          const group = groups + mid * 12;
          if (cp < u32(group)) max = mid - 1;
          else if (cp > u32(group + 4)) min = mid + 1;
          else return constant ? u32(group + 8) : u32(group + 8) + (cp - u32(group));
        }
        return 0;
      };
    }
    default:
      return undefined;
  }
}
