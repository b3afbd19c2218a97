// Adjacent brackets and punctuation set tight (JLReq 3.1.4): 」（, ）」, 。」 and 、「 each print
// with the half-width blank of both marks run together, so they do not leave a full-width gap.
// A closing mark (or 、。) followed by another mark, or an opening bracket by another opening one,
// is set half an em closer; the PDF prints such a run as one word with negative spacing.

const CLOSING = new Set('、。，．）」』】〕〉》］｝');
const OPENING = new Set('（「『【〔〈《［｛');

/** How much closer each such pair is set, in em. */
export const PAIR_SQUEEZE_EM = 0.5;

const tight = (a: string, b: string) =>
  (CLOSING.has(a) && (CLOSING.has(b) || OPENING.has(b))) || (OPENING.has(a) && OPENING.has(b));

/**
 * `text` cut into runs, those of two or more marks in a row that are set tight marked `tight`
 * (every neighbouring pair in it qualifies); undefined when the text has none.
 */
export function punctuationRuns(text: string): { readonly text: string; readonly tight: boolean }[] | undefined {
  const chars = [...text];
  const runs: { text: string; tight: boolean }[] = [];
  let i = 0;
  let plain = '';
  let found = false;
  while (i < chars.length) {
    let j = i;
    while (j + 1 < chars.length && tight(chars[j]!, chars[j + 1]!)) j++;
    if (j > i) {
      if (plain) runs.push({ text: plain, tight: false });
      plain = '';
      runs.push({ text: chars.slice(i, j + 1).join(''), tight: true });
      found = true;
      i = j + 1;
    } else {
      plain += chars[i]!;
      i++;
    }
  }
  if (plain) runs.push({ text: plain, tight: false });
  return found ? runs : undefined;
}
