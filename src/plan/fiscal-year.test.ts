// fiscal-year.ts: the 年度 of a date as Japan reads it, era names (元年, 令和元年度 for FY2019), labels and periods.
import { describe, expect, it, vi } from 'vitest';

/**
 * The module, loaded afresh for each test rather than imported at the top: it builds its era format, the
 * JST offset and the FY2019 rule when it loads, and only a test that loads it can catch a change to those
 * (Stryker counts such a load-time change as covered by the tests during which the module loaded).
 */
async function fiscalYear() {
  vi.resetModules();
  return import('./fiscal-year.ts');
}

describe('fiscalYearOf', () => {
  it('starts the 年度 on 1 April at midnight in Tokyo, whatever the date’s own offset', async () => {
    const { fiscalYearOf } = await fiscalYear();
    expect(fiscalYearOf('2025-03-31T23:59:59+09:00')).toBe(2024);
    expect(fiscalYearOf('2025-04-01T00:00:00+09:00')).toBe(2025);
    // The same two instants in UTC: 14:59:59 and 15:00:00 on 31 March.
    expect(fiscalYearOf(new Date('2025-03-31T14:59:59Z'))).toBe(2024);
    expect(fiscalYearOf(new Date('2025-03-31T15:00:00Z'))).toBe(2025);
  });

  it('puts January to March in the previous 年度 and April to December in the year’s own', async () => {
    const { fiscalYearOf } = await fiscalYear();
    expect(
      ['2025-01-01', '2025-03-15', '2025-04-15', '2025-12-31'].map((d) => fiscalYearOf(`${d}T12:00:00+09:00`)),
    ).toStrictEqual([2024, 2024, 2025, 2025]);
  });
});

describe('eraFiscalYear', () => {
  it('names the era of each 年度’s 1 April, the first year of an era 元年', async () => {
    const { eraFiscalYear } = await fiscalYear();
    expect([2024, 2020, 2018, 1989, 1988].map(eraFiscalYear)).toStrictEqual([
      '令和6年度',
      '令和2年度',
      '平成30年度',
      '平成元年度', // 平成 began on 8 January 1989, before 1 April
      '昭和63年度',
    ]);
  });

  it('names FY2019 令和元年度 as government usage does, although its 1 April was still 平成31年', async () => {
    const { eraFiscalYear } = await fiscalYear();
    expect(eraFiscalYear(2019)).toBe('令和元年度');
  });
});

describe('fiscal year labels and periods', () => {
  it('writes a 年度 in western years, with its era in brackets after it or before it', async () => {
    const { fiscalYearLabel, westernFiscalYear } = await fiscalYear();
    expect(westernFiscalYear(2024)).toBe('2024年度');
    expect(fiscalYearLabel(2024)).toBe('2024年度（令和6年度）');
    expect(fiscalYearLabel(2019, 'western-first')).toBe('2019年度（令和元年度）');
    expect(fiscalYearLabel(2019, 'era-first')).toBe('令和元年度（2019年度）');
  });

  it('lists every year of a period in order, one for a one-year period, and labels the period', async () => {
    const { periodLabel, yearsOf } = await fiscalYear();
    expect(yearsOf({ start: 2025, end: 2029 })).toStrictEqual([2025, 2026, 2027, 2028, 2029]);
    expect(yearsOf({ start: 2024, end: 2024 })).toStrictEqual([2024]);
    expect(periodLabel({ start: 2025, end: 2029 })).toBe('2025年度～2029年度');
  });
});

describe('era year and month (表紙の策定・改訂)', () => {
  it('names the era of the day itself, 元年 included', async () => {
    const { eraYearMonth, eraPeriodLabel } = await import('./fiscal-year.ts');
    expect(eraYearMonth('2024-03-29')).toBe('令和6年3月');
    expect(eraYearMonth('2019-04-30')).toBe('平成31年4月');
    expect(eraYearMonth('2019-05-01')).toBe('令和元年5月');
    expect(eraPeriodLabel({ start: 2018, end: 2020 })).toBe('平成30年度～令和2年度');
  });
});
