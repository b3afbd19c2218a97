// The memo of a document's compressed streams and font subsets: what it gives is what zlib and
// fontkit would make, taken from the last build's entry when that holds it.
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { StreamMemo, streamMemoKey } from './stream-memo.ts';

const page = (text: string) => Buffer.from(`BT /F1 10 Tf (${text}) Tj ET\n`.repeat(200));

describe('StreamMemo', () => {
  it('deflates as zlib does, and gives the next build the kept bytes without deflating again', () => {
    const first = new StreamMemo();
    const raw = page('a');
    expect(first.deflate(raw).equals(deflateSync(raw))).toBe(true);
    expect(first.changed).toBe(true);

    // The entry's bytes are what the next build writes: a planted stand-in proves they are read.
    const entry = Buffer.from(first.toBytes());
    const kept = deflateSync(raw);
    const stored = entry.indexOf(kept);
    expect(stored).toBeGreaterThan(0);
    entry[stored + kept.length - 1]! ^= 0xff;
    const next = new StreamMemo(entry);
    const given = next.deflate(raw);
    expect(given.equals(kept)).toBe(false);
    expect(given.subarray(0, -1).equals(kept.subarray(0, -1))).toBe(true);
    // Everything it held was used, nothing added: the entry stays as it is.
    expect(next.changed).toBe(false);
  });

  it('keeps only what this build used', () => {
    const first = new StreamMemo();
    first.deflate(page('old'));
    first.deflate(page('same'));
    const next = new StreamMemo(first.toBytes());
    next.deflate(page('same'));
    expect(next.changed).toBe(true);
    const third = new StreamMemo(next.toBytes());
    third.deflate(page('same'));
    expect(third.changed).toBe(false);
    expect(third.toBytes().length).toBeLessThan(first.toBytes().length);
  });

  it('compresses a short stream each time, without keeping it', () => {
    const memo = new StreamMemo();
    const short = Buffer.from('q 1 0 0 1 0 0 cm Q\n');
    expect(memo.deflate(short).equals(deflateSync(short))).toBe(true);
    expect(memo.changed).toBe(false);
    expect(memo.toBytes().length).toBe(0);
  });

  it('encodes a subset once for the same font and glyphs in the same order', () => {
    const subset = page('glyf');
    let encoded = 0;
    const encode = () => {
      encoded++;
      return subset;
    };
    const first = new StreamMemo();
    expect(first.subset('font', [0, 5, 3], encode)).toBe(subset);
    // pdfkit then compresses the subset's bytes, which the memo keeps.
    first.deflate(subset);
    const next = new StreamMemo(first.toBytes());
    expect(Buffer.from(next.subset('font', [0, 5, 3], encode)).equals(subset)).toBe(true);
    expect(encoded).toBe(1);
    expect(next.deflate(subset).equals(deflateSync(subset))).toBe(true);
    expect(next.changed).toBe(false);
    // Another order numbers the glyphs otherwise; another font is another subset.
    next.subset('font', [0, 3, 5], encode);
    next.subset('other font', [0, 5, 3], encode);
    expect(encoded).toBe(3);
  });

  it('reads a damaged entry as far as it is whole', () => {
    const memo = new StreamMemo();
    const a = page('a');
    const b = page('b');
    memo.deflate(a);
    memo.deflate(b);
    const entry = memo.toBytes();
    const cut = new StreamMemo(entry.subarray(0, entry.length - 5));
    expect(inflateSync(cut.deflate(a)).equals(a)).toBe(true);
    expect(cut.changed).toBe(false);
    expect(inflateSync(cut.deflate(b)).equals(b)).toBe(true);
    expect(cut.changed).toBe(true);
  });

  it('keys a document’s memo by its name, the build’s salt and zlib’s version', () => {
    const key = streamMemoKey('salt', '実施計画_2024-2026');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(streamMemoKey('salt', '担当課別/総務課')).not.toBe(key);
    expect(streamMemoKey('other salt', '実施計画_2024-2026')).not.toBe(key);
  });
});
