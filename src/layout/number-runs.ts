// Japanese line breaking keeps a number with its counter (2024年度, 11,527, 午後8時15分,
// R5年度): UAX #14 allows a break between a digit and a following kanji, so such spans become
// runs that must not wrap.

// Digits (with thousands separators and decimals), optionally led by a Latin era letter (R5),
// followed by the counters that commonly close them.
// A chain of them stays whole too: 8時15分, 2024年4月1日.
const NUMBER_WITH_COUNTER =
  /(?:[A-Za-z]?[0-9０-９]+(?:[,，.．][0-9０-９]+)*(?:年度|カ年|か年|ヵ年|年|月|日|時|分|秒|円|千円|万円|億円|件|人|回|か所|カ所|歳|％|%|期|次|号|条|項|倍|世帯|台|部|名)*)+/g;

export interface Run {
  readonly text: string;
  readonly noWrap: boolean;
}

export function numberRuns(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER_WITH_COUNTER)) {
    const start = match.index;
    // A lone digit with no counter cannot be split anyway; keep runs few.
    if (match[0].length < 2) continue;
    if (start > last) runs.push({ text: text.slice(last, start), noWrap: false });
    runs.push({ text: match[0], noWrap: true });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), noWrap: false });
  return runs;
}

/**
 * How much narrower a thousands comma is set in a figure, in em. BIZ UDゴシック's comma takes a
 * full half-width cell (0.5 em) with its ink at the left, which prints 「7, 344」 with a gap a
 * finance reader notices; set 0.25 em narrower, digits keep their fixed width (columns still line
 * up) and the comma sits close to the digit after it.
 */
export const COMMA_SQUEEZE_EM = 0.25;
/** The comma's own advance in BIZ UDゴシック (a half-width cell). */
export const COMMA_WIDTH_EM = 0.5;

const FIGURE = /^[△▲-]?\d{1,3}(?:,\d{3})+$/;

/**
 * A figure with thousands commas (12,408, △1,200) cut into digits and commas, so that each
 * backend can set the commas narrower; undefined for any other text (left as it is).
 */
export function figureParts(text: string): { readonly text: string; readonly comma: boolean }[] | undefined {
  if (!FIGURE.test(text)) return undefined;
  return text
    .split(/(,)/)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, comma: part === ',' }));
}
