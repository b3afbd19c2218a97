// Where everything sits in a 照会票: shared by the writer and the reader, so that a column moved
// here moves in both.

/** The worksheet names besides the 施策 sheets. */
export const INSTRUCTIONS_SHEET = '記入のしかた';
export const INFO_SHEET = '照会情報';

export const TITLE_ROW = 1;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

/** Marks a blank row left for a new 事業 (in the hidden 照合値 column). */
export const NEW_ROW_MARK = 'new';

/** Column numbers (1-based) of a 照会票 for a plan of `yearCount` years. */
export function inquiryColumns(yearCount: number) {
  const plans = 8;
  const amounts = plans + yearCount;
  return {
    // Hidden and locked: what matches an answer to the data.
    measureId: 1,
    initiativeId: 2,
    projectId: 3,
    hash: 4,
    // Shown.
    initiative: 5,
    project: 6,
    status: 7,
    plan: (i: number) => plans + i,
    amount: (i: number) => amounts + i,
    confirm: amounts + yearCount,
    note: amounts + yearCount + 1,
    last: amounts + yearCount + 1,
  } as const;
}
export type InquiryColumns = ReturnType<typeof inquiryColumns>;

/** The 照会情報 sheet: key in column A, value in B, from row 1; then the exported rows. */
export const INFO_KEYS = {
  format: '形式',
  municipality: '自治体',
  title: '計画',
  start: '初年度',
  end: '最終年度',
  department: '担当課',
} as const;
export type InfoKey = keyof typeof INFO_KEYS;
/** The row of 照会情報 that holds `key` (its value in column B). */
export const infoRow = (key: InfoKey): number => Object.keys(INFO_KEYS).indexOf(key) + 1;
/** Header of the exported-rows table, then one row per exported row: シート, 行, 施策ID, 取組ID, 事業ID, the answers as sent (JSON). */
export const INFO_ROWS_HEADER = 8;
/** Column of the 区分 list, and the first column of the 取組 lists (one per 施策 sheet). */
export const INFO_STATUS_COLUMN = 8;
export const INFO_INITIATIVES_COLUMN = 9;

/** A1-style column letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cellRef = (row: number, column: number): string => `${columnLetter(column)}${row}`;
