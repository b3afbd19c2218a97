// Each validation rule, proven on a fixture that breaks it: the exact message, its file, line
// and column, and the exit code. Fixtures live in tests/fixtures/broken/, named for what they
// break; `<case>.measure.yaml` replaces data/measures/01.yaml of the minimal plan,
// `<case>.measure02.yaml` replaces measures/02.yaml, `<case>.departments.yaml` departments.yaml.
import { copyFile, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectSchema } from '../src/data/schema.ts';
import { FIXTURES, makeDataDir, runCli, validateWith } from './helpers/cli.ts';
import { pdfPages } from './helpers/extract.ts';
import { TEMPLATE_ARGS } from './helpers/plan.ts';

// The keys a 事業 may have, in schema order: the list grows when a field is added (ARCHITECTURE.md).
const PROJECT_KEYS = Object.keys(projectSchema.shape).join(', ');

const TARGETS: Record<string, string> = {
  measure: 'measures/01.yaml',
  measure02: 'measures/02.yaml',
  departments: 'departments.yaml',
  plan: 'plan.yaml',
};

async function validateFixture(name: string) {
  const [, kind = ''] = name.split('.');
  const bytes = await readFile(path.join(FIXTURES, 'broken', name));
  return validateWith({ [TARGETS[kind]!]: bytes });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const M = 'data/measures/01.yaml';
const P = 'data/plan.yaml';

const CASES: { fixture: string; code: number; expected: string[] }[] = [
  {
    fixture: 'unknown-keys.measure.yaml',
    code: 1,
    expected: [
      `${M}:1:1: エラー: title（名称）がありません。書き加えてください`,
      `${M}:5:1: エラー: 不明なキー「titel」です。「title」の書き間違いではありませんか。ここに書けるキー: id, number, policy, basicMeasure, code, title, tags, directions, indicators, sdgs, projects, initiatives, rows, budget`,
      `${M}:12:5: エラー: 不明なキー「satus」です。「status」の書き間違いではありませんか。ここに書けるキー: ${PROJECT_KEYS}`,
    ],
  },
  {
    fixture: 'wrong-types.measure.yaml',
    code: 1,
    expected: [
      `${M}:2:9: エラー: number（番号）には数値を書いてください（文字列「一」が書かれています）`,
      `${M}:6:13: エラー: directions（施策の方向）にはリスト（「- 」で始まる行）を書いてください（文字列「見本の方向を示します。」が書かれています）`,
    ],
  },
  {
    fixture: 'empty-titles.measure.yaml',
    code: 1,
    expected: [
      `${M}:5:8: エラー: title（名称）: 空にはできません。文字を書いてください`,
      `${M}:15:5: エラー: name（名称）が空です。文字列を書いてください`,
    ],
  },
  {
    fixture: 'bad-amounts.measure.yaml',
    code: 1,
    expected: [
      `${M}:26:22: エラー: 2024年度の事業費（千円）は0以上の整数で書いてください（数値 -100が書かれています）`,
      `${M}:26:34: エラー: 2025年度の事業費（千円）は0以上の整数で書いてください。カンマや単位は付けません（例: 11527）。数値 12.5が書かれています`,
      `${M}:26:46: エラー: 2026年度の事業費（千円）は0以上の整数で書いてください。カンマや単位は付けません（例: 11527）。文字列「11,527」が書かれています`,
    ],
  },
  {
    fixture: 'years-outside-or-missing.measure.yaml',
    code: 1,
    expected: [
      `${M}:19:11: エラー: 2026年度の事業計画がありません。計画期間（2024年度～2026年度）のすべての年度を書いてください（計画がない年度は [] と書きます）`,
      `${M}:23:11: エラー: 2027年度は計画期間（2024年度～2026年度）の外です。事業計画は計画期間の年度だけ書いてください`,
      `${M}:26:16: エラー: 2023年度は計画期間（2024年度～2026年度）の外です。事業費は計画期間の年度だけ書いてください`,
    ],
  },
  {
    fixture: 'undefined-projects.measure.yaml',
    code: 1,
    expected: [
      `${M}:9:9: 警告: 事業「見本事業」はどの取組の行（rows）にも使われていません`,
      `${M}:17:18: エラー: 事業ID「s01-j9」はこの施策の projects（事業）に定義されていません（定義されている事業ID: s01-j1）`,
      `${M}:25:14: エラー: 事業ID「s02-j1」はこの施策の projects（事業）に定義されていません（定義されている事業ID: s01-j1）`,
    ],
  },
  {
    fixture: 'unknown-department.measure.yaml',
    code: 1,
    expected: [`${M}:11:17: エラー: 担当課「総務か」は departments.yaml の一覧にありません（一覧: 総務課、財政課）`],
  },
  {
    fixture: 'duplicate-ids-and-number.measure02.yaml',
    code: 1,
    expected: [
      'data/measures/02.yaml:1:5: エラー: ID「s01」は data/measures/01.yaml:1:5 でも使われています。IDは計画全体で重ならないようにしてください',
      'data/measures/02.yaml:2:9: エラー: 基本方針1の施策1は data/measures/01.yaml:2:9 にもあります。施策の番号が重なっています',
      'data/measures/02.yaml:9:9: エラー: ID「s01-j1」は data/measures/01.yaml:9:9 でも使われています。IDは計画全体で重ならないようにしてください',
    ],
  },
  {
    fixture: 'duplicate-department.departments.yaml',
    code: 1,
    expected: [
      'data/departments.yaml:4:5: エラー: 担当課「総務課」は data/departments.yaml:2:5 にもあります。1回だけ書いてください',
    ],
  },
  {
    fixture: 'unsafe-department-names.departments.yaml',
    code: 1,
    expected: [
      'data/departments.yaml:3:5: エラー: departments（担当課の一覧）の2番目: 担当課名を「.」で始めたり終えたりはできません（ファイル名になるため）',
      'data/departments.yaml:4:5: エラー: departments（担当課の一覧）の3番目: 担当課名に「/」は使えません（ファイル名になるため）',
      'data/departments.yaml:5:5: エラー: departments（担当課の一覧）の4番目: 担当課名に「/」は使えません（ファイル名になるため）',
    ],
  },
  {
    fixture: 'control-characters.measure.yaml',
    code: 1,
    expected: [
      `${M}:10:11: エラー: name（名称）: 使えない文字 U+0007（制御文字など）が3文字目にあります。Wordファイルが壊れる原因になるため、削除してください`,
      `${M}:20:15: エラー: 2024年度の事業計画の1番目: 使えない文字 U+FFFF（制御文字など）が6文字目にあります。Wordファイルが壊れる原因になるため、削除してください`,
      `${M}:22:15: エラー: 2025年度の事業計画の1番目: 使えない文字 U+FFFF（制御文字など）が6文字目にあります。Wordファイルが壊れる原因になるため、削除してください`,
    ],
  },
  {
    fixture: 'missing-department-and-status.measure.yaml',
    code: 0,
    expected: [
      `${M}:9:5: 警告: 事業「見本事業」に担当課（department）がありません`,
      `${M}:9:5: 警告: 事業「見本事業」に新規・継続（status）がありません`,
    ],
  },
  {
    fixture: 'undeclared-status-and-tag.measure.yaml',
    code: 1,
    expected: [
      `${M}:6:8: エラー: 目印「priority」は plan.yaml の tags にありません（tags がまだありません）`,
      `${M}:13:13: エラー: 事業「見本事業」の区分「拡充」は、この計画の区分（新規・継続）にありません。ほかの区分を使うときは plan.yaml に statuses を書きます`,
    ],
  },
  {
    fixture: 'initiatives-and-rows.measure.yaml',
    code: 1,
    expected: [
      `${M}:19:1: エラー: この施策には initiatives（取組）と rows（行）の両方があります。取組があるなら行は各取組の rows に書き、取組がないなら initiatives を消してください`,
    ],
  },
  {
    fixture: 'no-rows.measure.yaml',
    code: 1,
    expected: [
      `${M}:1:1: エラー: 施策に事業の行がありません。initiatives（取組ごとの行）か、取組がなければ rows（施策の行）を書いてください`,
      `${M}:9:9: 警告: 事業「見本事業」は施策の行（rows）に使われていません`,
    ],
  },
  {
    fixture: 'duplicate-codes.measure.yaml',
    code: 1,
    expected: [
      `${M}:16:11: エラー: 事業のコード「0101」は ${M}:11:11 にもあります。コードは重ならないようにしてください`,
    ],
  },
  {
    fixture: 'marks-and-period.plan.yaml',
    code: 1,
    expected: [
      `${P}:5:8: エラー: 計画期間が6年度あります。組める計画期間は5年度までです（表の年度の列が用紙の幅に収まる数）`,
      `${P}:11:5: エラー: 区分「継続」に記号（mark）がありません。記号はすべての区分に書くか、どれにも書かないかにしてください`,
      `${P}:12:13: エラー: 区分「継続」は ${P}:11:13 にもあります。1回だけ書いてください`,
      `${P}:14:37: エラー: 記号「★」は ${P}:12:23 でも使われています。目印の記号は凡例で見分けられるように重ならないようにしてください`,
    ],
  },
  {
    fixture: 'unsafe-label.plan.yaml',
    code: 1,
    expected: [
      `${P}:7:12: エラー: labels の project（事業の呼び名）: 階層の呼び名に「/」は使えません（ファイル名になるため）`,
      `${P}:8:12: エラー: labels の measure（施策の呼び名）: 階層の呼び名は10文字までにしてください`,
    ],
  },
  {
    fixture: 'invisible-in-name.measure.yaml',
    code: 1,
    expected: [
      `${M}:10:11: エラー: name（名称）: 見えない文字 U+200D（幅のない空白や文字の向きの指定）が3文字目にあります。貼り付けたときに紛れ込んだものなら削除してください`,
    ],
  },
  {
    // Checked against the theme's fonts (keikaku's own here: the folder has no templates/).
    fixture: 'unprintable-characters.measure.yaml',
    code: 1,
    // 13th as a reader counts: 𠮷 and 🙂 are one character each (two UTF-16 units).
    expected: [
      `${M}:7:5: 警告: 見えない文字 U+200B（幅のない空白や文字の向きの指定）が13文字目にあります。貼り付けたときに紛れ込んだものなら削除してください`,
      `${M}:7:5: エラー: 「𠮷」（U+20BB7）、「🙂」（U+1F642）は文書のフォント（BIZ UDGothic・BIZ UDMincho）にない文字で、印刷すると空白の四角になります。ほかの字に置き換えるか、その字のあるフォントを fonts/ に入れて templates/theme.yaml の fallbackFont に指定してください`,
    ],
  },
  {
    // measures/02.yaml repeats 01's 事業 (s01-j1) once rightly, then in each wrong way.
    fixture: 'bad-repeats.measure02.yaml',
    code: 1,
    expected: [
      `data/measures/02.yaml:18:15: エラー: 再掲元「見本事業」も再掲です。元の事業（ID「s01-j1」）を指定してください`,
      `data/measures/02.yaml:21:15: エラー: 再掲元「予算のない事業」は同じ施策の事業です。再掲はほかの施策の事業にだけ付けられます`,
      `data/measures/02.yaml:24:15: エラー: 再掲元の事業ID「s09-j9」はどの施策にもありません`,
      `data/measures/02.yaml:37:14: エラー: 再掲の事業「見本事業」に事業費の行があります。事業費は再掲元にだけ書きます（合計で2回数えないため）`,
    ],
  },
  {
    fixture: 'sdg-goal-18.measure.yaml',
    code: 1,
    expected: [`${M}:6:11: エラー: sdgs（SDGs）の2番目は17以下にしてください（数値 18が書かれています）`],
  },
  {
    fixture: 'sdg-twice.measure.yaml',
    code: 1,
    expected: [`${M}:6:15: エラー: SDGs の目標3が2回書かれています`],
  },
  {
    fixture: 'reference-in-period.measure.yaml',
    code: 1,
    expected: [
      `${M}:27:28: エラー: 参考の事業費（reference）は計画期間（2024年度～2026年度）より前の年度だけです。2024年度の金額は amounts に書きます`,
    ],
  },
  // Slips of typing in a Japanese IME or pasting from Word (src/data/yaml-slips.ts): the real
  // mistake named where it is, and the rest of the file still checked (satus below).
  {
    fixture: 'full-width-indent.measure.yaml',
    code: 1,
    expected: [9, 10].map(
      (line) =>
        `${M}:${line}:1: エラー: 字下げに全角スペースが使われています。字下げは半角スペースで書いてください（全角スペース1つを半角2つとして読みました）`,
    ),
  },
  {
    fixture: 'full-width-colon.measure.yaml',
    code: 1,
    expected: [
      `${M}:5:6: エラー: キー「title」の後のコロンが全角（：）です。半角のコロンと半角スペースで「title: 」と書いてください`,
      `${M}:12:5: エラー: 不明なキー「satus」です。「status」の書き間違いではありませんか。ここに書けるキー: ${PROJECT_KEYS}`,
    ],
  },
  {
    fixture: 'colon-without-space.measure.yaml',
    code: 1,
    expected: [
      `${M}:5:7: エラー: キー「title」のコロンの後に半角スペースがありません。「title: 見本の施策」のように書いてください`,
      `${M}:11:16: エラー: キー「department」のコロンの後に半角スペースがありません。「department: 総務課」のように書いてください`,
    ],
  },
  {
    fixture: 'indent-one-short.measure.yaml',
    code: 1,
    expected: [`${M}:10:4: エラー: 字下げが上の行とそろっていません（半角スペース3個）。4個にしてください`],
  },
  {
    fixture: 'amount-thousands-comma.measure.yaml',
    code: 1,
    expected: [
      `${M}:26:22: エラー: 金額「12,408」に桁区切りのカンマは書けません。12408 と書いてください（文書には 3けたごとにカンマを付けて印刷します）`,
      `${M}:26:47: エラー: 金額「1,000」に桁区切りのカンマは書けません。1000 と書いてください（文書には 3けたごとにカンマを付けて印刷します）`,
    ],
  },
  {
    fixture: 'amount-full-width-digits.measure.yaml',
    code: 1,
    expected: [
      `${M}:26:22: エラー: 金額「１２３４」が全角の数字です。半角で 1234 と書いてください`,
      `${M}:26:45: エラー: 金額「０」が全角の数字です。半角で 0 と書いてください`,
    ],
  },
  {
    fixture: 'pasted-bullets.measure.yaml',
    code: 0,
    expected: [
      `${M}:20:15: 警告: 計画の項目の行頭の「・」は書かなくてかまいません（文書が「・」を付けます）。除いて印刷します`,
      `${M}:22:15: 警告: 計画の項目の行頭の「○」は書かなくてかまいません（文書が「・」を付けます）。除いて印刷します`,
    ],
  },
  {
    fixture: 'hash-in-text.measure.yaml',
    code: 0,
    expected: [
      `${M}:20:21: 警告: 「#2回目を開催」は文書に出ません（「 #」から行末までは YAML のコメントです）。文書に出すなら値全体を "…" で囲んでください`,
    ],
  },
  {
    fixture: 'not-yaml.measure.yaml',
    code: 1,
    expected: [
      `${M}:5:1: エラー: キーが複数行にまたがっています。「キー: 値」は1行に書いてください（YAML: Implicit keys need to be on a single line）`,
    ],
  },
];

describe('validate: one rule per fixture', () => {
  it.each(CASES)('$fixture', async ({ fixture, code, expected }) => {
    const run = await validateFixture(fixture);
    expect(lines(run.stdout)).toEqual(expected);
    expect(run.code).toBe(code);
  });
});

describe('validate: the whole run', () => {
  it('the minimal plan is valid: no problem printed, and a line that says what was read', async () => {
    const run = await validateWith({});
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: 'data/ の 4ファイル（施策 2件）を検証しました。エラー 0件、警告 0件\n',
    });
  });

  it('reports every file in one run, sorted by file and line, and still checks the others when one is not YAML', async () => {
    const broken = (name: string) => readFile(path.join(FIXTURES, 'broken', name));
    const run = await validateWith({
      'measures/02.yaml': await broken('not-yaml.measure.yaml'),
      'measures/01.yaml': await broken('bad-amounts.measure.yaml'),
      'departments.yaml': await broken('duplicate-department.departments.yaml'),
    });
    expect(lines(run.stdout).map((l) => l.split(': ')[0])).toEqual([
      'data/departments.yaml:4:5',
      'data/measures/01.yaml:26:22',
      'data/measures/01.yaml:26:34',
      'data/measures/01.yaml:26:46',
      'data/measures/02.yaml:5:1',
    ]);
    expect(run.stderr).toBe('data/ の 4ファイル（施策 2件）を検証しました。エラー 5件、警告 0件\n');
    expect(run.code).toBe(1);
  });

  it('explains a file saved as Shift_JIS, at the first character it cannot read', async () => {
    // "title: 見本" in CP932: 見 = 0x8CA9, 本 = 0x967B
    const sjis = Uint8Array.from([
      ...Buffer.from('municipality: x\n'),
      ...Buffer.from('title: '),
      0x8c,
      0xa9,
      0x96,
      0x7b,
      0x0a,
    ]);
    const run = await validateWith({ 'plan.yaml': sjis });
    expect(lines(run.stdout)).toEqual([
      'data/plan.yaml:2:8: エラー: UTF-8として読めない文字があります。Shift_JIS（ANSI）など別の文字コードで保存されているようです。文字コードを「UTF-8」にして保存し直してください',
    ]);
    expect(run.code).toBe(1);
  });

  it('explains a file saved as UTF-16 (Notepad’s 「Unicode」), either byte order', async () => {
    const original = await readFile(path.join(FIXTURES, 'minimal', 'plan.yaml'), 'utf8');
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]);
    const bigEndian = Buffer.from(littleEndian).swap16();
    for (const bytes of [littleEndian, bigEndian]) {
      const run = await validateWith({ 'plan.yaml': bytes });
      expect(lines(run.stdout)).toEqual([
        'data/plan.yaml:1:1: エラー: UTF-16で保存されています。文字コードを「UTF-8」にして保存し直してください',
      ]);
      expect(run.code).toBe(1);
    }
  });

  it('takes a name of 300 characters and a sentence of 2,000, and refuses one more, saying how long it is', async () => {
    const measure = await readFile(path.join(FIXTURES, 'minimal', 'measures', '01.yaml'), 'utf8');
    const withLengths = (title: number, sentence: number) =>
      measure
        .replace('title: 見本の施策', `title: ${'題'.repeat(title)}`)
        .replace('  - 見本の方向を示します。', `  - ${'文'.repeat(sentence)}`);
    expect((await validateWith({ 'measures/01.yaml': withLengths(300, 2000) })).code).toBe(0);
    const run = await validateWith({ 'measures/01.yaml': withLengths(301, 2001) });
    expect(lines(run.stdout)).toEqual([
      'data/measures/01.yaml:5:8: エラー: title（名称）: 長すぎます（301文字）。名称は300文字までです',
      'data/measures/01.yaml:7:5: エラー: directions（施策の方向）の1番目: 長すぎます（2001文字）。文は2000文字までです',
    ]);
    expect(run.code).toBe(1);
  });

  it('reads a file with a UTF-8 BOM and CRLF line ends as if it had neither', async () => {
    const original = await readFile(path.join(FIXTURES, 'minimal', 'plan.yaml'), 'utf8');
    const windows = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original.replace(/\n/g, '\r\n'))]);
    expect(await validateWith({ 'plan.yaml': windows })).toMatchObject({ code: 0, stdout: '' });
  });

  it('names a missing file, without line or column', async () => {
    const { rm } = await import('node:fs/promises');
    const { makeDataDir, runCli } = await import('./helpers/cli.ts');
    const cwd = await makeDataDir();
    await rm(path.join(cwd, 'data', 'plan.yaml'));
    const run = await runCli(['validate'], cwd);
    expect(lines(run.stdout)).toEqual(['data/plan.yaml: エラー: ファイルがありません']);
    expect(run.code).toBe(1);
  });

  it('refuses a 担当課 that is not in the master list even when the list itself is fine', async () => {
    const run = await validateWith({ 'departments.yaml': 'departments:\n  - 財政課\n' });
    expect(lines(run.stdout)).toEqual([
      `${M}:11:17: エラー: 担当課「総務課」は departments.yaml の一覧にありません（一覧: 財政課）`,
    ]);
  });

  it('checks the period and the numbers of plan.yaml', async () => {
    const plan = (await readFile(path.join(FIXTURES, 'minimal', 'plan.yaml'), 'utf8'))
      .replace('end: 2026', 'end: 2023')
      .replace(
        '      - number: 1\n        title: 見本の基本施策',
        '      - number: 1\n        title: 見本の基本施策\n      - number: 1\n        title: 同じ番号',
      );
    const run = await validateWith({ 'plan.yaml': plan });
    expect(lines(run.stdout)).toEqual([
      'data/plan.yaml:5:8: エラー: 最終年度（2023）が初年度（2024）より前です',
      'data/plan.yaml:12:17: エラー: 基本方針1の基本施策1は data/plan.yaml:10:17 にもあります。番号が重なっています',
    ]);
  });

  it('refuses a YAML alias bomb with a message instead of expanding it', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    const run = await validateWith({ 'plan.yaml': bomb });
    expect(lines(run.stdout)).toEqual([
      'data/plan.yaml:1:1: エラー: エイリアス（*名前）の展開が多すぎます（上限100回）。アンカーとエイリアスを使わずに書いてください',
    ]);
  });
});

describe('validate: 財源内訳 (sources) against the declared 財源 (fundingSources)', () => {
  // plan.yaml declaring national and general, with a measure file breaking one rule.
  const withSources = async (measure: string) =>
    validateWith({
      'plan.yaml': await readFile(path.join(FIXTURES, 'broken', 'funding-sources-declared.plan.yaml')),
      'measures/01.yaml': await readFile(path.join(FIXTURES, 'broken', measure)),
    });

  it('needs fundingSources in plan.yaml before any sources', async () => {
    const run = await validateFixture('sources-not-adding-up.measure.yaml');
    expect(lines(run.stdout)).toEqual([
      `${M}:27:5: エラー: 財源内訳（sources）を書くには、plan.yaml に財源区分（fundingSources）を書いてください`,
    ]);
  });

  it('proves each year’s sources add up to its 事業費, naming both figures', async () => {
    const run = await withSources('sources-not-adding-up.measure.yaml');
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `${M}:29:7: エラー: 2025年度の財源の合計（210千円）が事業費（200千円）と合いません`,
    ]);
  });

  it('refuses an undeclared 財源, a year outside the period, and a year with money but no sources', async () => {
    const run = await withSources('unknown-funding-source.measure.yaml');
    expect(lines(run.stdout)).toEqual([
      `${M}:27:5: エラー: 2025年度（事業費 200千円）の財源内訳がありません。事業費のある年度はすべて書いてください`,
      `${M}:28:15: エラー: 財源「kokko」は plan.yaml の fundingSources にありません（あるのは national、general）`,
      `${M}:29:7: エラー: 2027年度は計画期間（2024年度～2026年度）の外です。財源内訳は計画期間の年度だけ書いてください`,
    ]);
  });

  it('refuses a 財源 id declared twice', async () => {
    const run = await validateFixture('duplicate-funding-source.plan.yaml');
    expect(lines(run.stdout)).toEqual([
      'data/plan.yaml:9:11: エラー: 財源のID「national」は data/plan.yaml:7:11 にもあります',
    ]);
  });
});

describe('validate: slips that still print', () => {
  it('prints a plan item pasted with its own bullet (・ or ○) with the document’s one bullet', async () => {
    const cwd = await makeDataDir({
      'measures/01.yaml': await readFile(path.join(FIXTURES, 'broken', 'pasted-bullets.measure.yaml')),
    });
    const run = await runCli(['build', '--format', 'pdf', '--no-departments', ...TEMPLATE_ARGS], cwd);
    expect(run.code).toBe(0);
    const text = (await pdfPages(await readFile(path.join(cwd, 'out', '実施計画_2024-2026.pdf')))).join('');
    expect(text.match(/・見本の計画/g)).toHaveLength(2);
    expect(text).not.toMatch(/・[・○]|○見本の計画/);
  });
});

describe('validate: nothing dropped silently', () => {
  it('reports a 施策 file saved as 02.yaml.txt (an error: 施策2 would leave the plan), a backup, and plan.yml', async () => {
    const cwd = await makeDataDir();
    const data = path.join(cwd, 'data');
    await rename(path.join(data, 'measures', '02.yaml'), path.join(data, 'measures', '02.yaml.txt'));
    await copyFile(path.join(data, 'measures', '01.yaml'), path.join(data, 'measures', '01.yaml.bak'));
    await copyFile(path.join(data, 'plan.yaml'), path.join(data, 'plan.yml'));
    const run = await runCli(['validate'], cwd);
    expect(lines(run.stdout)).toEqual([
      'data/measures/01.yaml.bak: 警告: バックアップなどのファイルのため、施策として読みませんでした（名前が .yaml で終わっていません）',
      'data/measures/02.yaml.txt: エラー: 名前が .yaml で終わっていないため、施策として読みません。施策のデータなら「02.yaml」という名前にしてください（Windows では、エクスプローラーの「表示」で「ファイル名拡張子」を表示すると .txt が見えます）',
      'data/plan.yml: 警告: このファイルは読みません（読むのは plan.yaml です）。古い写しなら消してください',
    ]);
    expect(run.stderr).toBe('data/ の 3ファイル（施策 1件）を検証しました。エラー 1件、警告 2件\n');
    expect(run.code).toBe(1);
    await rename(path.join(data, 'plan.yaml'), path.join(data, 'plan.yaml.old'));
    expect(lines((await runCli(['validate'], cwd)).stdout)).toContain(
      'data/plan.yml: エラー: このファイルは読みません。「plan.yaml」という名前にしてください',
    );
  });

  it('lists every file it read with --verbose', async () => {
    const run = await runCli(['validate', '--verbose'], await makeDataDir());
    expect(run.stderr).toBe(
      [
        '読みました: data/plan.yaml',
        '読みました: data/departments.yaml',
        '読みました: data/measures/01.yaml',
        '読みました: data/measures/02.yaml',
        'data/ の 4ファイル（施策 2件）を検証しました。エラー 0件、警告 0件',
        '',
      ].join('\n'),
    );
  });
});
