// punctuationRuns: which marks are set tight together, and which are left alone.
import { describe, expect, it } from 'vitest';
import { punctuationRuns } from './punctuation.ts';

describe('punctuationRuns', () => {
  it('sets a closing mark and the next mark tight, and a run of such marks as one', () => {
    expect(punctuationRuns('（施策5「人権教育の推進」）')).toEqual([
      { text: '（施策5「人権教育の推進', tight: false },
      { text: '」）', tight: true },
    ]);
    expect(punctuationRuns('研修会」（年2回）、「講演会」。')).toEqual([
      { text: '研修会', tight: false },
      { text: '」（', tight: true },
      { text: '年2回', tight: false },
      { text: '）、「', tight: true },
      { text: '講演会', tight: false },
      { text: '」。', tight: true },
    ]);
    expect(
      punctuationRuns('（「計画」）')
        ?.filter((r) => r.tight)
        .map((r) => r.text),
    ).toEqual(['（「', '」）']);
  });

  it('leaves text without such a pair, and an empty pair of brackets, as it is', () => {
    expect(punctuationRuns('人権教育の推進（研修会）')).toBeUndefined();
    expect(punctuationRuns('（）')).toBeUndefined();
  });
});
