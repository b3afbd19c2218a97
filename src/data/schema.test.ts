// The shape rules of schema.ts that are not plain types: text (blank, forbidden characters,
// length), codes and marks, 担当課 and level names that become file names, and the rule name
// each problem carries into its diagnostic.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { departmentsFileSchema, planFileSchema, projectSchema } from './schema.ts';

/** Each issue as `path: [zod code rule] message`; a custom check names its rule. */
function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => {
    const rule = (i as { params?: { rule?: string } }).params?.rule;
    return `${i.path.join('.')}: [${i.code}${rule === undefined ? '' : ` ${rule}`}] ${i.message}`;
  });
}

const project = (fields: Record<string, unknown>) => ({ id: 'j1', name: '事業A', ...fields });
const plan = (fields: Record<string, unknown>) => ({
  municipality: '見本町',
  title: '実施計画',
  period: { start: 2024, end: 2026 },
  policies: [{ number: 1, title: '方針', basicMeasures: [{ number: 1, title: '群' }] }],
  ...fields,
});

describe('names and sentences', () => {
  it('refuses a name of blanks only, full-width spaces included', () => {
    expect(issuesOf(projectSchema, project({ name: ' \u3000 ' }))).toEqual([
      'name: [custom empty-text] 空にはできません。文字を書いてください',
    ]);
  });

  it('refuses a control character in a name, at its place', () => {
    expect(issuesOf(projectSchema, project({ name: '見本\u0007' }))).toEqual([
      'name: [custom forbidden-char] 使えない文字 U+0007（制御文字など）が3文字目にあります。Wordファイルが壊れる原因になるため、削除してください',
    ]);
  });

  it('refuses a line break in a name but takes one in a sentence (事業の概要)', () => {
    expect(issuesOf(projectSchema, project({ name: '一行目\n二行目', summary: '一行目\n二行目' }))).toEqual([
      'name: [custom forbidden-char] 改行やタブは使えません（4文字目）。1行で書いてください',
    ]);
  });

  it('takes a name of 300 characters and a sentence of 2,000, and names the too-long rule beyond', () => {
    expect(issuesOf(projectSchema, project({ name: '名'.repeat(300), summary: '文'.repeat(2000) }))).toEqual([]);
    expect(issuesOf(projectSchema, project({ name: '名'.repeat(301), summary: '文'.repeat(2001) }))).toEqual([
      'name: [custom too-long] 長すぎます（301文字）。名称は300文字までです',
      'summary: [custom too-long] 長すぎます（2001文字）。文は2000文字までです',
    ]);
  });
});

describe('codes and marks', () => {
  it('takes a code of 16 characters, and refuses 17, a space, a tab or a control character', () => {
    const message = 'コードは空白を含まない16文字までで書いてください（例: "2-3-1"）';
    expect(issuesOf(projectSchema, project({ code: '1234567890123456' }))).toEqual([]);
    expect(issuesOf(projectSchema, project({ code: '12345678901234567' }))).toEqual([
      `code: [invalid_format] ${message}`,
    ]);
    expect(issuesOf(projectSchema, project({ code: '2 3' }))).toEqual([`code: [invalid_format] ${message}`]);
    // A tab is refused twice: as a blank by the pattern, and by name as a tab.
    expect(issuesOf(projectSchema, project({ code: '2\t3' }))).toEqual([
      `code: [invalid_format] ${message}`,
      'code: [custom forbidden-char] 改行やタブは使えません（2文字目）。1行で書いてください',
    ]);
    expect(issuesOf(projectSchema, project({ code: '\u0007' }))).toEqual([
      'code: [custom forbidden-char] 使えない文字 U+0007（制御文字など）が1文字目にあります。Wordファイルが壊れる原因になるため、削除してください',
    ]);
  });

  it('takes a mark of 2 characters and refuses 3', () => {
    const statuses = (mark: string) => plan({ statuses: [{ name: '新規', mark }] });
    expect(issuesOf(planFileSchema, statuses('◎◎'))).toEqual([]);
    expect(issuesOf(planFileSchema, statuses('◎◎◎'))).toEqual([
      'statuses.0.mark: [invalid_format] 記号は空白を含まない2文字までで書いてください（例: ◎）',
    ]);
  });
});

describe('names that become file names', () => {
  it('refuses a 担当課 name with a path separator', () => {
    expect(issuesOf(departmentsFileSchema, { departments: ['総務課', '総務/財政'] })).toEqual([
      'departments.1: [custom unsafe-department-name] 担当課名に「/」は使えません（ファイル名になるため）',
    ]);
  });

  it('refuses a plan title with a path separator', () => {
    expect(issuesOf(planFileSchema, plan({ title: '計画/案' }))).toEqual([
      'title: [custom unsafe-file-name] 計画の名称に「/」は使えません（ファイル名になるため）',
    ]);
  });

  it('takes a level name of 10 characters and refuses 11 or one with a path separator', () => {
    expect(issuesOf(planFileSchema, plan({ labels: { policy: '一二三四五六七八九十' } }))).toEqual([]);
    expect(issuesOf(planFileSchema, plan({ labels: { policy: '一二三四五六七八九十一', project: '事/業' } }))).toEqual([
      'labels.policy: [custom too-long] 階層の呼び名は10文字までにしてください',
      'labels.project: [custom unsafe-file-name] 階層の呼び名に「/」は使えません（ファイル名になるため）',
    ]);
  });
});
