// The style lookups that replace pdfmake's answer as pdfmake's do, for any stack of named
// styles (extending others, in loops too) and overrides, with values that are set, null or
// falsy.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProperty, getStyleProperty, withStackAnswers } from './style-lookup.ts';

interface PdfmakeStack {
  styleDictionary: object;
  defaultStyle: object;
  styleOverrides: unknown[];
  getProperty(property: string): unknown;
}
interface PdfmakeStackClass {
  new (dictionary: object, defaultStyle?: object): PdfmakeStack;
  getStyleProperty(item: object, stack: PdfmakeStack | undefined, property: string, fallback: unknown): unknown;
}

/** pdfmake's own StyleContextStack, loaded afresh: whatever this process has replaced in its copy. */
function pdfmakesOwn(): PdfmakeStackClass {
  const require = createRequire(import.meta.url);
  const file = require.resolve('pdfmake/js/StyleContextStack.js');
  const kept = require.cache[file];
  delete require.cache[file];
  try {
    return (require(file) as { default: PdfmakeStackClass }).default;
  } finally {
    if (kept) require.cache[file] = kept;
    else delete require.cache[file];
  }
}

const Stack = pdfmakesOwn();
const PROPERTIES = ['font', 'bold', 'fontSize', 'color', 'margin'];
const NAMES = ['body', 'heading', 'table', 'note', 'missing'];
const value = fc.oneof(
  fc.constantFrom(null, undefined, 0, false, '', 'BIZUDGothic', 10.5, true),
  fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }),
);
const properties = fc.dictionary(fc.constantFrom(...PROPERTIES), value, { maxKeys: 3 });
const style = fc.record(
  {
    ...Object.fromEntries(PROPERTIES.map((p) => [p, value])),
    extends: fc.oneof(fc.constantFrom(...NAMES), fc.array(fc.constantFrom(...NAMES), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);
const override = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.constantFrom(...NAMES).map((name) => new String(name)),
  properties,
);
const item = fc.oneof(
  fc.record(
    {
      text: fc.constant('施策'),
      style: fc.oneof(
        fc.constantFrom(...NAMES, ''),
        fc.array(fc.oneof(fc.constantFrom(...NAMES), properties), { maxLength: 2 }),
      ),
      section: fc.constant('portrait'),
      ...Object.fromEntries(PROPERTIES.map((p) => [p, value])),
    },
    { requiredKeys: ['text'] },
  ),
  // TextBreaker asks of a string too.
  fc.constant('施策の方向' as unknown as Record<string, unknown>),
);

/** pdfmake's style stack: named styles (some extending others), a default style, overrides pushed. */
const styleStack = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...NAMES.slice(0, 4)), style),
    fc.option(properties, { nil: undefined }),
    fc.array(override, { maxLength: 5 }),
  )
  .map(([dictionary, defaultStyle, overrides]) => {
    const made = new Stack(dictionary, defaultStyle);
    made.styleOverrides.push(...overrides);
    return made;
  });

describe('style lookups', () => {
  it('answer as pdfmake’s for any styles, overrides and item', () => {
    fc.assert(
      fc.property(styleStack, item, fc.constantFrom(...PROPERTIES), (stack, node, property) => {
        const theirs = stack.getProperty(property);
        expect(getProperty.call(stack as never, property)).toEqual(theirs);
        const fallback = 'fallback';
        const before = [...stack.styleOverrides];
        const expected = Stack.getStyleProperty(node, stack, property, fallback);
        expect(getStyleProperty(node, stack as never, property, fallback)).toEqual(expected);
        expect(getStyleProperty(node, undefined, property, fallback)).toEqual(
          Stack.getStyleProperty(node, undefined, property, fallback),
        );
        // The stack is left as it was found.
        expect(stack.styleOverrides).toEqual(before);
      }),
      { numRuns: 3000 },
    );
  });

  it('answer as pdfmake’s for each run of a text measured on one stack, the runs changed between asks', () => {
    fc.assert(
      fc.property(
        styleStack,
        fc.array(fc.tuple(item, fc.constantFrom(...PROPERTIES), value), { minLength: 1, maxLength: 12 }),
        (stack, asks) => {
          withStackAnswers(stack as never, () => {
            for (const [node, property, set] of asks) {
              const theirs = Stack.getStyleProperty(node, stack, property, 'fallback');
              expect(getStyleProperty(node, stack as never, property, 'fallback')).toEqual(theirs);
              // pdfmake writes what it learnt into the run (item.font = …), not into the stack.
              if (typeof node === 'object') (node as Record<string, unknown>)[property] = set;
            }
          });
          // Once the stack changes, its answers are not used.
          const [property] = PROPERTIES;
          stack.styleOverrides.push({ [property!]: 'inner' });
          withStackAnswers(stack as never, () => {
            expect(getStyleProperty({}, stack as never, property!, 'fallback')).toBe('inner');
            const inner = stack.styleOverrides.pop();
            expect(getStyleProperty({}, stack as never, property!, 'fallback')).toEqual(
              Stack.getStyleProperty({}, stack, property!, 'fallback'),
            );
            stack.styleOverrides.push({ [property!]: 'another' });
            expect(getStyleProperty({}, stack as never, property!, 'fallback')).toBe('another');
            stack.styleOverrides.pop();
            stack.styleOverrides.push(inner);
            // Nor on a stack grown above it.
            stack.styleOverrides.push({ [property!]: 'above' });
            expect(getStyleProperty({}, stack as never, property!, 'fallback')).toBe('above');
            stack.styleOverrides.pop();
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
