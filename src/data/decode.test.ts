// Proves how a data file's bytes become text: UTF-8 with or without a BOM, the 5MB limit, and
// the message (and place) for UTF-16 and for bytes that are not UTF-8 (Shift_JIS).
import { describe, expect, it, vi } from 'vitest';
import { decodeDataFile, MAX_DATA_FILE_BYTES, tooLargeDiagnostic } from './decode.ts';

const FILE = 'data/plan.yaml';
const NOT_UTF8 =
  'UTF-8として読めない文字があります。Shift_JIS（ANSI）など別の文字コードで保存されているようです。文字コードを「UTF-8」にして保存し直してください';
const UTF16 = 'UTF-16で保存されています。文字コードを「UTF-8」にして保存し直してください';

/** Bytes from pieces: a string as UTF-8, a number as one byte. */
const bytesOf = (...pieces: (string | number)[]) =>
  Uint8Array.from(pieces.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : [p])));

const notUtf8 = (line: number, col: number, message: string) => ({
  diagnostics: [{ severity: 'error', file: FILE, line, col, rule: 'not-utf8', message }],
});

describe('decodeDataFile', () => {
  it('reads UTF-8 as text, dropping a BOM, and refuses bytes that are not UTF-8 or too many', async () => {
    // Imported afresh inside the test: the decoder is made when the module is evaluated, and
    // Stryker runs a mutant of it only against the tests that evaluate it.
    vi.resetModules();
    const fresh = await import('./decode.ts');
    expect(fresh.decodeDataFile(FILE, bytesOf('title: 見本\n'))).toEqual({ text: 'title: 見本\n', diagnostics: [] });
    expect(fresh.decodeDataFile(FILE, bytesOf(0xef, 0xbb, 0xbf, 'title: 見本\n'))).toEqual({
      text: 'title: 見本\n',
      diagnostics: [],
    });
    // 見 in Shift_JIS is 0x8C 0xA9.
    expect(fresh.decodeDataFile(FILE, bytesOf('title: ', 0x8c, 0xa9, '\n'))).toEqual(notUtf8(1, 8, NOT_UTF8));
    expect(fresh.tooLargeDiagnostic(FILE, 6 * 1024 * 1024).message).toBe(
      'ファイルが大きすぎます（6.0MB）。データファイルは5MBまでです',
    );
  });

  it('points at the first byte it cannot read, by line and column', () => {
    expect(decodeDataFile(FILE, bytesOf('id: s01\nnumber: 1\ntitle: x', 0x8c, 0xa9, '\n'))).toEqual(
      notUtf8(3, 9, NOT_UTF8),
    );
  });

  it('counts the Japanese before the bad byte as characters, whatever their length in bytes', () => {
    // あ (3 bytes) then a byte no UTF-8 character starts with.
    expect(decodeDataFile(FILE, bytesOf('あ', 0xff))).toEqual(notUtf8(1, 2, NOT_UTF8));
    // A Shift_JIS 見 (8C A9) after lines holding kanji.
    const text = 'municipality: 利根町\ntitle: 実施計画\nperiod:\n  start: 2024\n  end: 2026\nx: ';
    expect(decodeDataFile(FILE, bytesOf(text, 0x8c, 0xa9, '\n'))).toEqual(notUtf8(6, 4, NOT_UTF8));
    // A character cut short (the first two bytes of あ, then a letter): the place is where it starts.
    expect(decodeDataFile(FILE, bytesOf('いx', 0xe3, 0x81, 'y'))).toEqual(notUtf8(1, 3, NOT_UTF8));
  });

  it('says UTF-16 for a file that starts with a UTF-16 byte order mark, either order', () => {
    expect(decodeDataFile(FILE, Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toEqual(notUtf8(1, 1, UTF16));
    expect(decodeDataFile(FILE, Uint8Array.from([0xfe, 0xff, 0x00, 0x61]))).toEqual(notUtf8(1, 1, UTF16));
  });

  it('does not say UTF-16 when only one byte of the two looks like a byte order mark', () => {
    expect(decodeDataFile(FILE, Uint8Array.from([0xff, 0x61]))).toEqual(notUtf8(1, 1, NOT_UTF8));
    expect(decodeDataFile(FILE, Uint8Array.from([0x61, 0xfe]))).toEqual(notUtf8(1, 2, NOT_UTF8));
    expect(decodeDataFile(FILE, Uint8Array.from([0xfe, 0x61]))).toEqual(notUtf8(1, 1, NOT_UTF8));
    expect(decodeDataFile(FILE, Uint8Array.from([0x61, 0xff]))).toEqual(notUtf8(1, 2, NOT_UTF8));
  });

  it('reads a file of exactly 5MB, and refuses one byte more before decoding it', () => {
    const largest = new Uint8Array(MAX_DATA_FILE_BYTES).fill(0x61);
    expect(decodeDataFile(FILE, largest).text).toHaveLength(5 * 1024 * 1024);
    const tooLarge = new Uint8Array(MAX_DATA_FILE_BYTES + 1).fill(0xff);
    expect(decodeDataFile(FILE, tooLarge)).toEqual({
      diagnostics: [
        {
          severity: 'error',
          file: FILE,
          rule: 'file-too-large',
          message: 'ファイルが大きすぎます（5.0MB）。データファイルは5MBまでです',
        },
      ],
    });
  });
});

describe('tooLargeDiagnostic', () => {
  it('gives the size in MB to one decimal, for the whole file (no line or column)', () => {
    expect(tooLargeDiagnostic('data/measures/01.yaml', 7.5 * 1024 * 1024)).toEqual({
      severity: 'error',
      file: 'data/measures/01.yaml',
      rule: 'file-too-large',
      message: 'ファイルが大きすぎます（7.5MB）。データファイルは5MBまでです',
    });
  });
});
