// Japanese line-breaking faults in a PDF, line by line as poppler's pdftotext lays the text out
// (-bbox-layout): a line that starts with a closing mark or small kana, a line that ends with
// an opening mark, a number split from its digits or counter across two lines of one block.
// The project's own copy of the checker handed to it, so that a user's clone runs it too; a
// failure of pdftotext throws, it is never read as "no faults".
import { execFileSync, spawnSync } from 'node:child_process';

const NO_START = new Set(
  '、。，．）」』】〕〉》］｝,.)]}!?！？：；ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ',
);
const NO_END = new Set('（「『【〔〈《［｛([{');
const COUNTER = /^(年度|年|月|日|円|千円|件|人|回|か所|カ所|％|%|歳|時|分)/;

export const pdftotextAvailable = spawnSync('pdftotext', ['-v']).status === 0;

const unescapeXml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|apos|#39);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[e]!,
  );

/** One string per fault (`p3: line starts with '、': …`); an empty list when there are none. */
export function kinsokuFaults(pdf: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const faults: string[] = [];
  const pages = xml.match(/<page .*?<\/page>/gs) ?? [];
  if (pages.length === 0) throw new Error(`pdftotext found no pages in ${pdf}`);
  pages.forEach((page, p) => {
    for (const block of page.match(/<block .*?<\/block>/gs) ?? []) {
      const lines = (block.match(/<line .*?<\/line>/gs) ?? [])
        .map((line) => [...line.matchAll(/<word [^>]*>(.*?)<\/word>/gs)].map((w) => unescapeXml(w[1]!)).join(''))
        .filter((line) => line !== '');
      lines.forEach((line, i) => {
        const chars = [...line];
        if (NO_START.has(chars[0]!))
          faults.push(`p${p + 1}: line starts with '${chars[0]}': ${chars.slice(0, 20).join('')}`);
        if (NO_END.has(chars.at(-1)!))
          faults.push(`p${p + 1}: line ends with '${chars.at(-1)}': ${chars.slice(-20).join('')}`);
        const next = lines[i + 1];
        if (next !== undefined && /[0-9０-９],?$/.test(line) && (/^[0-9０-９,]/.test(next) || COUNTER.test(next))) {
          faults.push(`p${p + 1}: number split: ${chars.slice(-10).join('')} | ${[...next].slice(0, 10).join('')}`);
        }
      });
    }
  });
  return faults;
}
