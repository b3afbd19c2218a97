// budgetTable: one 施策's 事業費 table (amounts per year, Nカ年事業費計, 合計, 参考 years) from rows written here.
import { describe, expect, it } from 'vitest';
import type { Measure } from '../data/plan-model.ts';
import { budgetTable } from './budget.ts';

function measure(budget: Measure['budget']): Measure {
  return {
    id: 'm1',
    number: 1,
    policy: 1,
    basicMeasure: 1,
    title: '協働のまちづくり',
    directions: ['町民との協働を進めます。'],
    projects: [
      { id: 'p1', name: '町民意識調査' },
      { id: 'p2', name: '行財政改革' },
    ],
    initiatives: [],
    hasInitiatives: true,
    budget,
    file: 'measures/01.yaml',
  };
}

describe('budgetTable', () => {
  it('gives each row its amounts in the order of the years asked, its total, and the 合計 per year and overall', () => {
    const table = budgetTable(
      measure([
        { project: 'p1', amounts: { 2024: 100, 2025: 250, 2026: 0 } },
        { project: 'p2', amounts: { 2024: 7, 2025: 3, 2026: 40 } },
      ]),
      [2026, 2024],
    );
    expect(table).toStrictEqual({
      years: [2026, 2024],
      referenceYears: [],
      lines: [
        { projectId: 'p1', projectName: '町民意識調査', amounts: [0, 100], total: 100, reference: [] },
        { projectId: 'p2', projectName: '行財政改革', amounts: [40, 7], total: 47, reference: [] },
      ],
      yearTotals: [40, 107],
      grandTotal: 147,
      referenceTotals: [],
    });
  });

  it('reads a year a row does not give as 0, and names a row of an unknown 事業 by its id', () => {
    const table = budgetTable(measure([{ project: 'p9', amounts: { 2024: 5 } }]), [2024, 2025]);
    expect(table.lines).toStrictEqual([
      { projectId: 'p9', projectName: 'p9', amounts: [5, 0], total: 5, reference: [] },
    ]);
    expect([table.yearTotals, table.grandTotal]).toStrictEqual([[5, 0], 5]);
  });

  it('gives an empty table, totals 0, to a 施策 without 事業費 rows', () => {
    expect(budgetTable(measure([]), [2024, 2025])).toStrictEqual({
      years: [2024, 2025],
      referenceYears: [],
      lines: [],
      yearTotals: [0, 0],
      grandTotal: 0,
      referenceTotals: [],
    });
  });

  it('lists the 参考 years any row gives, in order, each row’s amount or nothing, totalled apart from the period', () => {
    const table = budgetTable(
      measure([
        { project: 'p1', amounts: { 2025: 10 }, reference: { 2024: 9 } },
        { project: 'p2', amounts: { 2025: 20 } },
        { project: 'p9', amounts: { 2025: 30 }, reference: { 2022: 1, 2023: 2 } },
      ]),
      [2025],
    );
    expect(table.referenceYears).toStrictEqual([2022, 2023, 2024]);
    expect(table.lines.map((l) => l.reference)).toStrictEqual([
      [undefined, undefined, 9],
      [undefined, undefined, undefined],
      [1, 2, undefined],
    ]);
    expect(table.referenceTotals).toStrictEqual([1, 2, 9]);
    expect([table.yearTotals, table.grandTotal]).toStrictEqual([[60], 60]);
  });

  it('keeps only the 事業 asked for (a 担当課’s excerpt), their 参考 years too', () => {
    const table = budgetTable(
      measure([
        { project: 'p1', amounts: { 2025: 10 }, reference: { 2024: 9 } },
        { project: 'p2', amounts: { 2025: 20 } },
      ]),
      [2025],
      (id) => id === 'p2',
    );
    expect(table).toStrictEqual({
      years: [2025],
      referenceYears: [],
      lines: [{ projectId: 'p2', projectName: '行財政改革', amounts: [20], total: 20, reference: [] }],
      yearTotals: [20],
      grandTotal: 20,
      referenceTotals: [],
    });
  });
});
