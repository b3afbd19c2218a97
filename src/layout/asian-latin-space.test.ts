import { describe, expect, it } from 'vitest';
import { asianLatinBoundaries } from './asian-latin-space.ts';

describe('boundaries between Asian and Latin script, where LibreOffice adds a space', () => {
  it('are counted between kanji or kana and Latin letters or digits, either way', () => {
    expect(asianLatinBoundaries('2024年度')).toBe(1);
    expect(asianLatinBoundaries('（令和6年度）')).toBe(2);
    expect(asianLatinBoundaries('サイトSMILE！TONE）')).toBe(4);
  });

  it('are not counted across punctuation of neither script, nor within one script', () => {
    expect(asianLatinBoundaries('11,527')).toBe(0);
    expect(asianLatinBoundaries('地域おこし協力隊活動事業')).toBe(0);
    expect(asianLatinBoundaries('DV, 相談')).toBe(1);
  });
});
