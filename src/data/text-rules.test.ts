// Proves the rules on the characters of user text: characters that break Word files, line breaks
// in names, invisible characters, and names that cannot be file names on every system.
import { describe, expect, it } from 'vitest';
import {
  codePointName,
  departmentNameProblem,
  fileNameKey,
  fileNameProblem,
  forbiddenCharProblem,
  invisibleCharProblem,
  MAX_FILE_NAME_BYTES,
} from './text-rules.ts';

const forbidden = (name: string, position: number) =>
  `使えない文字 ${name}（制御文字など）が${position}文字目にあります。Wordファイルが壊れる原因になるため、削除してください`;

describe('codePointName', () => {
  it('names a character by its code point, in upper-case hex of at least four digits', () => {
    expect(codePointName('a')).toBe('U+0061');
    expect(codePointName('\u00ad')).toBe('U+00AD');
    expect(codePointName('\ufeff')).toBe('U+FEFF');
    expect(codePointName('𠮷')).toBe('U+20BB7');
  });
});

describe('forbiddenCharProblem', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['\u0008', 'U+0008'],
    ['\u000b', 'U+000B'],
    ['\u000c', 'U+000C'],
    ['\u000e', 'U+000E'],
    ['\u001f', 'U+001F'],
    ['\u007f', 'U+007F'],
    ['\u009f', 'U+009F'],
    ['\ufffe', 'U+FFFE'],
    ['\uffff', 'U+FFFF'],
  ])('refuses %j (a control character or an XML non-character), naming it and where it is', (char, name) => {
    expect(forbiddenCharProblem(`見本${char}です`, false)).toBe(forbidden(name, 3));
  });

  it('refuses a lone surrogate, high or low, and takes a pair (𠮷) as one character', () => {
    expect(forbiddenCharProblem('a\ud800b', false)).toBe(forbidden('U+D800', 2));
    expect(forbiddenCharProblem('a\udbff', false)).toBe(forbidden('U+DBFF', 2));
    expect(forbiddenCharProblem('a\udc00b', false)).toBe(forbidden('U+DC00', 2));
    expect(forbiddenCharProblem('\udfff', false)).toBe(forbidden('U+DFFF', 1));
    expect(forbiddenCharProblem('𠮷と吉', true)).toBeUndefined();
  });

  it('takes tabs and line breaks in sentences, and the characters next to the refused ranges', () => {
    expect(forbiddenCharProblem('一行目\n二行目\r\n\t三行目', false)).toBeUndefined();
    expect(forbiddenCharProblem(' ~\u00a0\ud7ff\ue000\ufffd', true)).toBeUndefined();
  });

  it('refuses a tab or a line break in a name (single line), saying where', () => {
    expect(forbiddenCharProblem('見本\tです', true)).toBe('改行やタブは使えません（3文字目）。1行で書いてください');
    expect(forbiddenCharProblem('見本\nです', true)).toBe('改行やタブは使えません（3文字目）。1行で書いてください');
    expect(forbiddenCharProblem('見本です\r', true)).toBe('改行やタブは使えません（5文字目）。1行で書いてください');
    // 𠮷 (outside the BMP, two UTF-16 units) is one character, as a reader counts it.
    expect(forbiddenCharProblem('𠮷野\t', true)).toBe('改行やタブは使えません（3文字目）。1行で書いてください');
  });

  it('reports a forbidden character before a line break', () => {
    expect(forbiddenCharProblem('a\nb\u0007', true)).toBe(forbidden('U+0007', 4));
  });
});

describe('invisibleCharProblem', () => {
  it.each([
    ['\u200b', 'U+200B'],
    ['\u200f', 'U+200F'],
    ['\u202a', 'U+202A'],
    ['\u202e', 'U+202E'],
    ['\u2060', 'U+2060'],
    ['\u2064', 'U+2064'],
    ['\u2066', 'U+2066'],
    ['\u2069', 'U+2069'],
    ['\ufeff', 'U+FEFF'],
  ])('finds %j (zero-width or bidirectional), naming it and where it is', (char, name) => {
    expect(invisibleCharProblem(`総務${char}課`)).toBe(
      `見えない文字 ${name}（幅のない空白や文字の向きの指定）が3文字目にあります。貼り付けたときに紛れ込んだものなら削除してください`,
    );
  });

  it('passes the visible characters next to those ranges', () => {
    expect(invisibleCharProblem('\u200a\u2010\u2029\u202f\u205f\u2065\u206a\ufefe')).toBeUndefined();
  });
});

describe('fileNameProblem', () => {
  it.each(['/', '\\', '<', '>', ':', '"', '|', '?', '*'])(
    'refuses %s, which separates paths or Windows forbids',
    (char) => {
      expect(fileNameProblem(`総務${char}課`, '担当課名', 180)).toBe(
        `担当課名に「${char}」は使えません（ファイル名になるため）`,
      );
    },
  );

  it('refuses a name that starts or ends with a dot, and takes one with a dot inside', () => {
    const dot = '計画の名称を「.」で始めたり終えたりはできません（ファイル名になるため）';
    expect(fileNameProblem('.計画', '計画の名称', 120)).toBe(dot);
    expect(fileNameProblem('計画.', '計画の名称', 120)).toBe(dot);
    expect(fileNameProblem('第2.1版', '計画の名称', 120)).toBeUndefined();
  });

  it('refuses blank space before or after the name', () => {
    expect(fileNameProblem(' 総務課', '担当課名', 180)).toBe('担当課名の前後に空白は入れられません');
    expect(fileNameProblem('総務課\u3000', '担当課名', 180)).toBe('担当課名の前後に空白は入れられません');
    expect(fileNameProblem('総務 課', '担当課名', 180)).toBeUndefined();
  });

  it('refuses a voiced mark written as a separate character (not NFC)', () => {
    expect(fileNameProblem('か\u3099', '担当課名', 180)).toBe(
      '担当課名に、濁点などを別の文字として組み合わせた文字があります。入力し直してください（見た目が同じでも別のファイル名になるため）',
    );
  });

  it.each(['CON', 'prn', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'con.txt', 'NUL.tar.gz'])(
    'refuses %s, a name Windows reserves',
    (name) => {
      expect(fileNameProblem(name, '担当課名', 180)).toBe(
        `「${name}」は Windows でファイル名に使えない名前です。別の担当課名にしてください`,
      );
    },
  );

  it.each(['com0', 'com10', 'lpt', 'console', 'xcon', 'nul_'])('takes %s, which Windows does not reserve', (name) => {
    expect(fileNameProblem(name, '担当課名', 180)).toBeUndefined();
  });

  it('counts the limit in UTF-8 bytes: up to it is fine, one more is refused with the count', () => {
    expect(fileNameProblem('総務課', '担当課名', 9)).toBeUndefined();
    expect(fileNameProblem('総務課a', '担当課名', 9)).toBe(
      '担当課名が長すぎます（ファイル名にして10バイト、上限9バイト。漢字なら3文字まで）',
    );
  });
});

describe('departmentNameProblem', () => {
  it('takes a 担当課名 of 60 kanji (180 bytes) and refuses 61', () => {
    expect(MAX_FILE_NAME_BYTES).toEqual({ title: 120, department: 180 });
    expect(departmentNameProblem('課'.repeat(60))).toBeUndefined();
    expect(departmentNameProblem('課'.repeat(61))).toBe(
      '担当課名が長すぎます（ファイル名にして183バイト、上限180バイト。漢字なら60文字まで）',
    );
    expect(departmentNameProblem('総務/課')).toBe('担当課名に「/」は使えません（ファイル名になるため）');
  });
});

describe('fileNameKey', () => {
  it('is the same for names that differ only in case or in Unicode form', () => {
    expect(fileNameKey('Soumu課')).toBe('soumu課');
    expect(fileNameKey('か\u3099')).toBe('が');
  });
});
