// parseTheme: templates/theme.yaml → a Theme, or diagnostics at the file's line and column in
// the same Japanese wording as the plan data's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseTheme } from './parse-theme.ts';

const FILE = 'templates/theme.yaml';
const shipped = readFileSync(path.join(import.meta.dirname, '../../templates/theme.yaml'), 'utf8');

/** The shipped theme with one piece of text replaced (which must be there, once). */
function edited(from: string, to: string): Uint8Array {
  expect(shipped.split(from).length - 1, `「${from}」 occurs once in theme.yaml`).toBe(1);
  const text = shipped.replace(from, to);
  expect(text).not.toBe(shipped);
  return new TextEncoder().encode(text);
}

const error = (line: number, col: number, rule: string, message: string): Diagnostic => ({
  severity: 'error',
  file: FILE,
  line,
  col,
  rule,
  message,
});

describe('parseTheme', () => {
  it('reads the shipped theme with no diagnostics', () => {
    const { value, diagnostics } = parseTheme(FILE, new TextEncoder().encode(shipped));
    expect(diagnostics).toEqual([]);
    expect(value?.page).toEqual({
      width: 595.28,
      height: 841.89,
      margin: { top: 62, right: 45, bottom: 50, left: 45 },
      headerY: 28,
      footerY: 26,
    });
    expect(value?.words).toEqual({
      continued: '（続き）',
      unit: '単位：千円',
      carriedOver: '※前年度からの写し（未確認）',
      draft: '案',
    });
    expect(value?.styles['h3.measure']).toEqual({ size: 15, bold: true, spaceAfter: 6 });
  });

  // Each case replaces one piece of the shipped theme (edit: [from, to]) and lists the diagnostics it must give.
  const REJECTED: { name: string; edit: [from: string, to: string]; expected: Diagnostic[] }[] = [
    {
      name: 'reports an unknown top-level key, suggesting the key meant, and the key it replaced as missing',
      edit: ['\ncolors:\n', '\ncolour:\n'],
      expected: [
        // A missing key is placed at the start of the mapping that lacks it (page:, line 6).
        error(6, 1, 'missing-key', 'colorsがありません。書き加えてください'),
        error(
          29,
          1,
          'unknown-key',
          '不明なキー「colour」です。「colors」の書き間違いではありませんか。ここに書けるキー: page, fonts, fallbackFont, proportionalFace, colors, table, fit, base, styles, words',
        ),
      ],
    },
    {
      name: 'reports a colour written without #, at its value',
      edit: ["rule: '#333333'", "rule: '333333'"],
      expected: [error(31, 9, 'invalid-format', 'rule: 色は #1a1a1a のように # と16進数で書いてください')],
    },
    {
      name: 'reports a negative margin, at its value',
      edit: ['margin: { top: 62,', 'margin: { top: -62,'],
      expected: [error(9, 18, 'out-of-range', 'topは0以上にしてください（数値 -62が書かれています）')],
    },
    {
      name: 'reports a typo in a style’s font role, naming the roles there are',
      edit: ['.directions: { font: mincho,', '.directions: { font: minch,'],
      expected: [
        error(
          62,
          24,
          'invalid-value',
          'fontには 「gothic」か「mincho」 を書いてください（文字列「minch」が書かれています）',
        ),
      ],
    },
    {
      name: 'reports invalid YAML (an unclosed quote) instead of reading on',
      edit: ["  text: '#1a1a1a'", "  text: '#1a1a1a"],
      expected: [
        error(30, 35, 'yaml-syntax', "閉じる文字（引用符やかっこ）が足りません（YAML: Missing closing 'quote）"),
      ],
    },
  ];

  it.each(REJECTED.map((c) => [c.name, c] as const))('%s', (_name, { edit, expected }) => {
    const { value, diagnostics } = parseTheme(FILE, edited(...edit));
    expect(value).toBeUndefined();
    expect(diagnostics).toEqual(expected);
  });
});
