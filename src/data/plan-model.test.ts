// The Plan model's helpers: the printed code of a level, the word for 区分, and a 施策 file turned
// into a Measure (a 施策 without 取組 gets one unnamed group).
import { describe, expect, it } from 'vitest';
import { displayCode, measureModel, statusTerm } from './plan-model.ts';
import type { MeasureFile } from './schema.ts';

describe('displayCode', () => {
  it('prints the code (体系コード) where a level has one, else its number', () => {
    expect(displayCode({ code: '2-3-1', number: 4 })).toBe('2-3-1');
    expect(displayCode({ number: 4 })).toBe('4');
  });
});

describe('statusTerm', () => {
  it('joins the names of 区分 printed by name (新規・継続)', () => {
    expect(statusTerm([{ name: '新規' }, { name: '拡充' }, { name: '継続' }])).toBe('新規・拡充・継続');
  });

  it('says 区分 as soon as any 区分 has a mark, since a 凡例 then explains the marks', () => {
    expect(
      statusTerm([
        { name: '新規', mark: '◎' },
        { name: '継続', mark: '○' },
      ]),
    ).toBe('区分');
    expect(statusTerm([{ name: '新規', mark: '◎' }, { name: '継続' }])).toBe('区分');
  });
});

describe('measureModel', () => {
  const base: MeasureFile = {
    id: 's01',
    number: 1,
    policy: 1,
    basicMeasure: 1,
    title: '見本の施策',
    directions: ['方向'],
    projects: [{ id: 'j1', name: '事業A' }],
    budget: [],
  };
  const row = { project: 'j1', schedule: { 2024: ['計画'] } };

  it('keeps the 取組 of a 施策 written with initiatives', () => {
    const initiatives = [{ id: 't1', name: '取組A', rows: [row] }];
    expect(measureModel({ ...base, initiatives }, 'data/measures/01.yaml')).toStrictEqual({
      ...base,
      initiatives,
      hasInitiatives: true,
      file: 'data/measures/01.yaml',
    });
  });

  it('gives a 施策 written with rows one group named by its id and title, and drops the rows key', () => {
    expect(measureModel({ ...base, rows: [row] }, 'data/measures/01.yaml')).toStrictEqual({
      ...base,
      initiatives: [{ id: 's01', name: '見本の施策', rows: [row] }],
      hasInitiatives: false,
      file: 'data/measures/01.yaml',
    });
  });

  it('gives a 施策 with neither one empty group', () => {
    expect(measureModel(base, 'm.yaml').initiatives).toStrictEqual([{ id: 's01', name: '見本の施策', rows: [] }]);
  });
});
