import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { relabelCmap, squareFont } from '../../tests/helpers/test-font.ts';
import { unicodeCmap, type GlyphLookup } from './cmap.ts';

const FONTS = fileURLToPath(new URL('../../fonts/', import.meta.url));
const SHIPPED = ['BIZUDGothic-Regular.ttf', 'BIZUDGothic-Bold.ttf', 'BIZUDMincho-Regular.ttf'];

/** fontkit's own answer: the glyph its CmapProcessor finds (what pdfkit prints). */
function fontkitLookup(bytes: Uint8Array): GlyphLookup {
  const font = create(Buffer.from(bytes)) as unknown as { _cmapProcessor: { lookup(cp: number): number } };
  return (cp) => font._cmapProcessor.lookup(cp);
}

function lookup(bytes: Uint8Array): GlyphLookup {
  const found = unicodeCmap(bytes);
  if (typeof found === 'string') throw new Error(found);
  return found;
}

/** The code points (up to `last`) whose glyph differs between keikaku's lookup and fontkit's. */
function differences(bytes: Uint8Array, last = 0x10ffff): number[] {
  const ours = lookup(bytes);
  const theirs = fontkitLookup(bytes);
  const differ: number[] = [];
  for (let cp = 0; cp <= last; cp++) if (ours(cp) !== theirs(cp)) differ.push(cp);
  return differ;
}

/** A copy of a font whose cmap records for (platform, encoding) are relabelled `to`. */
function relabelled(bytes: Uint8Array, from: [number, number], to: [number, number]): Uint8Array {
  const changed = relabelCmap(bytes, from, to);
  expect(changed.relabelled, `the font has a (${from.join(',')}) subtable`).toBeGreaterThan(0);
  return changed.bytes;
}

/** A font file holding only a cmap table with one subtable under (3,1) or (3,10). */
function fontWithSubtable(subtable: number[], encoding = 1): Uint8Array {
  const cmap = [0, 0, 0, 1, 0, 3, 0, encoding, 0, 0, 0, 12, ...subtable];
  const file = [
    ...[0, 1, 0, 0, 0, 1, 0, 16, 0, 0, 0, 0], // sfnt 1.0, one table
    ...[0x63, 0x6d, 0x61, 0x70, 0, 0, 0, 0, 0, 0, 0, 28, ...u32(cmap.length)],
    ...cmap,
  ];
  return new Uint8Array(file);
}
const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [...u16(Math.floor(n / 0x10000)), ...u16(n & 0xffff)];

describe('unicodeCmap', () => {
  it.each(SHIPPED)('finds the glyph fontkit finds for every code point of %s', (name) => {
    expect(differences(readFileSync(path.join(FONTS, name)))).toEqual([]);
  });

  it('reads a 16-bit map (format 4) as fontkit does, when the font has no 32-bit one', () => {
    // BIZ UD holds its 32-bit map as (3,10): relabelled, both readers take the (3,1) format 4 map.
    const bytes = relabelled(readFileSync(path.join(FONTS, SHIPPED[0]!)), [3, 10], [3, 99]);
    expect(new DataView(bytes.buffer).getUint16(0)).toBe(1);
    expect(lookup(bytes)(0x5229 /* 利 */)).not.toBe(0);
    expect(differences(bytes, 0x2ffff)).toEqual([]);
  });

  it('reads the maps a font made by opentype.js has, a character beyond the BMP included', () => {
    const bytes = squareFont('KeikakuCmapTest', ['A', '字', '𠮷']);
    const found = lookup(bytes);
    expect(['A', '字', '𠮷', 'B'].map((c) => found(c.codePointAt(0)!) !== 0)).toEqual([true, true, true, false]);
    expect(differences(bytes, 0x2ffff)).toEqual([]);
  });

  it('reads formats 0, 4, 6, 12 and 13 as fontkit does', () => {
    const format0 = [
      ...u16(0),
      ...u16(262),
      ...u16(0),
      ...Array.from({ length: 256 }, (_, i) => (i >= 65 ? i - 60 : 0)),
    ];
    // Format 4 with a segment read through its glyph array, its delta added (0 stays 0).
    const format4 = [
      ...[4, 16 + 8 * 3 + 6, 0, 6, 4, 1, 2].flatMap(u16),
      ...[0x3044, 0x4e01, 0xffff, 0].flatMap(u16),
      ...[0x3042, 0x4e00, 0xffff].flatMap(u16),
      ...[5, (100 - 0x4e00) & 0xffff, 1].flatMap(u16),
      ...[6, 0, 0].flatMap(u16),
      ...[10, 0, 12].flatMap(u16),
    ];
    const format6 = [...u16(6), ...u16(16), ...u16(0), ...u16(0x3042), ...u16(3), ...u16(7), ...u16(0), ...u16(9)];
    const groups = [
      [0x41, 0x5a, 1],
      [0x3042, 0x3093, 40],
      [0x20bb7, 0x20bb7, 200],
    ];
    const segmented = (format: number) => [
      ...u16(format),
      ...u16(0),
      ...u32(16 + groups.length * 12),
      ...u32(0),
      ...u32(groups.length),
      ...groups.flatMap((g) => g.flatMap(u32)),
    ];
    expect([0x3042, 0x3043, 0x3044, 0x4e01].map(lookup(fontWithSubtable(format4)))).toEqual([15, 0, 17, 101]);
    for (const [subtable, encoding] of [
      [format0, 1],
      [format4, 1],
      [format6, 1],
      [segmented(12), 10],
      [segmented(13), 10],
    ] as const) {
      const bytes = fontWithSubtable(subtable, encoding);
      expect(differences(bytes, 0x2ffff), `format ${subtable[1]}`).toEqual([]);
      expect(lookup(bytes)(0x3042), `format ${subtable[1]}`).toBe({ 0: 0, 4: 15, 6: 7 }[subtable[1]!] ?? 40);
    }
  });

  it('says what is missing when a font has no Unicode map it can read', () => {
    const gothic = readFileSync(path.join(FONTS, SHIPPED[0]!));
    const noUnicode = [
      [0, 3],
      [0, 5],
      [3, 1],
      [3, 10],
    ].reduce<Uint8Array>((bytes, pair) => relabelled(bytes, pair as [number, number], [1, 0]), gothic);
    expect(unicodeCmap(noUnicode)).toBe('Unicode の文字の表（cmap）がありません');
    const noCmap = new Uint8Array(gothic);
    const data = new DataView(noCmap.buffer);
    for (let i = 0; i < data.getUint16(4); i++)
      if (data.getUint32(12 + i * 16) === 0x636d6170) data.setUint32(12 + i * 16, 0x78787878);
    expect(unicodeCmap(noCmap)).toBe('文字の表（cmap）がありません');
    expect(unicodeCmap(new Uint8Array(8))).toBe('テーブルの目録がありません');
    expect(unicodeCmap(fontWithSubtable([...u16(8), ...new Array<number>(20).fill(0)], 10))).toBe(
      '文字の表（cmap）の形式 8 には対応していません',
    );
  });
});
