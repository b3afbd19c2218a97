import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import { formatReport, formatText, MAX_LISTED } from './reporters.ts';

describe('formatText', () => {
  it('shows control characters from the data as \\u escapes, never raw to the terminal', () => {
    const line = formatText({
      severity: 'error',
      file: 'data/measures/01.yaml',
      line: 3,
      col: 5,
      rule: 'unknown-department',
      message: '担当課「\u001b[2J\u001b[31m総務課\u0007」は一覧にありません',
    });
    expect(line).toBe(
      'data/measures/01.yaml:3:5: エラー: 担当課「\\u001B[2J\\u001B[31m総務課\\u0007」は一覧にありません',
    );
  });
});

describe('formatReport', () => {
  const problem = (i: number, severity: 'error' | 'warning'): Diagnostic => ({
    severity,
    file: 'data/measures/01.yaml',
    line: i + 1,
    col: 1,
    rule: 'r',
    message: `問題${i}`,
  });

  it(`lists at most ${MAX_LISTED} problems, errors first, in file order, and says how many it left out`, () => {
    // 300 warnings, then 10 errors at the end of the file.
    const many = [
      ...Array.from({ length: 300 }, (_, i) => problem(i, 'warning')),
      ...Array.from({ length: 10 }, (_, i) => problem(300 + i, 'error')),
    ];
    const lines = formatReport(many, 'text').trimEnd().split('\n');
    expect(lines).toHaveLength(MAX_LISTED + 1);
    expect(lines.filter((l) => l.includes(': エラー: '))).toHaveLength(10);
    expect(lines[0]).toBe('data/measures/01.yaml:1:1: 警告: 問題0');
    expect(lines[MAX_LISTED - 1]).toBe('data/measures/01.yaml:310:1: エラー: 問題309');
    expect(lines[MAX_LISTED]).toBe(
      `ほかに 110件の問題があります（多すぎるため${MAX_LISTED}件だけを、エラーを先に表示しました。表示されたものを直してから、もう一度確かめてください）`,
    );
    expect(formatReport(many, 'github').trimEnd().split('\n').at(-1)).toMatch(/^::notice::ほかに 110件/);
    expect((JSON.parse(formatReport(many, 'json')) as { diagnostics: unknown[] }).diagnostics).toHaveLength(310);
  });
});

describe('a problem in a spreadsheet cell', () => {
  const inCell: Diagnostic = {
    severity: 'error',
    file: '照会票/住民課.xlsx',
    cell: '施策12!K4',
    rule: 'bad-amount',
    message: '数値ではありません（「未定」）',
  };

  it('is placed by file, sheet and cell in text, GitHub and JSON reports', () => {
    expect(formatText(inCell)).toBe('照会票/住民課.xlsx!施策12!K4: エラー: 数値ではありません（「未定」）');
    // GitHub annotates files by line: the sheet and cell lead the message instead.
    expect(formatReport([inCell], 'github')).toBe(
      '::error file=照会票/住民課.xlsx,title=keikaku bad-amount::施策12!K4: 数値ではありません（「未定」）\n',
    );
    expect((JSON.parse(formatReport([inCell], 'json')) as { diagnostics: Diagnostic[] }).diagnostics[0]!.cell).toBe(
      '施策12!K4',
    );
  });
});
