// Reads the seed (a text extraction of 利根町's printed 実施計画) into what a test can compare:
// the 施策体系 table, and per 施策 its section text and its printed 事業費 table.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_TEXT = readFileSync(
  path.join(import.meta.dirname, '..', 'fixtures', 'seed', 'tone-2024-2026-policy5.txt'),
  'utf8',
);

/** The seed's character slips listed in docs/domain.md, as (printed, right) pairs. */
export const SEED_SLIPS: readonly (readonly [string, string])[] = [
  ['情報メールー斉配信', '情報メール一斉配信'],
  ['考え方にに基づき', '考え方に基づき'],
  ['みんなが主役でとに進むまちづくり', 'みんなが主役でともに進むまちづくり'],
];

/**
 * For comparing text across the extraction's scars: NFKC (full/half width), no whitespace
 * (cells wrapped mid-word), the listed slips fixed, and a comma between phrases read as 、
 * (the data writes the one half-width "会議, 行革" of the seed the Japanese way).
 */
export function normalize(text: string): string {
  let t = text;
  for (const [printed, right] of SEED_SLIPS) t = t.split(printed).join(right);
  return t
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(?<=\D),/g, '、');
}

export interface SeedOutlineRow {
  readonly basicMeasure: string; // "1 町民参加体制の充実"
  readonly measure: string; // "1 地域活動の活性化"
  readonly initiative: string; // "① 区や自治会などへの支援"
}

/** The 施策体系 table at the top: one row per 取組. */
export function seedOutline(): SeedOutlineRow[] {
  return SEED_TEXT.split('\n')
    .map((l) => l.split('\t'))
    .filter((cells) => cells.length === 3 && /^\d+ /.test(cells[0]!) && /^\d+ /.test(cells[1]!))
    .map(([basicMeasure, measure, initiative]) => ({
      basicMeasure: basicMeasure!,
      measure: measure!,
      initiative: initiative!,
    }));
}

export interface SeedBudgetRow {
  readonly name: string;
  readonly amounts: readonly number[];
  readonly total: number;
}

export interface SeedSection {
  readonly number: number;
  readonly title: string;
  readonly policyLine: string;
  readonly basicMeasureLine: string;
  readonly directions: string[];
  /** Text between ●主な取組内容 and ●事業費. */
  readonly initiativesText: string;
  readonly budget: SeedBudgetRow[];
  /** The printed 合計 row, or undefined when the page says 予算なし. */
  readonly printedTotal?: { amounts: number[]; total: number };
  readonly noBudgetNotice: boolean;
}

const toNumber = (s: string) => Number(s.replace(/,/g, ''));

export function seedSections(): SeedSection[] {
  const pages = SEED_TEXT.split('実施計画（2024年度～2026年度）').slice(1);
  return pages.map((page) => {
    const lines = page.split('\n');
    const heading = lines.find((l) => /^施策 \d+ /.test(l))!;
    const [, number, title] = /^施策 (\d+) (.+)$/.exec(heading)!;
    const between = (from: string, to: string) => page.slice(page.indexOf(from) + from.length, page.indexOf(to));
    const directions = between('●施策の方向', '●主な取組内容')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l) => l.replace(/^[-○]\s*/, ''));
    const budgetText = page.slice(page.indexOf('●事業費'));
    const budget: SeedBudgetRow[] = [];
    let printedTotal: SeedSection['printedTotal'];
    for (const line of budgetText.split('\n')) {
      const cells = line.split('\t');
      if (cells.length !== 5 || !/^[\d,]+$/.test(cells[1]!)) continue;
      const amounts = cells.slice(1, 4).map(toNumber);
      const total = toNumber(cells[4]!);
      if (cells[0] === '合計') printedTotal = { amounts, total };
      else budget.push({ name: cells[0]!, amounts, total });
    }
    return {
      number: Number(number),
      title: title!,
      policyLine: lines.find((l) => l.startsWith('基本方針'))!,
      basicMeasureLine: lines.find((l) => l.trim().startsWith('基本施策'))!.trim(),
      directions,
      initiativesText: between('●主な取組内容', '●事業費'),
      budget,
      ...(printedTotal ? { printedTotal } : {}),
      noBudgetNotice: budgetText.includes('※予算なし事業のため事業費欄は記載なし※'),
    };
  });
}
