// Questions every backend asks of the theme alike: the style of a block (tag, then class, then
// tag.class), the page's printable area. Pure functions of the theme.
import type { BlockStyle, Theme } from './theme.ts';

export type { BlockStyle, FontRole, Theme } from './theme.ts';

/**
 * Each theme's styles as asked, made once: a long plan asks for them hundreds of thousands of
 * times (every block, cell and run, in every format). Frozen, as every asker shares them.
 */
const resolvedStyles = new WeakMap<Theme, Map<string, BlockStyle>>();

/** The style of a block: the base, then the tag's style, then the class's, then `tag.class`. */
export function styleOf(theme: Theme, tag: string, className?: string, inTable = false): BlockStyle {
  let known = resolvedStyles.get(theme);
  if (!known) {
    known = new Map();
    resolvedStyles.set(theme, known);
  }
  const key = `${tag}\n${className ?? ''}\n${inTable}`;
  let style = known.get(key);
  if (!style) {
    const styles = theme.styles;
    const base = inTable && tag === 'p' ? { ...theme.base, ...styles.td } : theme.base;
    style = Object.freeze({
      ...base,
      ...styles[tag],
      ...(className ? styles[`.${className}`] : undefined),
      ...(className ? styles[`${tag}.${className}`] : undefined),
    });
    known.set(key, style);
  }
  return style;
}

/** Width between the left and right margins, in points. */
export const contentWidth = (theme: Theme): number =>
  theme.page.width - theme.page.margin.left - theme.page.margin.right;

/** Height between the top and bottom margins, in points. */
export const contentHeight = (theme: Theme): number =>
  theme.page.height - theme.page.margin.top - theme.page.margin.bottom;
