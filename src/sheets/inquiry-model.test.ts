import { describe, expect, it } from 'vitest';
import { planCellItems, planCellText } from './inquiry-model.ts';

describe('plan items in one cell', () => {
  it('are one per line, blank lines and surrounding spaces dropped', () => {
    expect(planCellItems('  項目A \r\n\n項目B\r項目C\n')).toEqual(['項目A', '項目B', '項目C']);
    expect(planCellItems('')).toEqual([]);
  });

  it('are marked with ・ when an item holds a line break, and read back whole', () => {
    const items = ['広報紙への掲載', '説明会の開催\n（年2回）'];
    expect(planCellText(items)).toBe('・広報紙への掲載\n・説明会の開催\n（年2回）');
    expect(planCellItems(planCellText(items))).toEqual(items);
    // An item that itself starts with ・ survives too.
    expect(planCellItems(planCellText(['・印の項目', '次']))).toEqual(['・印の項目', '次']);
  });
});
