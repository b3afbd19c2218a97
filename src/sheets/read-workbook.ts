// Reads an answered workbook (as Excel or LibreOffice Calc saved it) into plain cells: what a
// cell shows, whatever the library's representation (rich text, shared strings, a formula's
// cached result, a hyperlink).
import ExcelJS from 'exceljs';

export type CellValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly text: string }
  /** A date, a truth value, an error: never an answer keikaku asks for. */
  | { readonly kind: 'other'; readonly text: string };

export interface ReadSheet {
  readonly name: string;
  readonly rowCount: number;
  cell(row: number, column: number): CellValue;
}

export interface ReadWorkbook {
  sheet(name: string): ReadSheet | undefined;
}

/** The file is not a workbook exceljs can open (not .xlsx, damaged, encrypted). */
export class WorkbookReadError extends Error {}

const EMPTY: CellValue = { kind: 'empty' };

export async function readWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookReadError(error instanceof Error ? error.message : String(error));
  }
  const sheets = new Map<string, ReadSheet>();
  for (const ws of workbook.worksheets) {
    sheets.set(ws.name, {
      name: ws.name,
      rowCount: ws.rowCount,
      cell: (row, column) => cellValue(ws.getRow(row).getCell(column).value),
    });
  }
  return { sheet: (name) => sheets.get(name) };
}

export function cellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'other', text: String(value) };
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'other', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'other', text: value.toISOString().slice(0, 10) };
  if ('richText' in value) return cellValue(value.richText.map((run) => run.text).join(''));
  if ('formula' in value || 'sharedFormula' in value)
    return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return cellValue((value as { text?: string }).text ?? '');
  if ('error' in value) return { kind: 'other', text: String((value as { error: unknown }).error) };
  return { kind: 'other', text: JSON.stringify(value) };
}

/** A cell as text (an answer compared with what was written out): numbers in plain digits. */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(value.value);
    default:
      return value.text.replace(/\r\n?/g, '\n');
  }
}
