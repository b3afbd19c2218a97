// The internals of JSZip and pako (JSZip's deflate) that office-zip.ts uses to hand JSZip each
// part already compressed, by one deflate state reset between parts: neither package exports
// them in its types, and pako 1.0 ships none. Both are pinned (package.json); a new version is
// checked by tests/office-zip.test.ts, which compares the bytes with JSZip's own compression.
declare module 'jszip/lib/compressedObject.js' {
  /** A part's content as JSZip holds a part it read from a zip: compressed, with its sizes and CRC-32. */
  export default class CompressedObject {
    constructor(compressedSize: number, uncompressedSize: number, crc32: number, compression: object, data: Uint8Array);
  }
}
declare module 'jszip/lib/compressions.js' {
  const compressions: { readonly DEFLATE: object; readonly STORE: object };
  export default compressions;
}
declare module 'jszip/lib/crc32.js' {
  /** The CRC-32 of the bytes, continued from `crc` (0 to start). */
  export default function crc32(input: Uint8Array, crc?: number): number;
}
declare module 'pako/lib/zlib/zstream.js' {
  /** zlib's z_stream, with buffers for pointers. */
  export default class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
  }
}
declare module 'pako/lib/zlib/deflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js';
  const deflate: {
    deflateInit2(
      strm: ZStream,
      level: number,
      method: number,
      windowBits: number,
      memLevel: number,
      strategy: number,
    ): number;
    deflateReset: (strm: ZStream) => number;
    deflate: (strm: ZStream, flush: number) => number;
  };
  export default deflate;
}
declare module 'pako/lib/deflate.js' {
  /** pako's own raw deflate, by a new state: what tests compare PartDeflater with. */
  export function deflateRaw(input: Uint8Array, options: { level: number }): Uint8Array;
}
