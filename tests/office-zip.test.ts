// The parts of an Office file are compressed by keikaku, one deflate state for the file, and
// handed to JSZip compressed: the file must be the bytes JSZip writes when it compresses each
// part itself with a new state, and each part the bytes a new state gives.
import JSZip from 'jszip';
import pakoDeflate from 'pako/lib/deflate.js';
import { describe, expect, it, vi } from 'vitest';
import { OfficePartPieces, packOfficeParts } from '../src/backends/office-zip.ts';
import { PartDeflater } from '../src/backends/part-deflater.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** XML-like text of about `size` characters, Japanese and markup, repeating with variations. */
function xmlText(size: number, seed: number): string {
  let text = '';
  for (let i = 0; text.length < size; i++)
    text += `<w:p><w:r><w:t>施策${(i * seed) % 97}の事業（令和${(i % 3) + 6}年度）${'あいうえお'.slice(0, (i + seed) % 5)}</w:t></w:r></w:p>`;
  return text.slice(0, size);
}

/** The zip JSZip writes when it compresses each part itself, as keikaku's Office files are written. */
const zippedByJSZip = (zip: JSZip) =>
  zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });

describe('one deflate state for all the parts of a file', () => {
  it('gives each part the bytes a new state gives, whatever came before it and however it is cut', () => {
    const deflater = new PartDeflater(6);
    // A long part (its window slides), then short ones, whose search for a match reads past
    // their end into what the long part left in the window; one of nothing; and one in pieces.
    const parts = [xmlText(300_000, 7), xmlText(200, 7), 'a', '', xmlText(70_000, 3), xmlText(1_000, 3)];
    for (const part of parts)
      expect(Buffer.from(deflater.deflate([utf8(part)])).equals(pakoDeflate.deflateRaw(utf8(part), { level: 6 }))).toBe(
        true,
      );
    const whole = xmlText(150_000, 11);
    const pieces = [whole.slice(0, 5), '', whole.slice(5, 40_000), whole.slice(40_000)].map(utf8);
    expect(Buffer.from(deflater.deflate(pieces)).equals(pakoDeflate.deflateRaw(utf8(whole), { level: 6 }))).toBe(true);
  });

  it('writes the file JSZip writes when it compresses each part itself, a part given in pieces as one given whole', async () => {
    const date = new Date('2024-03-31T15:00:00Z');
    const document = xmlText(120_000, 5);
    const parts = new Map<string, string | Uint8Array>([
      ['word/document.xml', '<w:document/>'],
      ['word/header1.xml', xmlText(900, 2)],
      ['word/media/empty.bin', new Uint8Array(0)],
      ['[Content_Types].xml', xmlText(2_000, 1)],
      ['_rels/.rels', '<Relationships/>'],
    ]);
    const packed = await packOfficeParts(parts, date, (name) =>
      name === 'word/document.xml'
        ? new OfficePartPieces([document.slice(0, 1_000), '', document.slice(1_000, 70_000), document.slice(70_000)])
        : undefined,
    );
    // JSZip alone, the entries in the same order.
    const zip = new JSZip();
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/header1.xml',
      'word/media/empty.bin',
    ])
      zip.file(name, name === 'word/document.xml' ? document : parts.get(name)!, { date, createFolders: false });
    const byJSZip = await zippedByJSZip(zip);
    expect(Buffer.from(packed).equals(Buffer.from(byJSZip))).toBe(true);
    const read = await JSZip.loadAsync(packed);
    expect(await read.file('word/document.xml')!.async('string')).toBe(document);
    expect(Object.keys(read.files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/header1.xml',
      'word/media/empty.bin',
    ]);
  });

  it('deflates a part met again (a section’s header, in this file or an earlier one) once, and writes the file JSZip writes', async () => {
    const date = new Date('2024-03-31T15:00:00Z');
    const header = xmlText(900, 13);
    const footer = xmlText(600, 17);
    const parts = new Map<string, string>([['word/document.xml', xmlText(5_000, 19)]]);
    for (let i = 1; i <= 6; i++) {
      parts.set(`word/header${i}.xml`, header);
      parts.set(`word/footer${i}.xml`, i === 6 ? xmlText(600, 23) : footer);
    }
    const deflate = vi.spyOn(PartDeflater.prototype, 'deflate');
    let packed: Uint8Array;
    let again: Uint8Array;
    try {
      packed = await packOfficeParts(parts, date);
      // Four parts different (the document, a header, two footers), each deflated once.
      expect(deflate).toHaveBeenCalledTimes(4);
      again = await packOfficeParts(parts, date);
      expect(deflate).toHaveBeenCalledTimes(4);
    } finally {
      deflate.mockRestore();
    }
    const zip = new JSZip();
    for (const [name, text] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1)))
      zip.file(name, text, { date, createFolders: false });
    const byJSZip = await zippedByJSZip(zip);
    expect(Buffer.from(packed).equals(Buffer.from(byJSZip))).toBe(true);
    expect(Buffer.from(again).equals(Buffer.from(byJSZip))).toBe(true);
  });
});
