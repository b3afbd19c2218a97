// The compressed streams and font subsets of a document's last build, kept in out/.cache, so
// that a rebuild does not compress again what it writes as before: pdfkit deflates every
// page's content stream as the page ends and each font's subset at the end, and encodes each
// subset (fontkit, glyph by glyph) anew. A rebuild after one 施策 changed writes almost every
// page and the subsets as they were; at 140 施策 deflating and encoding them took about 0.7 s
// of every rebuild.
//
// A stream is found by the sha256 of its bytes before compression, a subset by its font and
// its glyphs in order: what is written is what pdfkit would write for them (zlib's deflate of
// the same bytes, with the same options, by the same zlib: its version is in the entry's key).
// The memo holds what this build used, so the entry holds one build's worth.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { PDFDocument as PDFDocumentClass } from './pdfmake-modules.ts';

/** Streams shorter than this are compressed each time: a record costs more than they do. */
const SMALLEST = 2048;
const KEY_BYTES = 32;
/** A record: its kind, its key, the length of its bytes, its bytes. */
const STREAM = 0x44; // 'D': key = sha256 of the bytes before compression → the deflated bytes
const SUBSET = 0x53; // 'S': key = sha256 of the font and its glyphs → a STREAM record's key

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/**
 * The key of a document's memo in out/.cache: by its name among the build's documents, the
 * parts' salt (keikaku's code, the fonts) and the zlib that compressed it.
 */
export function streamMemoKey(salt: string, document: string): string {
  return createHash('sha256')
    .update(`${salt}\nstreams\n${process.versions.zlib ?? ''}\n${document}`)
    .digest('hex');
}

export class StreamMemo {
  /** What the last build left, by kind and key (hex). */
  private readonly kept = new Map<string, Uint8Array>();
  /** What this build used or made: the next entry. */
  private readonly used = new Map<string, Uint8Array>();
  private added = false;

  /** `entry`: the memo's entry from out/.cache (a damaged one is read as far as it is whole). */
  constructor(entry?: Uint8Array) {
    if (!entry) return;
    const view = new DataView(entry.buffer, entry.byteOffset, entry.byteLength);
    for (let at = 0; at + 1 + KEY_BYTES + 4 <= entry.length;) {
      const kind = entry[at]!;
      const key = Buffer.from(entry.subarray(at + 1, at + 1 + KEY_BYTES)).toString('hex');
      const length = view.getUint32(at + 1 + KEY_BYTES);
      const start = at + 1 + KEY_BYTES + 4;
      if ((kind !== STREAM && kind !== SUBSET) || start + length > entry.length) break;
      this.kept.set(`${String.fromCharCode(kind)}${key}`, entry.subarray(start, start + length));
      at = start + length;
    }
  }

  /** zlib's deflate of `raw` (as pdfkit's `zlib.deflateSync(raw)`), kept or made. */
  deflate(raw: Buffer): Buffer {
    if (raw.length < SMALLEST) return zlib.deflateSync(raw);
    const name = `D${sha256(raw).toString('hex')}`;
    const kept = this.find(name);
    // A view of the entry's bytes, not a copy: pdfkit copies what it writes.
    if (kept) return Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength);
    const made = zlib.deflateSync(raw);
    this.add(name, made);
    return made;
  }

  /** A font subset's bytes, kept (by `font`, a hash of the font file, and its glyphs) or encoded. */
  subset(font: string, glyphs: readonly number[], encode: () => Uint8Array): Uint8Array {
    const name = `S${sha256(`${font}\n${glyphs.join(',')}`).toString('hex')}`;
    const stream = this.find(name);
    const deflated = stream && this.find(`D${Buffer.from(stream).toString('hex')}`);
    if (stream && deflated) return zlib.inflateSync(deflated);
    const raw = encode();
    // The stream itself is added when pdfkit compresses the subset (deflate above).
    if (raw.length >= SMALLEST) this.add(name, sha256(raw));
    return raw;
  }

  /** Whether the next build needs a new entry: something was made, or something went unused. */
  get changed(): boolean {
    return this.added || this.used.size !== this.kept.size;
  }

  /** The entry of what this build used. */
  toBytes(): Uint8Array {
    const records: Uint8Array[] = [];
    for (const [name, bytes] of this.used) {
      const head = Buffer.alloc(1 + KEY_BYTES + 4);
      head[0] = name.charCodeAt(0);
      head.write(name.slice(1), 1, 'hex');
      head.writeUInt32BE(bytes.length, 1 + KEY_BYTES);
      records.push(head, bytes);
    }
    return Buffer.concat(records);
  }

  private find(name: string): Uint8Array | undefined {
    const bytes = this.used.get(name) ?? this.kept.get(name);
    if (bytes) this.used.set(name, bytes);
    return bytes;
  }

  private add(name: string, bytes: Uint8Array): void {
    this.used.set(name, bytes);
    this.added = true;
  }
}

/** The little of pdfkit's PDFReference (an object of the PDF) that compressing touches. */
interface PdfReference {
  document: object;
  compress: boolean;
  buffer: Uint8Array[];
  finalize: (this: PdfReference) => void;
}
/** The little of pdfkit's EmbeddedFont (a font of a document) that encoding its subset touches. */
interface EmbeddedFont {
  font: { stream?: { buffer?: unknown } };
  subset: { glyphs: readonly number[]; encode(): Uint8Array };
  embed: (this: EmbeddedFont) => unknown;
}
interface PdfKitDocument {
  _root: object;
  _security?: unknown;
  provideFont: (this: PdfKitDocument, family: string, bold: boolean, italics: boolean) => EmbeddedFont;
}

const memos = new WeakMap<object, StreamMemo>();
/** The hash of a font file's bytes, by the bytes (pdfmake hands the same Buffer each time). */
const fontHashes = new WeakMap<object, string>();
/** Fonts whose embedding goes through a memo. */
const wrapped = new WeakSet<object>();
let installed = false;

/** The pdfkit document `document` compresses its streams and encodes its subsets through `memo`. */
export function useStreamMemo(document: object, memo: StreamMemo): void {
  memos.set(document, memo);
  if (installed) return;
  installed = true;
  // pdfkit exports no PDFReference: its prototype is that of the document's catalog.
  const reference = Object.getPrototypeOf((document as PdfKitDocument)._root) as PdfReference;
  const finalize = reference.finalize;
  reference.finalize = function (this: PdfReference) {
    const memo = memos.get(this.document);
    // Encrypted streams are encrypted after compression: left to pdfkit.
    if (memo && this.compress && this.buffer.length > 0 && !(this.document as PdfKitDocument)._security) {
      // Compressed here, as pdfkit would: its finalize then writes the bytes as they are (its
      // Filter was set when the stream was written to).
      this.buffer = [memo.deflate(Buffer.concat(this.buffer))];
      this.compress = false;
    }
    finalize.call(this);
  };
  const prototype = (PDFDocumentClass as unknown as { prototype: PdfKitDocument }).prototype;
  const provideFont = prototype.provideFont;
  prototype.provideFont = function (this: PdfKitDocument, family, bold, italics) {
    const embedded = provideFont.call(this, family, bold, italics);
    const memo = memos.get(this);
    if (!memo || wrapped.has(embedded)) return embedded;
    wrapped.add(embedded);
    // Wrapped when the font is embedded, at the document's end: by then its subset is the one
    // it keeps (shared-fonts.ts gives a font a new subset after this is called).
    const embed = embedded.embed;
    embedded.embed = function (this: EmbeddedFont) {
      const bytes = this.font.stream?.buffer;
      const subset = this.subset;
      if (typeof bytes === 'object' && bytes !== null) {
        let font = fontHashes.get(bytes);
        if (font === undefined) fontHashes.set(bytes, (font = sha256(bytes as Uint8Array).toString('hex')));
        const encode = subset.encode.bind(subset);
        subset.encode = () => memo.subset(font, subset.glyphs, encode);
      }
      return embed.call(this);
    };
    return embedded;
  };
}
