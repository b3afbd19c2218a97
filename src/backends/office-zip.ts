// An Office file (a zip of XML parts) → the same bytes for the same content: libraries write the
// time of the build into every zip entry and into docProps/core.xml, so both are fixed here to
// the document's creation date, and the entries are put in a fixed order ([Content_Types].xml
// first, as Word and Excel expect).
import JSZip from 'jszip';
import CompressedObject from 'jszip/lib/compressedObject.js';
import compressions from 'jszip/lib/compressions.js';
import crc32 from 'jszip/lib/crc32.js';
import { PartDeflater } from './part-deflater.ts';

export async function repackOfficeZip(
  raw: Uint8Array,
  creationDate: Date,
  /** A part's content to write instead (XML parts as text or UTF-8), or undefined to keep it. */
  rewrite: (name: string, text: () => string) => PartContent | undefined = () => undefined,
): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(raw);
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name]!;
    if (!entry.dir) parts.set(name, await entry.async('uint8array'));
  }
  return packOfficeParts(parts, creationDate, rewrite);
}

/** What a part's text may be given as: whole, as UTF-8, or as the pieces it is written in. */
export type PartContent = string | Uint8Array | OfficePartPieces;

/**
 * A part's text in pieces, in order (word/document.xml of a long plan: its whole text is never
 * held at once). Each piece is let go as it is compressed.
 */
export class OfficePartPieces {
  constructor(readonly pieces: string[]) {}

  *utf8(): Iterable<Uint8Array> {
    for (let i = 0; i < this.pieces.length; i++) {
      const bytes = Buffer.from(this.pieces[i]!, 'utf8');
      this.pieces[i] = '';
      yield bytes;
    }
  }
}

/**
 * An Office file's parts (by path; XML as text or as UTF-8 bytes) → the zip, with the build's
 * time fixed and the entries in a fixed order: what repackOfficeZip writes, from parts a library
 * hands over before zipping them (no zip made only to be read again). Each part is compressed
 * here, by one deflate state for the file (part-deflater.ts), as JSZip would compress it.
 */
export async function packOfficeParts(
  parts: ReadonlyMap<string, string | Uint8Array>,
  creationDate: Date,
  rewrite: (name: string, text: () => string) => PartContent | undefined = () => undefined,
): Promise<Uint8Array> {
  const iso = creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = new JSZip();
  const deflater = new PartDeflater(LEVEL);
  const names = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const original = parts.get(name)!;
    const text = () => (typeof original === 'string' ? original : new TextDecoder().decode(original));
    const content =
      name === 'docProps/core.xml'
        ? text().replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`)
        : (rewrite(name, text) ?? original);
    // JSZip takes a part it read from a zip (CompressedObject) as it takes bytes; its types do not say so.
    out.file(name, compressed(content, deflater) as Uint8Array, { date: creationDate, createFolders: false });
  }
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: LEVEL },
    platform: 'UNIX',
  });
}

const LEVEL = 6;

/** A part deflated: what JSZip needs of it beside its name. */
interface DeflatedPart {
  readonly data: Uint8Array;
  readonly size: number;
  readonly crc: number;
}

/**
 * Parts already deflated in this process, by their text. A Word file has a header and a footer
 * part, with their relationships, for every section, most of them alike, and each excerpt
 * repeats the plan's: about 4,900 parts for the documents of a plan of 140 施策, 1,100 of them
 * different, each of which cost a deflate state's reset and a deflate (0.6 s in all). The same
 * text deflates to the same bytes (part-deflater.ts), so a part met again is not deflated again.
 */
const deflatedParts = new Map<string, DeflatedPart>();
/** Longer parts are seldom repeated; past this many parts the memo starts again (memory stays small). */
const MEMO_LONGEST = 16 * 1024;
const MEMO_PARTS = 20_000;

/** A part's content as JSZip holds a part read from a zip: deflated, with its size and CRC-32. */
function compressed(content: PartContent, deflater: PartDeflater): CompressedObject | string {
  const memo = typeof content === 'string' && content.length <= MEMO_LONGEST;
  let part = memo ? deflatedParts.get(content) : undefined;
  if (!part) {
    part = deflated(content, deflater);
    if (memo) {
      if (deflatedParts.size >= MEMO_PARTS) deflatedParts.clear();
      deflatedParts.set(content, part);
    }
  }
  // JSZip stores an empty part rather than deflating it.
  if (part.size === 0) return '';
  return new CompressedObject(part.data.length, part.size, part.crc, compressions.DEFLATE, part.data);
}

function deflated(content: PartContent, deflater: PartDeflater): DeflatedPart {
  const pieces =
    content instanceof OfficePartPieces
      ? content.utf8()
      : [typeof content === 'string' ? Buffer.from(content, 'utf8') : content];
  let size = 0;
  let crc = 0;
  const data = deflater.deflate(
    (function* () {
      for (const piece of pieces) {
        // JSZip's CRC-32 of nothing is 0, whatever it continues from.
        if (piece.length === 0) continue;
        size += piece.length;
        crc = crc32(piece, crc);
        yield piece;
      }
    })(),
  );
  return { data, size, crc };
}

const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name.startsWith('_rels/') ? 1 : 2);
