import { describe, expect, it } from 'vitest';
import { deflateKept, inflateKept } from './kept-record.ts';

describe('kept records', () => {
  it('inflate to what was kept, text or bytes, empty or larger than zlib’s 16 KB buffers', () => {
    const long = '施策の本文、'.repeat(20_000);
    expect(inflateKept(deflateKept(long)).toString('utf8')).toBe(long);
    expect(inflateKept(deflateKept('')).length).toBe(0);
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251);
    expect(new Uint8Array(inflateKept(deflateKept(bytes)))).toEqual(bytes);
  });

  it('refuse bytes whose length is not what they give, or that are not a kept record', () => {
    const kept = deflateKept('本文'.repeat(100));
    const wrongLength = Uint8Array.from(kept);
    wrongLength[3] = wrongLength[3]! + 1;
    expect(() => inflateKept(wrongLength)).toThrow('not the length it gives');
    expect(() => inflateKept(kept.subarray(0, 3))).toThrow('too short');
    expect(() => inflateKept(Uint8Array.from([0, 0, 0, 5, 0xff, 0xff, 0xff]))).toThrow();
  });
});
