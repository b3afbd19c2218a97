// Line-breaking faults counted from where a reader (pdfjs) finds the text on each page, for a
// PDF of keikaku's and for LibreOffice's rendering of the Word file alike:
// - lines: text items on one baseline, each starting where the previous one ended, make a line;
// - paragraphs: a line continues the one above it when it starts at the same x (or one
//   character further, the text beside a list marker) and lies exactly one line pitch lower. The
//   pitch is the most common distance between such lines in the document, so that the space
//   between two paragraphs of a cell (or two rows) does not join them; a line that starts with
//   a list marker (・, ○, ①…) starts a paragraph of its own, a 目次 entry's leader ends one, and
//   a page number alone is one;
// - faults: a line that starts with a closing mark or small kana, or ends with an opening
//   mark (kinsoku); a number whose digits or counter go on to the next line; a paragraph of
//   two lines or more whose last line holds a single character.
import { openPdf } from './extract.ts';

const NO_START = new Set(
  '、。，．）」』】〕〉》］｝,.)]}!?！？：；ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ',
);
const NO_END = new Set('（「『【〔〈《［｛([{');
const COUNTER = /^(年度|年|月|日|円|千円|件|人|回|か所|カ所|％|%|歳|時|分)/;
/** Marks a list item starts with: its wrapped lines start one character to the right. */
const MARKER = /^[・○●◎□■◆①-⑳]/;
/** Leader dots (and the page number): the end of a 目次 entry. */
const LEADER = /(\.{4,}|…{2,}|･{4,})\s*\d*$/;
/** A page number alone (in the 目次's number column, or a page's foot). */
const PAGE_NUMBER = /^\d+$/;

export interface Line {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  end: number;
  text: string;
}

export interface LineFaults {
  readonly lines: number;
  readonly paragraphs: number;
  /** Lines that start with a closing mark or small kana, or end with an opening mark. */
  readonly kinsoku: string[];
  /** A number broken from its digits or counter: `p3: …午後8時15 | 分まで…`. */
  readonly numberSplits: string[];
  /** Paragraphs whose last line is a single character: `p3: …活用周 | 知`. */
  readonly strayCharacters: string[];
}

export async function lineFaults(bytes: Uint8Array): Promise<LineFaults> {
  const lines = await pdfLines(bytes);
  const pitch = linePitch(lines);
  const paragraphs: Line[][] = [];
  const open: Line[][] = []; // paragraphs of the current page, any of which a line may continue
  let page = 0;
  for (const line of lines) {
    if (line.page !== page) {
      page = line.page;
      open.length = 0;
    }
    // A list marker starts an item of its own, even one pitch below the previous item.
    const continued =
      MARKER.test(line.text) || PAGE_NUMBER.test(line.text)
        ? undefined
        : open.find((p) => {
            const last = p.at(-1)!;
            if (LEADER.test(last.text) || PAGE_NUMBER.test(last.text)) return false;
            const textX = MARKER.test(p[0]!.text) ? p[0]!.x + p[0]!.size : p[0]!.x;
            return (
              last.size === line.size &&
              Math.abs(last.y - line.y - (pitch.get(line.size) ?? Infinity)) < 0.3 &&
              (Math.abs(line.x - p[0]!.x) < 0.6 || Math.abs(line.x - textX) < 0.6)
            );
          });
    if (continued) continued.push(line);
    else {
      const paragraph = [line];
      paragraphs.push(paragraph);
      open.push(paragraph);
    }
  }
  const kinsoku: string[] = [];
  const numberSplits: string[] = [];
  const strayCharacters: string[] = [];
  for (const paragraph of paragraphs) {
    paragraph.forEach((line, i) => {
      const chars = [...line.text];
      const where = `p${line.page}`;
      if (NO_START.has(chars[0]!)) kinsoku.push(`${where}: 行頭に「${chars[0]}」: ${chars.slice(0, 20).join('')}`);
      if (NO_END.has(chars.at(-1)!)) kinsoku.push(`${where}: 行末に「${chars.at(-1)}」: ${chars.slice(-20).join('')}`);
      const next = paragraph[i + 1];
      if (next && /[0-9０-９],?$/.test(line.text) && (/^[0-9０-９,]/.test(next.text) || COUNTER.test(next.text)))
        numberSplits.push(
          `${where}: 数の途中で改行: ${chars.slice(-10).join('')} | ${[...next.text].slice(0, 10).join('')}`,
        );
    });
    const last = paragraph.at(-1)!;
    if (paragraph.length > 1 && [...last.text].length === 1)
      strayCharacters.push(`p${last.page}: ${[...paragraph.at(-2)!.text].slice(-12).join('')} | ${last.text}`);
  }
  return { lines: lines.length, paragraphs: paragraphs.length, kinsoku, numberSplits, strayCharacters };
}

/** Every line of every page, in the order pdfjs gives the text (the order it was drawn). */
export async function pdfLines(bytes: Uint8Array): Promise<Line[]> {
  const doc = await openPdf(bytes);
  const lines: Line[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items;
    const pageLines: Line[] = [];
    for (const item of items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [size, , , , x, y] = item.transform as number[];
      const line = pageLines.find((l) => Math.abs(l.y - y!) < 0.5 && Math.abs(l.end - x!) < size! * 0.6);
      if (line) {
        line.text += item.str;
        line.end = x! + item.width;
      } else
        pageLines.push({
          page: n,
          x: x!,
          y: y!,
          size: Math.round(size! * 100) / 100,
          end: x! + item.width,
          text: item.str,
        });
    }
    for (const line of pageLines) line.text = line.text.trim();
    lines.push(...pageLines);
  }
  await doc.destroy();
  return lines;
}

/** The most common distance from one line to the next below it at the same x, per font size. */
function linePitch(lines: readonly Line[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const below = lines.find(
      (l, j) => j > i && l.page === line.page && l.size === line.size && Math.abs(l.x - line.x) < 0.6 && l.y < line.y,
    );
    if (!below) continue;
    const dy = Math.round((line.y - below.y) * 10) / 10;
    if (dy > line.size * 2) continue;
    const bySize = counts.get(line.size) ?? new Map<number, number>();
    bySize.set(dy, (bySize.get(dy) ?? 0) + 1);
    counts.set(line.size, bySize);
  }
  const pitch = new Map<number, number>();
  for (const [size, byDy] of counts) pitch.set(size, [...byDy].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
  return pitch;
}
