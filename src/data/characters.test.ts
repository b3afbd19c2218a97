// Proves the checks on every text of a valid data file: characters the fonts lack (an error)
// and invisible characters in sentences (a warning), each at the place of its value.
import { describe, expect, it } from 'vitest';
import { checkCharacters } from './characters.ts';
import { YamlSource } from './read-yaml.ts';
import type { GlyphCoverage } from './validate.ts';

const FILE = 'data/measures/01.yaml';

/** Fonts that have every character but 𠮷 and 🙂. */
const FONTS: GlyphCoverage = {
  missing: (text) => ['𠮷', '🙂'].filter((c) => text.includes(c)),
  fontNames: 'BIZ UDGothic・BIZ UDMincho',
};

const missingGlyphs = (chars: string) =>
  `${chars}は文書のフォント（BIZ UDGothic・BIZ UDMincho）にない文字で、印刷すると空白の四角になります。ほかの字に置き換えるか、その字のあるフォントを fonts/ に入れて templates/theme.yaml の fallbackFont に指定してください`;

const invisible = (name: string, position: number) =>
  `見えない文字 ${name}（幅のない空白や文字の向きの指定）が${position}文字目にあります。貼り付けたときに紛れ込んだものなら削除してください`;

const SOURCE = YamlSource.parse(
  FILE,
  [
    'title: 見本', //                          1
    'projects:', //                            2
    '  - name: "吉\\u200B𠮷と🙂"', //           3: value at col 11
    '    count: 3', //                         4
    '    note: ~', //                          5
    '    flag: true', //                       6
    '  - name: 🙂', //                         7: value at col 11
    '    tags: [重点, "\\u2060"]', //          8: second item at col 16
  ].join('\n'),
).source!;

describe('checkCharacters', () => {
  it('reports, in document order and at each value, the characters the fonts lack and the invisible ones', () => {
    expect(checkCharacters(SOURCE, FONTS)).toEqual([
      { severity: 'warning', file: FILE, line: 3, col: 11, rule: 'invisible-char', message: invisible('U+200B', 2) },
      {
        severity: 'error',
        file: FILE,
        line: 3,
        col: 11,
        rule: 'missing-glyph',
        message: missingGlyphs('「𠮷」（U+20BB7）、「🙂」（U+1F642）'),
      },
      {
        severity: 'error',
        file: FILE,
        line: 7,
        col: 11,
        rule: 'missing-glyph',
        message: missingGlyphs('「🙂」（U+1F642）'),
      },
      { severity: 'warning', file: FILE, line: 8, col: 16, rule: 'invisible-char', message: invisible('U+2060', 1) },
    ]);
  });

  it('checks only for invisible characters when no fonts are given', () => {
    expect(checkCharacters(SOURCE, undefined).map((d) => [d.rule, d.line, d.col])).toEqual([
      ['invisible-char', 3, 11],
      ['invisible-char', 8, 16],
    ]);
  });

  it('finds nothing in a file whose texts are all printable', () => {
    const clean = YamlSource.parse(FILE, 'title: 見本\nnumber: 1\nempty:\nlist: [一, 二]\n').source!;
    expect(checkCharacters(clean, FONTS)).toEqual([]);
  });
});
