// validatePlan: file bytes in, the assembled Plan (defaults filled, 施策 ordered, 再掲 resolved)
// or none, and every diagnostic sorted.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FileKind } from './schema.ts';
import { validatePlan, type DataFile, type GlyphCoverage } from './validate.ts';

const file = (name: string, kind: FileKind, text: string): DataFile => ({
  file: `data/${name}`,
  kind,
  bytes: new TextEncoder().encode(text),
});

const PLAN = `municipality: 見本町
title: 実施計画
period: { start: 2024, end: 2025 }
policies:
  - { number: 1, title: 方針A, basicMeasures: [{ number: 1, title: 群A }] }
`;
const DEPARTMENTS = 'departments: [総務課, 財政課]\n';

/** A 施策 file with the given 事業 (flow mappings), each in one row, and no 事業費. */
const measure = (head: string, projects: string[]) =>
  `${head}\ntitle: 施策\ndirections: [方向]\nprojects:\n${projects.map((p) => `  - ${p}\n`).join('')}rows:\n${projects
    .map((p) => `  - { project: ${/id: ([\w-]+)/.exec(p)![1]}, schedule: { 2024: [], 2025: [] } }\n`)
    .join('')}budget: []\n`;

const ONE = measure('id: s01\nnumber: 1\npolicy: 1\nbasicMeasure: 1', [
  '{ id: j1, name: 事業A, department: 総務課, status: 継続 }',
]);

const lines = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map(
    (d) => `${d.file}${d.line === undefined ? '' : `:${d.line}:${d.col}`} ${d.severity} ${d.rule} ${d.message}`,
  );

describe('validatePlan: the Plan it assembles', () => {
  it('fills the defaults of a plan that declares no labels, statuses, tags or 財源', () => {
    const result = validatePlan([
      file('plan.yaml', 'plan', PLAN),
      file('departments.yaml', 'departments', DEPARTMENTS),
      file('measures/01.yaml', 'measure', ONE),
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual({
      municipality: '見本町',
      title: '実施計画',
      period: { start: 2024, end: 2025 },
      labels: { policy: '基本方針', basicMeasure: '基本施策', measure: '施策', initiative: '取組', project: '事業' },
      statuses: [{ name: '新規' }, { name: '継続' }],
      tags: [],
      fundingSources: [],
      policies: [{ number: 1, title: '方針A', basicMeasures: [{ number: 1, title: '群A' }] }],
      departments: ['総務課', '財政課'],
      measures: [
        {
          id: 's01',
          number: 1,
          policy: 1,
          basicMeasure: 1,
          title: '施策',
          directions: ['方向'],
          projects: [{ id: 'j1', name: '事業A', department: '総務課', status: '継続' }],
          budget: [],
          initiatives: [{ id: 's01', name: '施策', rows: [{ project: 'j1', schedule: { 2024: [], 2025: [] } }] }],
          hasInitiatives: false,
          file: 'data/measures/01.yaml',
        },
      ],
    });
  });

  it('keeps the labels, statuses, tags and 財源 a plan declares, labels merged over the defaults', () => {
    const declared = PLAN.replace(
      'policies:',
      `labels: { project: 事務事業 }
statuses: [{ name: 拡充, mark: ◎ }, { name: 継続, mark: ○ }]
tags: [{ id: priority, name: 重点, mark: ★ }]
fundingSources: [{ id: general, name: 一般財源 }]
policies:`,
    );
    const plan = validatePlan([
      file('plan.yaml', 'plan', declared),
      file('departments.yaml', 'departments', DEPARTMENTS),
      file('measures/01.yaml', 'measure', ONE),
    ]).value!;
    expect(plan.labels).toEqual({
      policy: '基本方針',
      basicMeasure: '基本施策',
      measure: '施策',
      initiative: '取組',
      project: '事務事業',
    });
    expect(plan.statuses).toEqual([
      { name: '拡充', mark: '◎' },
      { name: '継続', mark: '○' },
    ]);
    expect(plan.tags).toEqual([{ id: 'priority', name: '重点', mark: '★' }]);
    expect(plan.fundingSources).toEqual([{ id: 'general', name: '一般財源' }]);
  });

  it('orders 施策 by 基本方針 and 基本施策 as plan.yaml lists them, then by number', () => {
    const plan = PLAN.replace(
      /policies:\n.*\n/,
      `policies:
  - { number: 2, title: 方針B, basicMeasures: [{ number: 2, title: 群B2 }, { number: 1, title: 群B1 }] }
  - { number: 1, title: 方針A, basicMeasures: [{ number: 1, title: 群A1 }] }
`,
    );
    const at = (id: string, policy: number, basic: number, number: number) =>
      file(
        `measures/${id}.yaml`,
        'measure',
        measure(`id: ${id}\nnumber: ${number}\npolicy: ${policy}\nbasicMeasure: ${basic}`, [
          `{ id: ${id}-j, name: 事業, department: 総務課, status: 継続 }`,
        ]),
      );
    const result = validatePlan([
      file('plan.yaml', 'plan', plan),
      file('departments.yaml', 'departments', DEPARTMENTS),
      at('a', 1, 1, 1),
      at('b', 2, 1, 3),
      at('c', 2, 2, 2),
      at('d', 2, 1, 1),
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.value!.measures.map((m) => m.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('gives a 再掲 the 担当課, 区分 and コード of its original where it has none of its own', () => {
    const originals = measure('id: s01\nnumber: 1\npolicy: 1\nbasicMeasure: 1', [
      '{ id: j1, name: 事業A, code: "0101", department: 総務課, status: 継続 }',
      '{ id: j2, name: 事業B }',
    ]);
    const onlyRepeats = measure('id: s02\nnumber: 2\npolicy: 1\nbasicMeasure: 1', [
      '{ id: r1, name: 事業A, repeatOf: j1 }',
      '{ id: r2, name: 事業B, repeatOf: j2 }',
    ]);
    const mixed = measure('id: s03\nnumber: 3\npolicy: 1\nbasicMeasure: 1', [
      '{ id: k1, name: 事業C, department: 総務課, status: 継続 }',
      '{ id: r3, name: 事業A, code: "0303", department: 財政課, status: 新規, repeatOf: j1 }',
      '{ id: r4, name: 事業A, repeatOf: j1 }',
    ]);
    const result = validatePlan([
      file('plan.yaml', 'plan', PLAN),
      file('departments.yaml', 'departments', DEPARTMENTS),
      file('measures/01.yaml', 'measure', originals),
      file('measures/02.yaml', 'measure', onlyRepeats),
      file('measures/03.yaml', 'measure', mixed),
    ]);
    // Only the original without 担当課 and 区分 is warned about; its 再掲 is not.
    expect(lines(result.diagnostics)).toEqual([
      'data/measures/01.yaml:9:5 warning missing-department 事業「事業B」に担当課（department）がありません',
      'data/measures/01.yaml:9:5 warning missing-status 事業「事業B」に新規・継続（status）がありません',
    ]);
    const [, repeats, withOwn] = result.value!.measures;
    expect(repeats!.projects).toStrictEqual([
      { id: 'r1', name: '事業A', repeatOf: 'j1', code: '0101', department: '総務課', status: '継続' },
      { id: 'r2', name: '事業B', repeatOf: 'j2' },
    ]);
    expect(withOwn!.projects).toStrictEqual([
      { id: 'k1', name: '事業C', department: '総務課', status: '継続' },
      { id: 'r3', name: '事業A', code: '0303', department: '財政課', status: '新規', repeatOf: 'j1' },
      { id: 'r4', name: '事業A', repeatOf: 'j1', code: '0101', department: '総務課', status: '継続' },
    ]);
  });
});

describe('validatePlan: when there is no Plan', () => {
  it('gives no Plan without departments.yaml or without plan.yaml, though nothing is wrong', () => {
    const plan = file('plan.yaml', 'plan', PLAN);
    const departments = file('departments.yaml', 'departments', DEPARTMENTS);
    const one = file('measures/01.yaml', 'measure', ONE);
    expect(validatePlan([plan, one])).toEqual({ value: undefined, diagnostics: [] });
    expect(validatePlan([departments, one])).toEqual({ value: undefined, diagnostics: [] });
  });

  it('still gives the Plan when there are only warnings', () => {
    const noStatus = ONE.replace(', status: 継続', '');
    const result = validatePlan([
      file('plan.yaml', 'plan', PLAN),
      file('departments.yaml', 'departments', DEPARTMENTS),
      file('measures/01.yaml', 'measure', noStatus),
    ]);
    expect(lines(result.diagnostics)).toEqual([
      'data/measures/01.yaml:8:5 warning missing-status 事業「事業A」に新規・継続（status）がありません',
    ]);
    expect(result.value!.measures[0]!.projects).toEqual([{ id: 'j1', name: '事業A', department: '総務課' }]);
  });

  it('refuses an empty file, one of comments only and one holding only null, at 1:1', () => {
    for (const text of ['', '# 施策はまだありません\n', '~\n']) {
      const result = validatePlan([
        file('plan.yaml', 'plan', PLAN),
        file('departments.yaml', 'departments', DEPARTMENTS),
        file('measures/01.yaml', 'measure', text),
      ]);
      expect(lines(result.diagnostics), JSON.stringify(text)).toEqual([
        'data/measures/01.yaml:1:1 error empty-file ファイルが空です',
      ]);
      expect(result.value).toBeUndefined();
    }
  });

  it('keeps the diagnostics of reading, sorted among its own, and an error among them leaves no Plan', () => {
    const read: Diagnostic[] = [
      { severity: 'error', file: 'data/measures/09.yaml', rule: 'not-a-file', message: '読めません' },
      { severity: 'warning', file: 'data/departments.yaml', line: 3, col: 1, rule: 'hidden-file', message: '隠し' },
    ];
    const result = validatePlan(
      [
        file('plan.yaml', 'plan', PLAN),
        file('departments.yaml', 'departments', DEPARTMENTS),
        file('measures/01.yaml', 'measure', ONE.replace('総務課', '企画課')),
      ],
      read,
    );
    expect(lines(result.diagnostics)).toEqual([
      'data/departments.yaml:3:1 warning hidden-file 隠し',
      'data/measures/01.yaml:8:38 error unknown-department 担当課「企画課」は departments.yaml の一覧にありません（一覧: 総務課、財政課）',
      'data/measures/09.yaml error not-a-file 読めません',
    ]);
    expect(result.value).toBeUndefined();
  });

  it('checks every text against the fonts when given their coverage', () => {
    const glyphs: GlyphCoverage = {
      missing: (text) => [...text].filter((ch) => ch === '𠮷'),
      fontNames: 'テスト書体',
    };
    const result = validatePlan(
      [
        file('plan.yaml', 'plan', PLAN),
        file('departments.yaml', 'departments', DEPARTMENTS),
        file('measures/01.yaml', 'measure', ONE.replace('事業A', '𠮷野事業')),
      ],
      [],
      { glyphs },
    );
    expect(lines(result.diagnostics)).toEqual([
      'data/measures/01.yaml:8:21 error missing-glyph 「𠮷」（U+20BB7）は文書のフォント（テスト書体）にない文字で、印刷すると空白の四角になります。ほかの字に置き換えるか、その字のあるフォントを fonts/ に入れて templates/theme.yaml の fallbackFont に指定してください',
    ]);
  });
});
