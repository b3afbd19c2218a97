// Fiscal years (年度, 1 April – 31 March) and their labels in the Japanese era, computed, never typed.

/** Japan Standard Time is UTC+9 all year (no daylight saving). */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The fiscal year a calendar date falls in: January–March belong to the previous year's 年度. */
export function fiscalYearOf(date: Date | string): number {
  // Read the date as Japan sees it, whatever the process's time zone.
  const d = new Date(new Date(date).getTime() + JST_OFFSET_MS);
  return d.getUTCMonth() < 3 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
}

// The day whose era names a fiscal year: its 1 April, except FY2019, which government usage
// names 令和元年度 although 1 April 2019 was still 平成31年 (令和 began on 1 May 2019).
const ERA_REFERENCE_DAY: Readonly<Record<number, string>> = { 2019: '05-01' };

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: 'Asia/Tokyo',
});

/** `令和6年度`, `令和元年度`, `平成30年度`. */
export function eraFiscalYear(fiscalYear: number): string {
  const day = ERA_REFERENCE_DAY[fiscalYear] ?? '04-01';
  // Noon in Tokyo: the same calendar day whatever the process's time zone.
  const date = new Date(`${fiscalYear}-${day}T12:00:00+09:00`);
  const parts = eraFormat.formatToParts(date);
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  // ICU prints the first year of an era as 元 already; keep that form whatever it prints.
  return `${era}${year === '1' ? '元' : year}年度`;
}

/** `2024年度`. */
export const westernFiscalYear = (fiscalYear: number): string => `${fiscalYear}年度`;

export type FiscalYearOrder = 'western-first' | 'era-first';

/** `2024年度（令和6年度）`, or `令和6年度（2024年度）` for bodies that put the era first. */
export function fiscalYearLabel(fiscalYear: number, order: FiscalYearOrder = 'western-first'): string {
  const western = westernFiscalYear(fiscalYear);
  const era = eraFiscalYear(fiscalYear);
  return order === 'western-first' ? `${western}（${era}）` : `${era}（${western}）`;
}

/** Every fiscal year of a period, in order. */
export function yearsOf(period: { readonly start: number; readonly end: number }): number[] {
  const years: number[] = [];
  for (let y = period.start; y <= period.end; y++) years.push(y);
  return years;
}

/** `2024年度～2026年度`. */
export const periodLabel = (period: { readonly start: number; readonly end: number }): string =>
  `${westernFiscalYear(period.start)}～${westernFiscalYear(period.end)}`;

/** `令和6年度～令和8年度`. */
export const eraPeriodLabel = (period: { readonly start: number; readonly end: number }): string =>
  `${eraFiscalYear(period.start)}～${eraFiscalYear(period.end)}`;

const eraMonthFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'numeric',
  timeZone: 'Asia/Tokyo',
});

/** A date (YYYY-MM-DD) as its era year and month: `令和6年3月`, `令和元年5月`. */
export function eraYearMonth(isoDate: string): string {
  const parts = eraMonthFormat.formatToParts(new Date(`${isoDate}T12:00:00+09:00`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year');
  return `${part('era')}${year === '1' ? '元' : year}年${part('month')}月`;
}
