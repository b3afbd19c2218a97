// Turns diagnostics into text for people (file:line:col: エラー: …), JSON for tools,
// and GitHub Actions workflow commands (::error file=…,line=…,col=…::…).
import type { Diagnostic } from './diagnostic.ts';

export const REPORT_FORMATS = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const SEVERITY_LABEL = { error: 'エラー', warning: '警告' } as const;

export function formatPlace(d: Pick<Diagnostic, 'file' | 'line' | 'col' | 'cell'>): string {
  if (d.cell !== undefined) return `${d.file}!${d.cell}`;
  if (d.line === undefined) return d.file;
  return `${d.file}:${d.line}:${d.col ?? 1}`;
}

/**
 * Control characters from the data (an escape sequence pasted into a name, say) are shown as
 * \u001B and the like: raw, they would recolour or rewrite the terminal that reads the report.
 */
const visibleControls = (s: string): string =>
  s.replace(
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );

export function formatText(d: Diagnostic): string {
  return visibleControls(`${formatPlace(d)}: ${SEVERITY_LABEL[d.severity]}: ${d.message}`);
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeGithubData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeGithubProperty = (s: string): string => escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(d: Diagnostic): string {
  const props = [`file=${escapeGithubProperty(d.file)}`];
  if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.col ?? 1}`);
  props.push(`title=${escapeGithubProperty(`keikaku ${d.rule}`)}`);
  // A workbook has no lines: its sheet and cell lead the message.
  const message = d.cell !== undefined ? `${d.cell}: ${d.message}` : d.message;
  return `::${d.severity} ${props.join(',')}::${escapeGithubData(message)}`;
}

/**
 * The most problems a text or GitHub report lists: a broken 5 MB file can hold tens of
 * thousands, and nobody reads past the first screens (GitHub shows a handful of annotations).
 * Errors are listed before warnings when some must be left out; JSON lists them all.
 */
export const MAX_LISTED = 200;

function listed(diagnostics: readonly Diagnostic[]): { shown: readonly Diagnostic[]; omitted: number } {
  if (diagnostics.length <= MAX_LISTED) return { shown: diagnostics, omitted: 0 };
  const keep = new Set(
    [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity !== 'error')].slice(
      0,
      MAX_LISTED,
    ),
  );
  return { shown: diagnostics.filter((d) => keep.has(d)), omitted: diagnostics.length - MAX_LISTED };
}

const omittedNote = (omitted: number) =>
  `ほかに ${omitted}件の問題があります（多すぎるため${MAX_LISTED}件だけを、エラーを先に表示しました。表示されたものを直してから、もう一度確かめてください）`;

export function formatReport(diagnostics: readonly Diagnostic[], format: ReportFormat): string {
  if (format === 'json') return formatJson(diagnostics);
  const { shown, omitted } = listed(diagnostics);
  const lines = shown.map((d) => (format === 'github' ? formatGithub(d) : formatText(d)));
  if (omitted > 0)
    lines.push(format === 'github' ? `::notice::${escapeGithubData(omittedNote(omitted))}` : omittedNote(omitted));
  return lines.map((l) => `${l}\n`).join('');
}

function formatJson(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `${JSON.stringify({ errors, warnings: diagnostics.length - errors, diagnostics }, null, 2)}\n`;
}

export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `エラー ${errors}件、警告 ${warnings}件`;
}
