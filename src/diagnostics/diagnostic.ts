// A Diagnostic is one problem found in the user's input, with its place; stages collect them
// instead of throwing, so that one run reports every problem of every file.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** Path of the file as the user typed it or as found under the data folder (POSIX separators). */
  readonly file: string;
  /** 1-based; absent when the problem concerns the whole file (e.g. a missing file). */
  readonly line?: number;
  readonly col?: number;
  /** For a spreadsheet, the sheet and cell (`施策12!F7`) or the sheet alone; instead of line and col. */
  readonly cell?: string;
  /** Japanese text for the user: what is wrong and what was expected. */
  readonly message: string;
  /** Stable rule name, for tests and tooling (e.g. `unknown-key`). */
  readonly rule: string;
}

/** A value together with the diagnostics produced while computing it (Typst's Warned<T>). */
export interface Diagnosed<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Sorted by file, then line, then column; ties keep their original order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0),
  );
}

// Code-point order, not locale order: the same on every machine.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
