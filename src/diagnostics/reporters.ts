// Turns diagnostics into text for people (file:line:col: エラー: …), JSON for tools,
// and GitHub Actions workflow commands (::error file=…,line=…,col=…::…).
import type { Diagnostic } from './diagnostic.ts';

export const REPORT_FORMATS = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const SEVERITY_LABEL = { error: 'エラー', warning: '警告' } as const;

export function formatPlace(d: Pick<Diagnostic, 'file' | 'line' | 'col'>): string {
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
  return `::${d.severity} ${props.join(',')}::${escapeGithubData(d.message)}`;
}

export function formatReport(diagnostics: readonly Diagnostic[], format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          errors: diagnostics.filter((d) => d.severity === 'error').length,
          warnings: diagnostics.filter((d) => d.severity === 'warning').length,
          diagnostics,
        },
        null,
        2,
      )}\n`;
    case 'github':
      return diagnostics.map((d) => `${formatGithub(d)}\n`).join('');
    case 'text':
      return diagnostics.map((d) => `${formatText(d)}\n`).join('');
  }
}

export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `エラー ${errors}件、警告 ${warnings}件`;
}
