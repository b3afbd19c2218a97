// diffSequences: the LCS diff of two sequences (the sentences of 施策の方向).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences, type DiffOp } from './sequence-diff.ts';

const eq = <T>(x: T): DiffOp<T> => ({ type: 'equal', before: x, after: x });
const del = <T>(x: T): DiffOp<T> => ({ type: 'delete', before: x });
const ins = <T>(x: T): DiffOp<T> => ({ type: 'insert', after: x });

/** Operations written as in a diff, one a word: `=a` keeps a, `+a` inserts a, `-a` deletes a. */
const ops = (written: string): DiffOp<string>[] =>
  written
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => ({ '=': eq, '+': ins, '-': del })[word[0] as '=' | '+' | '-'](word.slice(1)));

// Each case diffs two sequences of one-letter items, written as strings ('abc' is ['a', 'b', 'c']).
const CASES: [name: string, before: string, after: string, expected: string][] = [
  ['keeps every item of equal sequences', 'abc', 'abc', '=a =b =c'],
  ['gives nothing for two empty sequences', '', '', ''],
  ['inserts an added item in its place', 'ac', 'abc', '=a +b =c'],
  ['deletes a removed item in its place', 'abc', 'ac', '=a -b =c'],
  ['replaces an item as an insert followed by a delete', 'a', 'b', '+b -a'],
  ['keeps the common prefix and suffix around a change', 'abxcd', 'abycd', '=a =b +y -x =c =d'],
  ['keeps the longest common subsequence between changes', 'xabyc', 'azbcw', '-x =a +z =b -y =c +w'],
  ['keeps the common prefix first when an item is repeated after it', 'a', 'aa', '=a +a'],
  ['keeps the common prefix first when a repeated item is removed after it', 'aa', 'a', '=a -a'],
  ['keeps the common suffix last when an item is repeated before it', 'a', 'baa', '+b +a =a'],
  ['keeps the common suffix last when a repeated item is removed before it', 'baa', 'a', '-b -a =a'],
];

describe('diffSequences', () => {
  it.each(CASES)('%s: %j → %j', (_name, before, after, expected) => {
    expect(diffSequences([...before], [...after])).toEqual(ops(expected));
  });

  it('matches by the given equality and reports both matched items', () => {
    const before = [
      { id: 1, text: '旧' },
      { id: 2, text: '削除' },
    ];
    const after = [
      { id: 1, text: '新' },
      { id: 3, text: '新設' },
    ];
    expect(diffSequences(before, after, (x, y) => x.id === y.id)).toEqual([
      { type: 'equal', before: before[0], after: after[0] },
      { type: 'insert', after: after[1] },
      { type: 'delete', before: before[1] },
    ]);
  });

  it('treats undefined items (optional values) like any other item', () => {
    expect(diffSequences(['a'], ['a', undefined])).toStrictEqual([eq('a'), ins(undefined)]);
    expect(diffSequences(['a', undefined], ['a'])).toStrictEqual([eq('a'), del(undefined)]);
    expect(diffSequences([], [undefined])).toStrictEqual([ins(undefined)]);
    expect(diffSequences([undefined], [])).toStrictEqual([del(undefined)]);
  });

  it('rebuilds both sequences from its operations, keeping a longest common subsequence', () => {
    const sequence = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
    // The LCS length by the textbook recurrence, to check that no common item is lost.
    const lcs = (b: readonly string[], a: readonly string[]): number => {
      const row = new Array<number>(a.length + 1).fill(0);
      for (const x of b) {
        let diagonal = 0;
        for (let j = 1; j <= a.length; j++) {
          const above = row[j]!;
          row[j] = x === a[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
          diagonal = above;
        }
      }
      return row[a.length]!;
    };
    fc.assert(
      fc.property(sequence, sequence, (before, after) => {
        const ops = diffSequences(before, after);
        expect(ops.flatMap((op) => (op.type === 'insert' ? [] : [op.before]))).toEqual(before);
        expect(ops.flatMap((op) => (op.type === 'delete' ? [] : [op.after]))).toEqual(after);
        for (const op of ops) if (op.type === 'equal') expect(op.before).toBe(op.after);
        expect(ops.filter((op) => op.type === 'equal')).toHaveLength(lcs(before, after));
      }),
      { numRuns: 500 },
    );
  });
});
