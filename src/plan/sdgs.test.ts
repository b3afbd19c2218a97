// SDG_GOALS lists the 17 goals in order, each with a name and a distinct #RRGGBB colour, and
// textColorOn picks white or #1A1A1A text, whichever has the better WCAG contrast on a fill.
import { describe, expect, it, vi } from 'vitest';

/**
 * The module, loaded afresh for each test rather than imported at the top: its table and its contrast
 * function are made when it loads, and Stryker counts a change to those as covered only by the tests
 * during which the module loaded.
 */
async function sdgs() {
  vi.resetModules();
  return import('./sdgs.ts');
}

const WHITE = '#FFFFFF';
const DARK = '#1A1A1A';

// WCAG 2.x, written out here as the standard gives it, to judge the colours the module picks.
const channel = (hex: string, at: number) => {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const relativeLuminance = (hex: string) =>
  0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
const contrastRatio = (x: string, y: string) => {
  const [a, b] = [relativeLuminance(x), relativeLuminance(y)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
};

describe('SDG_GOALS', () => {
  it('lists the 17 goals numbered 1 to 17, in order', async () => {
    const { SDG_GOALS } = await sdgs();
    expect(SDG_GOALS.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it('gives every goal a name of its own', async () => {
    const { SDG_GOALS } = await sdgs();
    for (const goal of SDG_GOALS) expect(goal.name, `goal ${goal.number}`).not.toBe('');
    expect(new Set(SDG_GOALS.map((g) => g.name)).size).toBe(17);
  });

  it('gives every goal a colour of its own, written #RRGGBB', async () => {
    const { SDG_GOALS } = await sdgs();
    for (const goal of SDG_GOALS) expect(goal.color, `goal ${goal.number}`).toMatch(/^#[0-9A-F]{6}$/);
    expect(new Set(SDG_GOALS.map((g) => g.color)).size).toBe(17);
  });

  it('names goal 1 and goal 17 as 国際連合広報センター does', async () => {
    const { SDG_GOALS } = await sdgs();
    expect(SDG_GOALS[0]!.name).toBe('貧困をなくそう');
    expect(SDG_GOALS[16]!.name).toBe('パートナーシップで目標を達成しよう');
  });
});

describe('textColorOn', () => {
  it('puts dark text on the yellow of goal 7 and on the green of goal 3', async () => {
    const { SDG_GOALS, textColorOn } = await sdgs();
    expect(SDG_GOALS[6]!.color).toBe('#FCC30B');
    expect(textColorOn('#FCC30B')).toBe(DARK);
    expect(textColorOn('#4C9F38')).toBe(DARK);
  });

  it('puts white text on the navy of goal 17 and on the red of goal 1', async () => {
    const { SDG_GOALS, textColorOn } = await sdgs();
    expect(SDG_GOALS[16]!.color).toBe('#19486A');
    expect(textColorOn('#19486A')).toBe(WHITE);
    expect(textColorOn('#E5243B')).toBe(WHITE);
  });

  it('picks, on every goal’s colour, the text colour with the better contrast, and it reaches 4.5:1', async () => {
    const { SDG_GOALS, textColorOn } = await sdgs();
    for (const goal of SDG_GOALS) {
      const text = textColorOn(goal.color);
      const other = text === WHITE ? DARK : WHITE;
      expect([WHITE, DARK], `goal ${goal.number}`).toContain(text);
      expect(contrastRatio(goal.color, text), `goal ${goal.number}`).toBeGreaterThan(contrastRatio(goal.color, other));
      expect(contrastRatio(goal.color, text), `goal ${goal.number}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('puts dark text on white and white text on black', async () => {
    const { textColorOn } = await sdgs();
    expect(textColorOn('#FFFFFF')).toBe(DARK);
    expect(textColorOn('#000000')).toBe(WHITE);
  });

  it('switches from white to dark text between the greys #7C7C7C and #7D7D7D, where the contrasts cross', async () => {
    const { textColorOn } = await sdgs();
    // Luminance 0.2016 and 0.2051 on either side of 0.2017, where 1.05 / (L + 0.05) = (L + 0.05) / 0.0603.
    expect(textColorOn('#7C7C7C')).toBe(WHITE);
    expect(textColorOn('#7D7D7D')).toBe(DARK);
  });

  it('reads a channel of 0x0A or less on the linear segment of the sRGB curve (#F90101 takes white)', async () => {
    const { textColorOn } = await sdgs();
    // 0x01 is 0.0039 / 12.92 = 0.0003 linear, so L = 0.2014 + 0.0002 = 0.2016: white wins, 4.173 to 4.171.
    // Through the power curve 0x01 would be 0.0010, L = 0.2022, and dark text would win.
    expect(textColorOn('#F90101')).toBe(WHITE);
  });
});
