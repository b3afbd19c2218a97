// Proves the Japanese message, rule and place (line:col) given for each kind of zod issue, and
// how values and paths are named in them.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { describePath, describeValue, issueToDiagnostics } from './issue-messages.ts';
import { YamlSource, type DataPath } from './read-yaml.ts';
import * as schema from './schema.ts';
import * as terms from './terms.ts';

const FILE = 'data/measures/01.yaml';

type Module = typeof import('./issue-messages.ts');

/** The diagnostics for a YAML text that `schema` refuses; `allowed` says which keys each mapping may have. */
function diagnose(
  text: string,
  schema: z.ZodType,
  allowed: (path: DataPath) => readonly string[] = () => [],
  toDiagnostics: Module['issueToDiagnostics'] = issueToDiagnostics,
) {
  const source = YamlSource.parse(FILE, text).source!;
  const result = schema.safeParse(source.value, { reportInput: true });
  if (result.success) throw new Error('the schema took the text');
  return result.error.issues.flatMap((issue) => toDiagnostics(source, issue, allowed));
}

const error = (line: number, col: number, rule: string, message: string) => ({
  severity: 'error',
  file: FILE,
  line,
  col,
  rule,
  message,
});

describe('describePath', () => {
  it('names a key by itself and its term', () => {
    expect(describePath(['title'])).toBe('title（名称）');
    expect(describePath(['projects', 0, 'department'])).toBe('department（担当課）');
    expect(describePath(['policy'])).toBe('policy（基本方針の番号）');
    expect(describePath(['unknownKey'])).toBe('unknownKey');
  });

  it('names a list item by its list and its position from 1', () => {
    expect(describePath(['directions', 1])).toBe('directions（施策の方向）の2番目');
    expect(describePath(['custom', 0])).toBe('customの1番目');
    expect(describePath([0])).toBe('の1番目');
  });

  it('names a year of 事業費 and of 事業計画, and an item of a year’s 事業計画', () => {
    expect(describePath(['budget', 0, 'amounts', '2024'])).toBe('2024年度の事業費（千円）');
    expect(describePath(['rows', 0, 'schedule', '2025'])).toBe('2025年度の事業計画');
    expect(describePath(['rows', 0, 'schedule', '2025', 2])).toBe('2025年度の事業計画の3番目');
  });

  it('names a level’s name under labels by its default name, and any other key there by itself', () => {
    expect(describePath(['labels', 'project'])).toBe('labels の project（事業の呼び名）');
    expect(describePath(['labels', 'basicMeasure'])).toBe('labels の basicMeasure（基本施策の呼び名）');
    expect(describePath(['labels', 'toString'])).toBe('toString');
  });

  it('names the empty path as the whole file', () => {
    expect(describePath([])).toBe('ファイル全体');
  });
});

describe('describeValue', () => {
  it('names the kind of a value, with the value itself for strings, numbers and booleans', () => {
    expect(describeValue(null)).toBe('空の値');
    expect(describeValue(undefined)).toBe('空の値');
    expect(describeValue('見本')).toBe('文字列「見本」');
    expect(describeValue(12.5)).toBe('数値 12.5');
    expect(describeValue(0)).toBe('数値 0');
    expect(describeValue(true)).toBe('真偽値 true');
    expect(describeValue(false)).toBe('真偽値 false');
    expect(describeValue([])).toBe('リスト');
    expect(describeValue({ a: 1 })).toBe('キーと値の組（マッピング）');
  });

  it('quotes at most 20 characters of a string (counting 𠮷 as one), marking the cut with …', () => {
    expect(describeValue('𠮷'.repeat(20))).toBe(`文字列「${'𠮷'.repeat(20)}」`);
    expect(describeValue(`${'𠮷'.repeat(20)}x`)).toBe(`文字列「${'𠮷'.repeat(20)}…」`);
  });
});

describe('issueToDiagnostics: unknown keys', () => {
  const KEYS = ['id', 'name', 'title', 'status'];
  const schema = z.strictObject({
    id: z.string().optional(),
    name: z.string().optional(),
    title: z.string().optional(),
    status: z.string().optional(),
  });
  const unknown = (line: number, key: string, hint: string) =>
    error(line, 1, 'unknown-key', `不明なキー「${key}」です。${hint}ここに書けるキー: id, name, title, status`);

  it('names each unknown key at the key, suggesting the allowed key it is near enough to be a slip for', () => {
    const text = ['id: a', 'nmae: x', 'nam: x', 'mae: x', 'NAME: x', 'xyzw: x', 'SECRET_TOKEN_abcdefghijklmnop: x'];
    expect(diagnose(text.join('\n'), schema, () => KEYS)).toEqual([
      // Two edits away: suggested for a key of 4 letters or more…
      unknown(2, 'nmae', '「name」の書き間違いではありませんか。'),
      // …one edit for a shorter one.
      unknown(3, 'nam', '「name」の書き間違いではありませんか。'),
      unknown(4, 'mae', ''),
      // Case does not count.
      unknown(5, 'NAME', '「name」の書き間違いではありませんか。'),
      unknown(6, 'xyzw', ''),
      // A long key is quoted to its first 20 characters only.
      unknown(7, 'SECRET_TOKEN_abcdefg…', ''),
    ]);
  });

  it('suggests the first of two allowed keys that are equally near', () => {
    const codeOrMode = z.strictObject({ code: z.string().optional(), mode: z.string().optional() });
    expect(diagnose('xode: 1\n', codeOrMode, () => ['code', 'mode'])).toEqual([
      error(
        1,
        1,
        'unknown-key',
        '不明なキー「xode」です。「code」の書き間違いではありませんか。ここに書けるキー: code, mode',
      ),
    ]);
  });

  it('lists the keys allowed where the unknown key is, in a list item', () => {
    const projects = z.strictObject({ projects: z.array(z.strictObject({ id: z.string(), status: z.string() })) });
    const allowed = (path: DataPath) => (path.join('.') === 'projects.0' ? ['id', 'status'] : ['projects']);
    expect(diagnose('projects:\n  - id: a\n    status: 新規\n    satus: 継続\n', projects, allowed)).toEqual([
      error(
        4,
        5,
        'unknown-key',
        '不明なキー「satus」です。「status」の書き間違いではありませんか。ここに書けるキー: id, status',
      ),
    ]);
  });
});

describe('issueToDiagnostics: missing and wrong types', () => {
  /** The diagnostics for `x: <value>` (or `x:` when value is empty) against `{ x: schema }`. */
  const forX = (schema: z.ZodType, value: string, toDiagnostics?: Module['issueToDiagnostics']) =>
    diagnose(value === '' ? 'x:\n' : `x: ${value}\n`, z.object({ x: schema }), undefined, toDiagnostics);
  const wrongType = (message: string) => [error(1, 4, 'wrong-type', message)];

  it('names each expected type in Japanese, and what was written instead', async () => {
    // Evaluated afresh inside the test (schema.ts and terms.ts kept as loaded): the table of
    // type names is built at evaluation, and Stryker runs a mutant of it only against the tests
    // that evaluate it.
    vi.resetModules();
    vi.doMock('./schema.ts', () => schema);
    vi.doMock('./terms.ts', () => terms);
    const fresh: Module = await import('./issue-messages.ts');
    const check = (schema: z.ZodType, value: string) => forX(schema, value, fresh.issueToDiagnostics);
    expect(check(z.string(), 'true')).toEqual(wrongType('xには文字列を書いてください（真偽値 trueが書かれています）'));
    expect(check(z.number(), '[12]')).toEqual(wrongType('xには数値を書いてください（リストが書かれています）'));
    expect(check(z.number().int(), '1.5')).toEqual(wrongType('xには整数を書いてください（数値 1.5が書かれています）'));
    expect(check(z.boolean(), '"12"')).toEqual(
      wrongType('xには真偽値を書いてください（文字列「12」が書かれています）'),
    );
    expect(check(z.array(z.string()), 'abc')).toEqual(
      wrongType('xにはリスト（「- 」で始まる行）を書いてください（文字列「abc」が書かれています）'),
    );
    expect(check(z.object({}), '[1]')).toEqual(
      wrongType('xにはキーと値の組（「キー: 値」の行）を書いてください（リストが書かれています）'),
    );
    expect(check(z.record(z.string(), z.number()), '1')).toEqual(
      wrongType('xにはキーと値の組（「キー: 値」の行）を書いてください（数値 1が書かれています）'),
    );
    expect(check(z.string(), '{ a: 1 }')).toEqual(
      wrongType('xには文字列を書いてください（キーと値の組（マッピング）が書かれています）'),
    );
    // A type without a Japanese name keeps zod's.
    expect(check(z.bigint(), 'abc')).toEqual(wrongType('xにはbigintを書いてください（文字列「abc」が書かれています）'));
  });

  it('tells to quote a number written where a string belongs (a code such as 0101)', () => {
    expect(forX(z.string(), '101')).toEqual(
      wrongType(
        'xには文字列を書いてください（数値 101が書かれています）。数字だけの値は "0101" のように引用符で囲んでください',
      ),
    );
  });

  it('tells to drop the quotes and commas of a number written as a string of digits, also full-width', () => {
    const hint = '。引用符やカンマを付けずに数字だけを書いてください';
    expect(forX(z.number(), '"12,345"')).toEqual(
      wrongType(`xには数値を書いてください（文字列「12,345」が書かれています）${hint}`),
    );
    expect(forX(z.number(), '"１，２３４"')).toEqual(
      wrongType(`xには数値を書いてください（文字列「１，２３４」が書かれています）${hint}`),
    );
  });

  it('gives no such hint for a string that is not all digits', () => {
    expect(forX(z.number(), '"12a"')).toEqual(wrongType('xには数値を書いてください（文字列「12a」が書かれています）'));
    expect(forX(z.number(), '"a12"')).toEqual(wrongType('xには数値を書いてください（文字列「a12」が書かれています）'));
  });

  it('asks for a value written as empty at its key, naming the type', () => {
    expect(forX(z.number(), '')).toEqual([error(1, 1, 'wrong-type', 'xが空です。数値を書いてください')]);
    expect(forX(z.bigint(), '')).toEqual([error(1, 1, 'wrong-type', 'xが空です。bigintを書いてください')]);
  });

  it('asks for a missing key at the mapping that lacks it', () => {
    const projects = z.object({ projects: z.array(z.object({ id: z.string(), title: z.string() })) });
    expect(diagnose('projects:\n  - id: a\n', projects)).toEqual([
      error(2, 5, 'missing-key', 'title（名称）がありません。書き加えてください'),
    ]);
  });

  it('explains an amount of 事業費 written with a comma or decimals', () => {
    const amounts = z.object({ amounts: z.record(z.string(), z.number().int()) });
    expect(diagnose('amounts: { 2024: "1,000", 2025: 1.5 }\n', amounts)).toEqual([
      error(
        1,
        18,
        'wrong-type',
        '2024年度の事業費（千円）は0以上の整数で書いてください。カンマや単位は付けません（例: 11527）。文字列「1,000」が書かれています',
      ),
      error(
        1,
        33,
        'wrong-type',
        '2025年度の事業費（千円）は0以上の整数で書いてください。カンマや単位は付けません（例: 11527）。数値 1.5が書かれています',
      ),
    ]);
  });
});

describe('issueToDiagnostics: sizes and ranges', () => {
  it('asks for at least one item in an empty list, and says when a list has too many', () => {
    const lists = z.object({ a: z.array(z.string()).min(1), b: z.array(z.string()).max(1) });
    expect(diagnose('a: []\nb: [x, y]\n', lists)).toEqual([
      error(1, 4, 'empty-list', 'aには1件以上書いてください'),
      error(2, 4, 'too-many-items', 'bの件数が多すぎます'),
    ]);
  });

  it('gives the bound a number is below or above', () => {
    const numbers = z.object({ low: z.number().min(1), high: z.number().max(17) });
    expect(diagnose('low: 0\nhigh: 18\n', numbers)).toEqual([
      error(1, 6, 'out-of-range', 'lowは1以上にしてください（数値 0が書かれています）'),
      error(2, 7, 'out-of-range', 'highは17以下にしてください（数値 18が書かれています）'),
    ]);
  });

  it('asks for a 事業費 of 0 or more, and says the upper limit in 千円 with separators', () => {
    const amounts = z.object({ amounts: z.record(z.string(), z.number().min(0).max(1_000_000)) });
    expect(diagnose('amounts: { 2024: -1, 2025: 1000001 }\n', amounts)).toEqual([
      error(1, 18, 'out-of-range', '2024年度の事業費（千円）は0以上の整数で書いてください（数値 -1が書かれています）'),
      error(
        1,
        28,
        'out-of-range',
        '2025年度の事業費（千円）が大きすぎます（上限 1,000,000千円）。千円単位で書いているか確かめてください（数値 1000001が書かれています）',
      ),
    ]);
  });
});

describe('issueToDiagnostics: other issues', () => {
  it('lists the values allowed for a choice', () => {
    const status = z.object({ status: z.enum(['新規', '継続']) });
    expect(diagnose('status: 拡充\n', status)).toEqual([
      error(
        1,
        9,
        'invalid-value',
        'status（区分）には 「新規」か「継続」 を書いてください（文字列「拡充」が書かれています）',
      ),
    ]);
  });

  it('refuses a key of a record at the key, with the message of the rule it breaks', () => {
    const years = z.object({
      amounts: z.record(z.string().regex(/^\d{4}$/, { message: '年度は西暦4桁の数字で書いてください' }), z.number()),
    });
    expect(diagnose('amounts:\n  20x4: 1\n', years)).toEqual([
      error(2, 3, 'invalid-key', 'キー「20x4」は使えません。年度は西暦4桁の数字で書いてください'),
    ]);
  });

  it('refuses a key of a record without a reason when the issue gives none', () => {
    const source = YamlSource.parse(FILE, 'amounts:\n  20x4: 1\n').source!;
    const issue: z.core.$ZodIssue = {
      code: 'invalid_key',
      origin: 'record',
      issues: [],
      path: ['amounts', '20x4'],
      input: '20x4',
      message: 'Invalid key in record',
    };
    expect(issueToDiagnostics(source, issue, () => [])).toEqual([
      error(2, 3, 'invalid-key', 'キー「20x4」は使えません。'),
    ]);
  });

  it('prefixes the message of a format or custom rule with the value’s name, under the rule it names', () => {
    const schema = z.object({
      id: z.string().regex(/^[a-z]+$/, { message: '半角小文字で書いてください' }),
      name: z.string().superRefine((_, ctx) => {
        ctx.addIssue({ code: 'custom', message: '空にはできません', params: { rule: 'empty-text' } });
      }),
    });
    expect(diagnose('id: A1\nname: " "\n', schema)).toEqual([
      error(1, 5, 'invalid-format', 'id（ID）: 半角小文字で書いてください'),
      error(2, 7, 'empty-text', 'name（名称）: 空にはできません'),
    ]);
  });

  it('says a value is not right, with what was written, for any other issue', () => {
    const either = z.object({ x: z.union([z.number(), z.boolean()]) });
    expect(diagnose('x: abc\n', either)).toEqual([
      error(1, 4, 'invalid', 'xの値が正しくありません（文字列「abc」が書かれています）'),
    ]);
  });
});
