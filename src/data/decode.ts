// Bytes of a data file to text: UTF-8 only, a BOM tolerated, anything else explained.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** Data files are small; anything this large is a mistake (or an attack), refused before parsing. */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export const tooLargeDiagnostic = (file: string, bytes: number): Diagnostic => ({
  severity: 'error',
  file,
  rule: 'file-too-large',
  message: `ファイルが大きすぎます（${(bytes / 1024 / 1024).toFixed(1)}MB）。データファイルは${MAX_DATA_FILE_BYTES / 1024 / 1024}MBまでです`,
});

export function decodeDataFile(file: string, bytes: Uint8Array): { text?: string; diagnostics: Diagnostic[] } {
  if (bytes.length > MAX_DATA_FILE_BYTES) return { diagnostics: [tooLargeDiagnostic(file, bytes.length)] };
  try {
    // TextDecoder drops a leading UTF-8 BOM, as Windows Notepad writes one.
    return { text: strictUtf8.decode(bytes), diagnostics: [] };
  } catch {
    const { line, col } = firstInvalidPosition(bytes);
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const message = utf16
      ? 'UTF-16で保存されています。文字コードを「UTF-8」にして保存し直してください'
      : 'UTF-8として読めない文字があります。Shift_JIS（ANSI）など別の文字コードで保存されているようです。文字コードを「UTF-8」にして保存し直してください';
    return { diagnostics: [{ severity: 'error', file, line, col, rule: 'not-utf8', message }] };
  }
}

/** Line and column of the first byte that is not valid UTF-8 (the valid prefix decodes cleanly). */
function firstInvalidPosition(bytes: Uint8Array): { line: number; col: number } {
  let lo = 0;
  let hi = bytes.length;
  // Binary search the longest prefix that decodes in streaming mode (an incomplete tail is fine).
  // A fresh decoder each time: flushing one to reuse it would throw for a prefix that ends inside
  // a character, and count that prefix as invalid.
  const prefixOk = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (prefixOk(mid)) lo = mid;
    else hi = mid - 1;
  }
  // Streaming again: the start of the character the bad byte breaks is not counted as a character.
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, lo), { stream: true });
  const lines = text.split('\n');
  return { line: lines.length, col: [...(lines[lines.length - 1] ?? '')].length + 1 };
}
