// The records keikaku keeps in out/.cache (a laid-out part, its drawn pages, a Word section) are
// deflated at zlib's fastest level (their JSON repeats itself: a tenth of the size), behind their
// inflated length, so that reading one back inflates into one buffer of that length. zlib's sync
// API otherwise fills 16 KB buffers and joins them: in a 1,400-施策 rebuild, which reads a record
// of every part back, the allocating and joining cost more than the inflating.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const LENGTH_BYTES = 4;

export function deflateKept(raw: Uint8Array | string): Uint8Array {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const deflated = deflateRawSync(bytes, { level: 1 });
  const kept = Buffer.allocUnsafeSlow(LENGTH_BYTES + deflated.length);
  kept.writeUInt32BE(bytes.length, 0);
  kept.set(deflated, LENGTH_BYTES);
  return new Uint8Array(kept.buffer, kept.byteOffset, kept.byteLength);
}

/** What deflateKept was given; it throws on bytes deflateKept did not make. */
export function inflateKept(kept: Uint8Array): Buffer {
  if (kept.length < LENGTH_BYTES) throw new Error('kept record: too short');
  const length = Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength).readUInt32BE(0);
  // One byte to spare: a buffer that fills makes zlib ask for another before it stops.
  const raw = inflateRawSync(kept.subarray(LENGTH_BYTES), { chunkSize: Math.max(64, length + 1) });
  if (raw.length !== length) throw new Error('kept record: not the length it gives');
  return raw;
}
