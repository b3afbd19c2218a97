// formatAmount prints 千円 amounts as Japanese public documents do: whole numbers, 3-digit commas.
import { describe, expect, it, vi } from 'vitest';

/**
 * The formatter is built when the module loads: each test loads the module afresh, so that a
 * mutation test (StrykerJS) sees a formatter built with other options.
 */
async function freshFormatAmount() {
  vi.resetModules();
  return (await import('./format.ts')).formatAmount;
}

describe('formatAmount', () => {
  it('groups thousands with commas (12,408 and 1,234,567)', async () => {
    const formatAmount = await freshFormatAmount();
    expect(formatAmount(12408)).toBe('12,408');
    expect(formatAmount(1234567)).toBe('1,234,567');
  });

  it('prints amounts under a thousand and zero as they are', async () => {
    const formatAmount = await freshFormatAmount();
    expect(formatAmount(999)).toBe('999');
    expect(formatAmount(0)).toBe('0');
  });

  it('rounds to a whole number: no decimals are printed', async () => {
    const formatAmount = await freshFormatAmount();
    expect(formatAmount(1234.6)).toBe('1,235');
    expect(formatAmount(0.4)).toBe('0');
  });
});
