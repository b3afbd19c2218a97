// rollPlanYaml, rollMeasureYaml, rolledPeriod: the YAML of a plan rolled forward, year blocks only, on small texts written here.
import { describe, expect, it } from 'vitest';
import { rolledPeriod, rollMeasureYaml, rollPlanYaml } from './roll.ts';

const FROM = { start: 2024, end: 2026 };
const TO = { start: 2025, end: 2027 };

describe('rolledPeriod', () => {
  it('keeps the length of the period and starts it at the given year', () => {
    expect(rolledPeriod(FROM, 2025)).toStrictEqual({ start: 2025, end: 2027 });
    expect(rolledPeriod({ start: 2025, end: 2029 }, 2027)).toStrictEqual({ start: 2027, end: 2031 });
    expect(rolledPeriod({ start: 2024, end: 2024 }, 2025)).toStrictEqual({ start: 2025, end: 2025 });
  });
});

describe('rollPlanYaml', () => {
  it('changes only the period, keeping comments and the other keys as written', () => {
    const text = [
      '# 実施計画',
      'municipality: 見本町',
      'period:',
      '  start: 2024 # 初年度',
      '  end: 2026',
      'title: 実施計画',
      '',
    ].join('\n');
    expect(rollPlanYaml(text, TO)).toBe(
      [
        '# 実施計画',
        'municipality: 見本町',
        'period:',
        '  start: 2025 # 初年度',
        '  end: 2027',
        'title: 実施計画',
        '',
      ].join('\n'),
    );
  });
});

describe('rollMeasureYaml', () => {
  it('drops the years that left, keeps the others, seeds the new year from the old last one and marks it', () => {
    const text = [
      'id: m1 # 施策',
      'initiatives:',
      '  - id: t1',
      '    rows:',
      '      - project: p1',
      '        schedule:',
      '          2024: [調査]',
      '          2025: [実施]',
      '          2026: [評価, 見直し]',
      'budget:',
      '  - project: p1',
      '    amounts: { 2024: 100, 2025: 200, 2026: 300 }',
      '',
    ].join('\n');
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: [
        'id: m1 # 施策',
        'initiatives:',
        '  - id: t1',
        '    rows:',
        '      - project: p1',
        '        schedule:',
        '          2025: [ 実施 ]',
        '          2026: [ 評価, 見直し ]',
        '          2027: [ 評価, 見直し ]',
        '        carriedOver: [ 2027 ]',
        'budget:',
        '  - project: p1',
        '    amounts: { 2025: 200, 2026: 300, 2027: 300 }',
        '    carriedOver: [ 2027 ]',
        '',
      ].join('\n'),
      carried: 2,
    });
  });

  it('rolls the rows of a 施策 without 取組 and the targets of the 施策’s and its 事業’s 指標', () => {
    const text = [
      'rows:',
      '  - project: p1',
      '    schedule: { 2024: [a], 2025: [b], 2026: [c] }',
      'indicators:',
      '  - id: i1',
      '    targets: { 2025: 45, 2026: 46 }',
      '  - id: i2',
      '    targets: { 2024: 1, 2025: 2 }',
      'projects:',
      '  - id: p1',
      '    indicators:',
      '      - id: i3',
      '        targets: { 2026: 9 }',
      '',
    ].join('\n');
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: [
        'rows:',
        '  - project: p1',
        '    schedule: { 2025: [ b ], 2026: [ c ], 2027: [ c ] }',
        '    carriedOver: [ 2027 ]',
        'indicators:',
        '  - id: i1',
        '    targets: { 2025: 45, 2026: 46, 2027: 46 }',
        '    carriedOver: [ 2027 ]',
        '  - id: i2',
        '    targets: { 2025: 2 }',
        'projects:',
        '  - id: p1',
        '    indicators:',
        '      - id: i3',
        '        targets: { 2026: 9, 2027: 9 }',
        '        carriedOver: [ 2027 ]',
        '',
      ].join('\n'),
      carried: 3,
    });
  });

  it('copies a row’s 財源内訳 with its amounts, counting the amounts only, and seeds no 財源内訳 left out for the last year', () => {
    const text = [
      'budget:',
      '  - project: p1',
      '    amounts: { 2025: 0, 2026: 30 }',
      '    sources: { 2026: { national: 10, general: 20 } }',
      '  - project: p2',
      '    amounts: { 2025: 5, 2026: 0 }',
      '    sources: { 2025: { general: 5 } }',
      '',
    ].join('\n');
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: [
        'budget:',
        '  - project: p1',
        '    amounts: { 2025: 0, 2026: 30, 2027: 30 }',
        '    sources: { 2026: { national: 10, general: 20 }, 2027: { national: 10, general: 20 } }',
        '    carriedOver: [ 2027 ]',
        '  - project: p2',
        '    amounts: { 2025: 5, 2026: 0, 2027: 0 }',
        '    sources: { 2025: { general: 5 } }',
        '    carriedOver: [ 2027 ]',
        '',
      ].join('\n'),
      carried: 2,
    });
  });

  it('seeds every new year from the old last year when rolling by more than one year', () => {
    const text = 'rows:\n  - project: p1\n    schedule: { 2024: [a], 2025: [b], 2026: [c] }\n';
    expect(rollMeasureYaml(text, FROM, { start: 2027, end: 2029 })).toStrictEqual({
      text: 'rows:\n  - project: p1\n    schedule: { 2027: [ c ], 2028: [ c ], 2029: [ c ] }\n    carriedOver: [ 2027, 2028, 2029 ]\n',
      carried: 3,
    });
  });

  it('leaves a year already written in the new period as it is, and seeds only the missing ones', () => {
    const text = 'rows:\n  - project: p1\n    schedule: { 2025: [b], 2026: [c], 2027: [d] }\n';
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: 'rows:\n  - project: p1\n    schedule: { 2025: [ b ], 2026: [ c ], 2027: [ d ] }\n',
      carried: 0,
    });
    const longer = 'rows:\n  - project: p1\n    schedule: { 2026: [c], 2028: [e] }\n';
    expect(rollMeasureYaml(longer, FROM, { start: 2026, end: 2028 })).toStrictEqual({
      text: 'rows:\n  - project: p1\n    schedule: { 2026: [ c ], 2028: [ e ], 2027: [ c ] }\n    carriedOver: [ 2027 ]\n',
      carried: 1,
    });
  });

  it('reads year keys written as strings, and copies an empty year as empty', () => {
    const text = 'rows:\n  - project: p1\n    schedule:\n      "2024": [a]\n      "2026":\n';
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: 'rows:\n  - project: p1\n    schedule:\n      "2026":\n      2027:\n    carriedOver: [ 2027 ]\n',
      carried: 1,
    });
  });

  it('keeps earlier carried-over marks still in the period, drops those that left, and removes an emptied mark', () => {
    const text = [
      'rows:',
      '  - project: p1',
      '    schedule: { 2024: [a], 2025: [b], 2026: [c] }',
      '    carriedOver: [2024, 2026]',
      '  - project: p2',
      '    schedule: { 2024: [a], 2025: [b] }',
      '    carriedOver: [2024]',
      '',
    ].join('\n');
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: [
        'rows:',
        '  - project: p1',
        '    schedule: { 2025: [ b ], 2026: [ c ], 2027: [ c ] }',
        '    carriedOver: [ 2026, 2027 ]',
        '  - project: p2',
        '    schedule: { 2025: [ b ] }',
        '',
      ].join('\n'),
      carried: 1,
    });
  });

  it('keeps the marks in year order when an earlier mark comes after the seeded years', () => {
    const text = 'rows:\n  - project: p1\n    schedule: { 2026: [c], 2029: [x] }\n    carriedOver: [2029]\n';
    expect(rollMeasureYaml(text, FROM, { start: 2027, end: 2029 })).toStrictEqual({
      text: 'rows:\n  - project: p1\n    schedule: { 2029: [ x ], 2027: [ c ], 2028: [ c ] }\n    carriedOver: [ 2027, 2028, 2029 ]\n',
      carried: 2,
    });
  });

  it('keeps a carried-over mark of the first year of the new period', () => {
    const text = 'rows:\n  - project: p1\n    schedule: { 2025: [b], 2026: [c] }\n    carriedOver: [2025]\n';
    expect(rollMeasureYaml(text, FROM, TO).text).toBe(
      'rows:\n  - project: p1\n    schedule: { 2025: [ b ], 2026: [ c ], 2027: [ c ] }\n    carriedOver: [ 2025, 2027 ]\n',
    );
  });

  it('keeps only the years inside the new period when it ends earlier, and seeds none', () => {
    const text = 'rows:\n  - project: p1\n    schedule: { 2024: [a], 2025: [b], 2026: [c] }\n';
    expect(rollMeasureYaml(text, FROM, { start: 2023, end: 2025 })).toStrictEqual({
      text: 'rows:\n  - project: p1\n    schedule: { 2024: [ a ], 2025: [ b ] }\n',
      carried: 0,
    });
  });

  it('copies a last year written as an explicit key without a value as null', () => {
    const text = 'rows:\n  - project: p1\n    schedule:\n      2025: [b]\n      ? 2026\n';
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: 'rows:\n  - project: p1\n    schedule:\n      2025: [ b ]\n      2026: null\n      2027: null\n    carriedOver: [ 2027 ]\n',
      carried: 1,
    });
  });

  it('keeps a carried-over mark of the last year of the new period', () => {
    const text =
      'rows:\n  - project: p1\n    schedule: { 2025: [b], 2026: [c], 2027: [c] }\n    carriedOver: [2027, 2028]\n';
    expect(rollMeasureYaml(text, FROM, TO).text).toBe(
      'rows:\n  - project: p1\n    schedule: { 2025: [ b ], 2026: [ c ], 2027: [ c ] }\n    carriedOver: [ 2027 ]\n',
    );
  });

  it('gives each alias its own copy, rolled and marked on its own, and drops the anchors used', () => {
    const text = [
      'rows:',
      '  - project: p1',
      '    schedule: &plan { 2024: [a], 2026: [c] }',
      '  - project: p2',
      '    schedule: *plan',
      'budget:',
      '  - project: p1',
      '    amounts: &unused { 2026: 1 }',
      '',
    ].join('\n');
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({
      text: [
        'rows:',
        '  - project: p1',
        '    schedule: { 2026: [ c ], 2027: [ c ] }',
        '    carriedOver: [ 2027 ]',
        '  - project: p2',
        '    schedule: { 2026: [ c ], 2027: [ c ] }',
        '    carriedOver: [ 2027 ]',
        'budget:',
        '  - project: p1',
        '    amounts: &unused { 2026: 1, 2027: 1 }',
        '    carriedOver: [ 2027 ]',
        '',
      ].join('\n'),
      carried: 3,
    });
  });

  it('leaves a file without year maps as it was written', () => {
    const text = 'id: m1\nrows:\n  - project: p1\n    schedule: 未定\n  - note\nbudget: []\nindicators: none\n';
    expect(rollMeasureYaml(text, FROM, TO)).toStrictEqual({ text, carried: 0 });
    expect(rollMeasureYaml('- a\n- b\n', FROM, TO)).toStrictEqual({ text: '- a\n- b\n', carried: 0 });
  });
});
