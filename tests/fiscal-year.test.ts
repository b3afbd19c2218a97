import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { eraFiscalYear, fiscalYearLabel, fiscalYearOf, periodLabel, yearsOf } from '../src/plan/fiscal-year.ts';
import { circledNumber } from '../src/plan/numbering.ts';
import { itSlow } from './helpers/quick.ts';

describe('fiscal-year labels', () => {
  it.each([
    [2024, '2024年度（令和6年度）'],
    [2019, '2019年度（令和元年度）'], // 1 April 2019 was 平成31年; government usage names the year 令和元年度
    [2018, '2018年度（平成30年度）'],
    [2020, '2020年度（令和2年度）'],
    [1989, '1989年度（平成元年度）'],
    [1988, '1988年度（昭和63年度）'], // 平成 began in January 1989, inside FY1988
    [2027, '2027年度（令和9年度）'],
  ])('%i → %s', (year, label) => {
    expect(fiscalYearLabel(year)).toBe(label);
  });

  it('puts the era first when asked', () => {
    expect(fiscalYearLabel(2024, 'era-first')).toBe('令和6年度（2024年度）');
  });

  itSlow('is the same in every time zone of the process', () => {
    const script =
      "import('./src/plan/fiscal-year.ts').then(m => process.stdout.write([2019, 2024].map(y => m.fiscalYearLabel(y)).join(',')))";
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(out).toBe('2019年度（令和元年度）,2024年度（令和6年度）');
    }
  });

  it('puts January to March in the previous fiscal year', () => {
    expect(fiscalYearOf('2025-03-31')).toBe(2024);
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
    expect(fiscalYearOf(new Date('2025-03-31T16:00:00Z'))).toBe(2025); // 1 April, 01:00 in Tokyo
  });

  it('labels a period and lists its years', () => {
    expect(periodLabel({ start: 2024, end: 2026 })).toBe('2024年度～2026年度');
    expect(yearsOf({ start: 2024, end: 2026 })).toEqual([2024, 2025, 2026]);
    expect(eraFiscalYear(2019)).toBe('令和元年度');
  });
});

describe('circled numbers', () => {
  it('are ①…⑳ from the ordinal, and (21) beyond', () => {
    expect([1, 2, 3, 4, 5].map(circledNumber).join('')).toBe('①②③④⑤');
    expect(circledNumber(20)).toBe('⑳');
    expect(circledNumber(21)).toBe('(21)');
    expect(() => circledNumber(0)).toThrow(RangeError);
  });
});
