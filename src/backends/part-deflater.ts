// Raw deflate for the parts of an Office file, by one deflate state for all of them: JSZip makes
// a new state for each part it compresses (about 270 KB of buffers, zero-filled), and a Word file
// has a header and a footer part, with their relationships, for every section: about 145 parts
// for the shipped plan, 11,000 for a plan of 1,400 施策, so that zipping one made and dropped
// some 3 GB of buffers. The state here is pako's, as JSZip's, reset between parts: the reset
// clears the hash chains' heads, so that a match is sought only in the part being compressed,
// and what earlier parts left in the window is never read as a match (a match is cut at the
// input's end); each part's bytes are those a new state gives (tests/office-zip.test.ts).
import pakoDeflate from 'pako/lib/zlib/deflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';

// zlib's constants (zlib.h), as JSZip asks pako for its parts: raw deflate, a 32 KB window.
const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_NO_FLUSH = 0;
const Z_FINISH = 4;
const Z_DEFLATED = 8;
const RAW_WINDOW_BITS = -15;
const MEM_LEVEL = 8;
const Z_DEFAULT_STRATEGY = 0;

const OUTPUT_CHUNK = 64 * 1024;

export class PartDeflater {
  private readonly stream = new ZStream();
  private readonly output = new Uint8Array(OUTPUT_CHUNK);

  constructor(level: number) {
    const status = pakoDeflate.deflateInit2(
      this.stream,
      level,
      Z_DEFLATED,
      RAW_WINDOW_BITS,
      MEM_LEVEL,
      Z_DEFAULT_STRATEGY,
    );
    if (status !== Z_OK) throw new Error(`deflate could not start (zlib status ${status})`);
  }

  /** The raw deflate of the bytes given one piece after another, as of one piece holding them all. */
  deflate(pieces: Iterable<Uint8Array>): Uint8Array {
    const stream = this.stream;
    if (pakoDeflate.deflateReset(stream) !== Z_OK) throw new Error('deflate could not be reset');
    const out: Uint8Array[] = [];
    this.startOutput();
    for (const piece of pieces) {
      stream.input = piece;
      stream.next_in = 0;
      stream.avail_in = piece.length;
      while (stream.avail_in > 0) this.step(Z_NO_FLUSH, out);
    }
    stream.input = new Uint8Array(0);
    stream.next_in = 0;
    stream.avail_in = 0;
    while (this.step(Z_FINISH, out) !== Z_STREAM_END);
    if (stream.next_out > 0) out.push(this.output.slice(0, stream.next_out));
    stream.input = null;
    return out.length === 1 ? out[0]! : Buffer.concat(out);
  }

  private step(flush: number, out: Uint8Array[]): number {
    const status = pakoDeflate.deflate(this.stream, flush);
    if (status !== Z_OK && status !== Z_STREAM_END) throw new Error(`deflate failed (zlib status ${status})`);
    if (this.stream.avail_out === 0) {
      out.push(this.output.slice());
      this.startOutput();
    }
    return status;
  }

  private startOutput(): void {
    this.stream.output = this.output;
    this.stream.next_out = 0;
    this.stream.avail_out = OUTPUT_CHUNK;
  }
}
