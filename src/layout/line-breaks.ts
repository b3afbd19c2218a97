// Where pdfmake breaks a paragraph into lines, worked out without laying it out: the same UAX #14
// breaker (linebreak), the same widths (layout/text-measure.ts) and the same greedy filling as
// pdfmake 0.3's TextBreaker and LayoutBuilder.buildNextLine (runs glued when a word spans them,
// a word wider than the line cut where it fills the line, leading and trailing spaces not
// counted). Column fitting (fit-columns.ts) asks it how a cell wraps at a candidate width.
import LineBreaker from 'linebreak';
import type { FontRole } from '../theme/theme.ts';
import type { Measure } from './text-measure.ts';

/** A run of text as the PDF backend hands it to pdfmake. */
export interface Piece {
  readonly text: string;
  /** Kept on one line (a number with its counter). */
  readonly noWrap: boolean;
  readonly bold: boolean;
  /** Extra space between the run's characters, in points (the narrowed thousands comma). */
  readonly spacing: number;
}

export interface TextStyle {
  readonly font: FontRole;
  readonly size: number;
}

interface Word {
  text: string;
  lineEnd?: boolean;
}

function splitWords(text: string, noWrap: boolean): Word[] {
  if (noWrap) return [{ text }];
  if (text.length === 0) return [{ text: '' }];
  const words: Word[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const word = text.slice(last, bk.position);
    if (bk.required || /\r?\n$|\r$/.test(word)) words.push({ text: word.replace(/\r?\n$|\r$/, ''), lineEnd: true });
    else words.push({ text: word });
    last = bk.position;
  }
  return words;
}

const firstWord = (words: Word[], noWrap: boolean) =>
  words[0] === undefined ? null : noWrap ? (splitWords(words[0].text, false)[0]?.text ?? null) : words[0].text;

function lastWord(words: Word[], noWrap: boolean): string | null {
  const word = words.at(-1);
  if (word === undefined || word.lineEnd) return null;
  return noWrap ? (splitWords(word.text, false).at(-1)?.text ?? null) : word.text;
}

interface Inline {
  text: string;
  width: number;
  leadingCut: number;
  trailingCut: number;
  noWrap: boolean;
  lineEnd: boolean;
  noNewLine: boolean;
  bold: boolean;
  spacing: number;
}

/** A paragraph cut into pdfmake's inlines once; `fillLines` then lays it out at any width. */
export interface PreparedText {
  readonly inlines: readonly Readonly<Inline>[];
  readonly widthOf: (text: string, piece: Pick<Piece, 'bold' | 'spacing'>) => number;
}

/** The lines a paragraph of `pieces` takes in a column `width` points wide. */
export function breakLines(pieces: readonly Piece[], width: number, style: TextStyle, measure: Measure): string[] {
  return fillLines(prepareText(pieces, style, measure), width);
}

export function prepareText(pieces: readonly Piece[], style: TextStyle, measure: Measure): PreparedText {
  const widthOf = (text: string, piece: Pick<Piece, 'bold' | 'spacing'>) =>
    text.length === 0 ? 0 : measure(text, style.font, piece.bold) * style.size + piece.spacing * (text.length - 1);
  const inlines: Inline[] = [];
  let previousLast: string | null = null;
  pieces.forEach((piece, p) => {
    const words = splitWords(piece.text, piece.noWrap);
    if (previousLast !== null && words.length > 0) {
      const first = firstWord(words, piece.noWrap);
      if (splitWords(previousLast + (first ?? ''), false).length === 1) inlines.at(-1)!.noNewLine = true;
    }
    for (const word of words) {
      const leading = /^\s*/.exec(word.text)![0];
      const trailing = /\s*$/.exec(word.text)![0];
      inlines.push({
        text: word.text,
        width: widthOf(word.text, piece),
        leadingCut: leading ? widthOf(leading, piece) : 0,
        trailingCut: trailing ? widthOf(trailing, piece) : 0,
        noWrap: piece.noWrap,
        lineEnd: word.lineEnd === true,
        noNewLine: false,
        bold: piece.bold,
        spacing: piece.spacing,
      });
    }
    previousLast = p + 1 < pieces.length ? lastWord(words, piece.noWrap) : null;
  });
  return { inlines, widthOf };
}

export function fillLines(prepared: PreparedText, width: number): string[] {
  const { widthOf } = prepared;
  const inlines = [...prepared.inlines];
  const lines: string[] = [];
  while (inlines.length > 0) {
    let text = '';
    let count = 0;
    let used = 0;
    let leadingCut = 0;
    let trailingCut = 0;
    let forced = false;
    const fits = (inline: Inline) => {
      if (count === 0) return true;
      if (forced) return false;
      let w = inline.width;
      let cut = inline.trailingCut;
      if (inline.noNewLine) {
        for (let i = 1; i < inlines.length; i++) {
          w += inlines[i]!.width;
          cut += inlines[i]!.trailingCut;
          if (!inlines[i]!.noNewLine) break;
        }
      }
      return used + w - leadingCut - cut <= width;
    };
    let forceContinue = false;
    while (inlines.length > 0 && (fits(inlines[0]!) || forceContinue)) {
      let inline = inlines.shift()!;
      let hardWrap = false;
      const available = width - (used - leadingCut - trailingCut);
      if (!inline.noWrap && inline.text.length > 1 && inline.width > available) {
        const max = maxFitLength(inline.text, available, (t) => widthOf(t, inline));
        if (max < inline.text.length) {
          const rest = inline.text.slice(max);
          inlines.unshift({ ...inline, text: rest, width: widthOf(rest, inline) });
          const start = inline.text.slice(0, max);
          inline = { ...inline, text: start, width: widthOf(start, inline) };
          hardWrap = true;
        }
      }
      if (count === 0) leadingCut = inline.leadingCut;
      trailingCut = inline.trailingCut;
      used += inline.width;
      text += inline.text;
      count++;
      if (inline.lineEnd) forced = true;
      forceContinue = inline.noNewLine && !hardWrap;
    }
    lines.push(text);
  }
  return lines;
}

/** pdfmake's binary search for the longest start of a word that fits (at least one character). */
function maxFitLength(text: string, maxWidth: number, widthOf: (t: string) => number): number {
  let low = 1;
  let high = text.length;
  let best = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (widthOf(text.substring(0, mid)) <= maxWidth) {
      best = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}
