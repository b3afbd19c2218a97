// pdfmake's style lookups, made cheaper. pdfmake asks for each of some 20 style properties of
// every text run it measures (font, bold, fontSize, color, link, …): each ask pushed the run on
// the style stack, walked the whole stack down to the default style (most properties are set
// nowhere), made a closure and, for a named style, a Set. At 140 施策 the lookups took 2.2 s of
// a 27 s build, and fed a good part of its 3.8 s of garbage collection.
//
// Here a lookup makes nothing, and while a text's runs are measured (TextInlines.buildInlines)
// the stack under them is walked once per property: each run's answer is its own value, else
// its named styles', else the stack's, which stays the same for every run of the text. The
// answers are pdfmake's (StyleContextStack.getProperty and getStyleProperty, pdfmake 0.3): the
// innermost style that sets the property wins, a named style is read through the styles it
// extends (last first, each once), then the default style (style-lookup.test.ts).
import { StyleContextStack as StyleContextStackClass, TextInlines as TextInlinesClass } from './pdfmake-modules.ts';

type Style = Record<string, unknown> & { extends?: unknown };
interface Stack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides?: unknown[];
  autopush(item: unknown): number;
  pop(howMany: number): void;
  getProperty(property: string): unknown;
}
type StackClass = {
  prototype: Pick<Stack, 'getProperty'>;
  getStyleProperty(
    item: Record<string, unknown>,
    stack: Stack | undefined,
    property: string,
    fallback: unknown,
  ): unknown;
};

const StyleContextStack = StyleContextStackClass as unknown as StackClass;
type BuildInlines = (this: unknown, text: unknown, stack: Stack | undefined) => unknown;
const TextInlines = TextInlinesClass as unknown as { prototype: { buildInlines: BuildInlines } };

const isValue = (value: unknown) => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/** A property of a named style, or of the styles it extends; `visited`: the names already read. */
function fromNamedStyle(
  dictionary: Stack['styleDictionary'],
  name: string,
  property: string,
  visited?: Set<string>,
): unknown {
  const style = dictionary[name];
  if (!style) return undefined;
  const value = style[property];
  if (isValue(value)) return value;
  const parents = style.extends;
  if (!parents) return undefined;
  // Made only for a style that extends others: pdfmake's guard against styles extending in a loop.
  visited ??= new Set();
  visited.add(name);
  const list = (Array.isArray(parents) ? parents : [parents]) as string[];
  for (let i = list.length - 1; i >= 0; i--) {
    const parent = list[i]!;
    if (visited.has(parent)) continue;
    const inherited = fromNamedStyle(dictionary, parent, property, visited);
    if (isValue(inherited)) return inherited;
  }
  return undefined;
}

export function getProperty(this: Stack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides)
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      const value = isString(item)
        ? fromNamedStyle(this.styleDictionary, item, property)
        : (item as Record<string, unknown>)[property];
      if (isValue(value)) return value;
    }
  return this.defaultStyle && this.defaultStyle[property];
}

/** While a text's runs are measured: their stack (its depth, its top) and its answers by property. */
interface StackAnswers {
  readonly stack: Stack;
  readonly depth: number;
  readonly top: unknown;
  readonly values: Map<string, unknown>;
}
let measured: StackAnswers | undefined;

/** Runs `work` with the stack's answers kept until it returns (the stack is the same throughout). */
export function withStackAnswers<T>(stack: Stack | undefined, work: () => T): T {
  const outer = measured;
  const overrides = stack?.styleOverrides;
  measured =
    stack && overrides
      ? { stack, depth: overrides.length, top: overrides[overrides.length - 1], values: new Map() }
      : undefined;
  try {
    return work();
  } finally {
    measured = outer;
  }
}

export function getStyleProperty(
  item: Record<string, unknown>,
  stack: Stack | undefined,
  property: string,
  fallback: unknown,
): unknown {
  const own = item[property];
  if (isValue(own)) return own;
  if (!stack) return fallback;
  const answers = measured;
  const overrides = stack.styleOverrides;
  if (answers?.stack === stack && overrides?.length === answers.depth && overrides[answers.depth - 1] === answers.top) {
    // What pushing the item would add above the stack (StyleContextStack.autopush): its named
    // styles, then the item itself (its own value is looked at above).
    let value: unknown;
    if (!isString(item) && typeof item.section === 'undefined' && item.style) {
      const names = (Array.isArray(item.style) ? item.style : [item.style]) as unknown[];
      for (let i = names.length - 1; i >= 0 && !isValue(value); i--) {
        const name = names[i];
        value = isString(name)
          ? fromNamedStyle(stack.styleDictionary, name, property)
          : (name as Record<string, unknown>)[property];
      }
    }
    if (!isValue(value)) {
      if (!answers.values.has(property)) answers.values.set(property, stack.getProperty(property));
      value = answers.values.get(property);
    }
    return isValue(value) ? value : fallback;
  }
  const pushed = stack.autopush(item);
  const value = stack.getProperty(property);
  if (pushed > 0) stack.pop(pushed);
  return isValue(value) ? value : fallback;
}

let installed = false;

export function fastStyleLookups(): void {
  if (installed) return;
  installed = true;
  StyleContextStack.prototype.getProperty = getProperty;
  StyleContextStack.getStyleProperty = getStyleProperty;
  const buildInlines = TextInlines.prototype.buildInlines;
  TextInlines.prototype.buildInlines = function (this: unknown, text, stack) {
    return withStackAnswers(stack, () => buildInlines.call(this, text, stack));
  };
}
