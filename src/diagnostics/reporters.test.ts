import { describe, expect, it } from 'vitest';
import { formatText } from './reporters.ts';

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
