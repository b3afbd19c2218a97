import { describe, expect, it } from 'vitest';
import type { Inline } from '../ir/types.ts';
import { headingLabel } from './labels.ts';

const text = (t: string, noWrap = false): Inline => ({ type: 'text', text: t, ...(noWrap ? { noWrap: true } : {}) });

describe('a heading’s number, which hangs', () => {
  it('is the text before the first full-width space, across the runs a number is kept whole in', () => {
    expect(headingLabel([text('施策 '), text('10', true), text('　まちの魅力')])).toEqual({
      label: '施策 10',
      rest: [text('まちの魅力')],
    });
    expect(headingLabel([text('基本方針 5　みんなが主役')])).toEqual({
      label: '基本方針 5',
      rest: [text('みんなが主役')],
    });
  });

  it('is none for a heading without one near its start', () => {
    expect(headingLabel([text('●施策の方向')])).toBeUndefined();
    expect(headingLabel([text('とても長い見出しの中ほどにある　空白')])).toBeUndefined();
    expect(headingLabel([text('　先頭の空白')])).toBeUndefined();
  });
});
