// Proves how a data file's YAML is read: each syntax error in Japanese at its line:col, keys that
// become one key, the alias limit, leading tabs, and where locate() points for a path.
import { describe, expect, it, vi } from 'vitest';
import { expandTabIndentation, YamlSource } from './read-yaml.ts';

const FILE = 'data/measures/01.yaml';

/** The source of a text that must parse cleanly. */
function parsed(text: string): YamlSource {
  const { source, diagnostics } = YamlSource.parse(FILE, text);
  expect(diagnostics).toEqual([]);
  return source!;
}

const syntaxError = (line: number, col: number, message: string) => ({
  severity: 'error',
  file: FILE,
  line,
  col,
  rule: 'yaml-syntax',
  message,
});

describe('YamlSource.parse: YAML syntax errors', () => {
  it('words each kind of syntax error in Japanese at its line and column, keeping yaml’s English as a hint', async () => {
    // Imported afresh inside the test: the table of messages is built when the module is
    // evaluated, and Stryker runs a mutant of it only against the tests that evaluate it.
    vi.resetModules();
    const fresh = await import('./read-yaml.ts');
    const errorsOf = (text: string) => {
      const result = fresh.YamlSource.parse(FILE, text);
      expect(result.source).toBeUndefined();
      return result.diagnostics;
    };
    expect(errorsOf('a: 1\na: 2\n')).toEqual([
      syntaxError(2, 1, '同じキーが2回書かれています。1つにまとめてください（YAML: Map keys must be unique）'),
    ]);
    // (Indentation a space off is aligned instead, src/data/yaml-slips.ts; this one is not.)
    expect(errorsOf('x:\n  - a\n  b: 1\n')).toEqual([
      syntaxError(
        3,
        1,
        '字下げ（インデント）がそろっていません（YAML: All mapping items must start at the same column）',
      ),
    ]);
    // A tab after spaces is not a leading tab, so it is not read as spaces.
    expect(errorsOf('a:\n  \tb: 1\n')).toEqual([
      syntaxError(
        2,
        3,
        '字下げにタブは使えません。半角スペースで字下げしてください（YAML: Tabs are not allowed as indentation）',
      ),
    ]);
    expect(errorsOf('a: "abc\n')).toEqual([
      syntaxError(2, 1, '閉じる文字（引用符やかっこ）が足りません（YAML: Missing closing "quote）'),
    ]);
    expect(errorsOf('a: b: c\n')).toEqual([
      syntaxError(
        1,
        4,
        '「キー: 値」の書き方が正しくありません（コロンの後に半角スペースが要ります）（YAML: Nested mappings are not allowed in compact mappings）',
      ),
    ]);
    expect(errorsOf('a\nb: 1\n')).toEqual([
      syntaxError(
        1,
        1,
        'キーが複数行にまたがっています。「キー: 値」は1行に書いてください（YAML: Implicit keys need to be on a single line）',
      ),
    ]);
    expect(errorsOf('a: 1\n]\n')).toEqual([
      syntaxError(2, 1, 'ここに書けない記号があります（YAML: Unexpected flow-seq-end token in YAML stream: "]"）'),
    ]);
    expect(errorsOf('a: @x\n')).toEqual([
      syntaxError(
        1,
        4,
        '値をこの記号で始めることはできません。値全体を引用符で囲んでください（YAML: Plain value cannot start with reserved character @）',
      ),
    ]);
    expect(errorsOf('a: *\n')).toEqual([
      syntaxError(1, 4, 'エイリアス（*名前）が正しくありません（YAML: Alias cannot be an empty string）'),
    ]);
    expect(errorsOf('a: 1\n---\nb: 2\n')).toEqual([
      syntaxError(
        2,
        1,
        '1つのファイルに書けるのは1つの文書だけです（「---」で区切らないでください）（YAML: Source contains multiple documents; please use YAML.parseAllDocuments()）',
      ),
    ]);
    expect(errorsOf('a: "\\q"\n')).toEqual([
      syntaxError(1, 5, '引用符の中の「\\」の使い方が正しくありません（YAML: Invalid escape sequence \\q）'),
    ]);
    // Refused only in yaml's strict mode.
    expect(errorsOf(`${'k'.repeat(1100)}: 1\n`)).toEqual([
      syntaxError(
        1,
        1,
        'キーが長すぎます（1024文字まで）（YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key）',
      ),
    ]);
    // A code without a Japanese wording of its own.
    expect(errorsOf('a: &x &y 1\n')).toEqual([
      syntaxError(1, 7, 'YAMLの書き方が正しくありません（YAML: A node can have at most one anchor）'),
    ]);
  });

  it('reports every syntax error of the file, in order', () => {
    expect(YamlSource.parse(FILE, 'a: - b\n')).toEqual({
      diagnostics: [
        syntaxError(1, 4, 'ここに書けない記号があります（YAML: Unexpected block-seq-ind on same line with key）'),
        syntaxError(
          1,
          6,
          '閉じる文字（引用符やかっこ）が足りません（YAML: Implicit map keys need to be followed by map values）',
        ),
      ],
    });
  });
});

describe('YamlSource.parse: keys that become one key', () => {
  it('refuses a key written again in another spelling (2024 and "2024"), at the second, even in a nested mapping', () => {
    expect(YamlSource.parse(FILE, 'amounts:\n  2024: 1\n  "2024": 2\n')).toEqual({
      diagnostics: [
        {
          severity: 'error',
          file: FILE,
          line: 3,
          col: 3,
          rule: 'duplicate-key',
          message:
            'キー「2024」が2回書かれています（2024 と "2024" は同じキーとして読まれます）。1つにまとめてください',
        },
      ],
    });
  });

  it('refuses a key written again as an alias of itself (&k a: 1, then *k : 2), which would silently win', () => {
    expect(YamlSource.parse(FILE, '&k a: 1\n*k : 2\n')).toEqual({
      diagnostics: [
        {
          severity: 'error',
          file: FILE,
          line: 2,
          col: 1,
          rule: 'duplicate-key',
          message: 'キー「a」が2回書かれています（a と *k は同じキーとして読まれます）。1つにまとめてください',
        },
      ],
    });
  });

  it('reports only the syntax errors of a file that has them, not its keys in two spellings', () => {
    expect(YamlSource.parse(FILE, '2024: 1\n"2024": 2\nb: "x\n')).toEqual({
      diagnostics: [syntaxError(4, 1, '閉じる文字（引用符やかっこ）が足りません（YAML: Missing closing "quote）')],
    });
  });

  it('does not take keys written as aliases of two different anchors for the same key', () => {
    const source = parsed('base:\n  &p a: 1\n  &q b: 2\nother:\n  *p : 3\n  *q : 4\n');
    expect(source.value).toEqual({ base: { a: 1, b: 2 }, other: { a: 3, b: 4 } });
  });
});

describe('YamlSource.parse: values', () => {
  it('gives the file’s name and its values as plain JavaScript', () => {
    const source = parsed('title: 見本\nlist:\n  - 1\n  - true\nempty:\n');
    expect(source.file).toBe(FILE);
    expect(source.value).toEqual({ title: '見本', list: [1, true], empty: null });
  });

  it('gives null for an empty file', () => {
    expect(parsed('').value).toBeNull();
  });

  it('refuses aliases that expand more than 100 times (a "billion laughs"), at the top of the file', () => {
    // 11 lists of 10 aliases to a list of 10: 110 expansions.
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 11; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(YamlSource.parse(FILE, lines.join('\n'))).toEqual({
      diagnostics: [
        {
          severity: 'error',
          file: FILE,
          line: 1,
          col: 1,
          rule: 'yaml-alias-limit',
          message: 'エイリアス（*名前）の展開が多すぎます（上限100回）。アンカーとエイリアスを使わずに書いてください',
        },
      ],
    });
  });

  it('refuses an alias with no anchor before it, at the alias, naming both', () => {
    const message = (name: string) =>
      `エイリアス「*${name}」の元になるアンカー「&${name}」が、それより前にありません。アンカーを先に書くか、エイリアスを使わずに書いてください`;
    const error = (line: number, col: number, name: string) => ({
      severity: 'error',
      file: FILE,
      line,
      col,
      rule: 'yaml-alias-unresolved',
      message: message(name),
    });
    expect(YamlSource.parse(FILE, 'a: 1\nb: *nope\n')).toEqual({ diagnostics: [error(2, 4, 'nope')] });
    // The anchor written after its alias does not count.
    expect(YamlSource.parse(FILE, 'b: [*x]\na: &x 1\n')).toEqual({ diagnostics: [error(1, 5, 'x')] });
    expect(parsed('a: &x 1\nb: *x\n').value).toEqual({ a: 1, b: 1 });
  });

  it('reads a file indented with tabs, each leading tab as two spaces, and counts it so in columns', () => {
    const source = parsed('a:\n\tb:\n\t\t- c\n\t\t- d\n');
    expect(source.value).toEqual({ a: { b: ['c', 'd'] } });
    expect(source.locate(['a', 'b', 1])).toEqual({ line: 4, col: 7 });
  });
});

describe('expandTabIndentation', () => {
  it('turns each tab that starts a line into two spaces, and leaves tabs after other characters alone', () => {
    expect(expandTabIndentation('a:\n\tb: 1\n\t\t- c\n  \td\te\n')).toBe('a:\n  b: 1\n    - c\n  \td\te\n');
  });

  it('leaves a text without tabs as it is', () => {
    expect(expandTabIndentation('a:\n  b: 1\n')).toBe('a:\n  b: 1\n');
  });
});

describe('YamlSource.locate', () => {
  // Line by line: where each value starts.
  const source = parsed(
    [
      'title: 見本', //                1: value at col 8
      'empty:', //                      2: no value
      'tilde: ~', //                    3: an explicit null at col 8
      'list:', //                       4
      '  - first', //                   5: item at col 5
      '  - id: x', //                   6: item mapping at col 5
      '    name: y', //                 7: key at col 5, value at col 11
      'base: &b', //                    8
      '  inner: 1', //                  9: value at col 10
      'ref: *b', //                    10: alias at col 6
    ].join('\n'),
  );

  it('points at a value, or with at: key at its key', () => {
    expect(source.locate(['title'])).toEqual({ line: 1, col: 8 });
    expect(source.locate(['title'], 'key')).toEqual({ line: 1, col: 1 });
    expect(source.locate(['list', 1, 'name'])).toEqual({ line: 7, col: 11 });
    expect(source.locate(['list', 1, 'name'], 'key')).toEqual({ line: 7, col: 5 });
  });

  it('points at the key of a key written without a value, and at an explicit ~ itself', async () => {
    // Evaluated afresh, as in the first test: the helper that tells an empty value is made then.
    vi.resetModules();
    const fresh = await import('./read-yaml.ts');
    const empty = fresh.YamlSource.parse(FILE, 'empty:\ntilde: ~\n').source!;
    expect(empty.locate(['empty'])).toEqual({ line: 1, col: 1 });
    expect(empty.locate(['tilde'])).toEqual({ line: 2, col: 8 });
    expect(source.locate(['empty'])).toEqual({ line: 2, col: 1 });
    expect(source.locate(['tilde'])).toEqual({ line: 3, col: 8 });
  });

  it('finds list items by their number only', () => {
    expect(source.locate(['list', 0])).toEqual({ line: 5, col: 5 });
    expect(source.locate(['list', '0'])).toEqual({ line: 5, col: 3 });
  });

  it('points at the deepest part that exists when the path goes past it', () => {
    expect(source.locate(['list', 1, 'missing'])).toEqual({ line: 6, col: 5 });
    expect(source.locate(['list', 5])).toEqual({ line: 5, col: 3 });
    expect(source.locate(['list', 'x', 0])).toEqual({ line: 5, col: 3 });
    expect(source.locate(['title', 0])).toEqual({ line: 1, col: 8 });
    expect(source.locate(['nothing', 'here'])).toEqual({ line: 1, col: 1 });
  });

  it('with at: key, points at a key only for the last part of the path', () => {
    expect(source.locate(['title', 'deeper'], 'key')).toEqual({ line: 1, col: 8 });
  });

  it('follows an alias (*b) to the anchored mapping', () => {
    expect(source.locate(['ref'])).toEqual({ line: 10, col: 6 });
    expect(source.locate(['ref', 'inner'])).toEqual({ line: 9, col: 10 });
  });

  it('points at the top of an empty file', () => {
    expect(parsed('').locate(['title'])).toEqual({ line: 1, col: 1 });
  });
});

describe('YamlSource.diagnostic', () => {
  it('makes a diagnostic at the value, or at the key', () => {
    const source = parsed('id: s01\ntitle: 見本\n');
    expect(source.diagnostic('warning', ['title'], 'some-rule', '説明')).toEqual({
      severity: 'warning',
      file: FILE,
      line: 2,
      col: 8,
      rule: 'some-rule',
      message: '説明',
    });
    expect(source.diagnostic('error', ['title'], 'some-rule', '説明', 'key')).toEqual({
      severity: 'error',
      file: FILE,
      line: 2,
      col: 1,
      rule: 'some-rule',
      message: '説明',
    });
  });
});
