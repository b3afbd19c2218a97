// How the PDF sets the text of one inline: cut into runs, each with the space taken out between
// its characters. A figure's thousands commas (number-runs.ts) and brackets and punctuation in a
// row (punctuation.ts) are set closer; the backend and the column fitting (fit-columns.ts) both
// read these runs, so what is measured is what prints.
import { COMMA_SQUEEZE_EM, figureParts } from './number-runs.ts';
import { PAIR_SQUEEZE_EM, punctuationRuns } from './punctuation.ts';

export interface TightRun {
  readonly text: string;
  /** Space added between the run's characters, in em (negative: closer). */
  readonly spacingEm: number;
  /** Kept on one line (marks set tight together). */
  readonly keepWhole: boolean;
}

export function tightRuns(text: string): TightRun[] {
  // pdfmake counts a run's character spacing between its characters only, so each comma goes in
  // one run with the digit after it (「,3」): the digit moves up to the comma. No line break opens
  // around a comma (pdfmake glues such runs).
  if (figureParts(text))
    return text
      .split(/(,\d)/)
      .filter((piece) => piece !== '')
      .map((piece) => ({ text: piece, spacingEm: piece.startsWith(',') ? -COMMA_SQUEEZE_EM : 0, keepWhole: false }));
  const marks = punctuationRuns(text);
  if (marks)
    return marks.map((piece) => ({
      text: piece.text,
      spacingEm: piece.tight ? -PAIR_SQUEEZE_EM : 0,
      keepWhole: piece.tight,
    }));
  return [{ text, spacingEm: 0, keepWhole: false }];
}
