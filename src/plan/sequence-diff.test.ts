// diffSequences: the LCS diff of two sequences (the sentences of 施策の方向).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences, type DiffOp } from './sequence-diff.ts';

const eq = <T>(x: T): DiffOp<T> => ({ type: 'equal', before: x, after: x });
const del = <T>(x: T): DiffOp<T> => ({ type: 'delete', before: x });
const ins = <T>(x: T): DiffOp<T> => ({ type: 'insert', after: x });

describe('diffSequences', () => {
  it('keeps every item of equal sequences', () => {
    expect(diffSequences(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual([eq('a'), eq('b'), eq('c')]);
  });

  it('gives nothing for two empty sequences', () => {
    expect(diffSequences([], [])).toEqual([]);
  });

  it('inserts an added item in its place', () => {
    expect(diffSequences(['a', 'c'], ['a', 'b', 'c'])).toEqual([eq('a'), ins('b'), eq('c')]);
  });

  it('deletes a removed item in its place', () => {
    expect(diffSequences(['a', 'b', 'c'], ['a', 'c'])).toEqual([eq('a'), del('b'), eq('c')]);
  });

  it('replaces an item as an insert followed by a delete', () => {
    expect(diffSequences(['a'], ['b'])).toEqual([ins('b'), del('a')]);
  });

  it('keeps the common prefix and suffix around a change', () => {
    expect(diffSequences(['a', 'b', 'x', 'c', 'd'], ['a', 'b', 'y', 'c', 'd'])).toEqual([
      eq('a'),
      eq('b'),
      ins('y'),
      del('x'),
      eq('c'),
      eq('d'),
    ]);
  });

  it('keeps the longest common subsequence between changes', () => {
    expect(diffSequences(['x', 'a', 'b', 'y', 'c'], ['a', 'z', 'b', 'c', 'w'])).toEqual([
      del('x'),
      eq('a'),
      ins('z'),
      eq('b'),
      del('y'),
      eq('c'),
      ins('w'),
    ]);
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
