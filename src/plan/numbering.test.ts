// circledNumber: the 取組's ordinals as printed, ①…⑳ and (21) beyond, and the ordinals it refuses.
import { describe, expect, it } from 'vitest';
import { circledNumber } from './numbering.ts';

describe('circledNumber', () => {
  it('prints 1 to 20 as the circled digits ① to ⑳', () => {
    expect(Array.from({ length: 20 }, (_, i) => circledNumber(i + 1)).join('')).toBe('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳');
  });

  it('prints 21 and beyond in parentheses', () => {
    expect([21, 22, 100].map(circledNumber)).toStrictEqual(['(21)', '(22)', '(100)']);
  });

  it('refuses 0, negative and fractional ordinals, naming the ordinal', () => {
    expect(() => circledNumber(0)).toThrow(new RangeError('ordinal must be a positive integer: 0'));
    expect(() => circledNumber(-3)).toThrow(new RangeError('ordinal must be a positive integer: -3'));
    expect(() => circledNumber(1.5)).toThrow(new RangeError('ordinal must be a positive integer: 1.5'));
  });
});
