// The longest-common-subsequence diff of two sequences: which items stay, which go, which come.
// Used for the sentences of 施策の方向 (a changed sentence's words: text-diff.ts).

export type DiffOp<T> =
  | { readonly type: 'equal'; readonly before: T; readonly after: T }
  | { readonly type: 'delete'; readonly before: T }
  | { readonly type: 'insert'; readonly after: T };

export function diffSequences<T>(
  before: readonly T[],
  after: readonly T[],
  equal: (a: T, b: T) => boolean = Object.is,
): DiffOp<T>[] {
  // Common prefix and suffix first: most edits are small, and the table is then tiny.
  let start = 0;
  while (start < before.length && start < after.length && equal(before[start]!, after[start]!)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && equal(before[endB - 1]!, after[endA - 1]!))
    [endB, endA] = [endB - 1, endA - 1];
  const b = before.slice(start, endB);
  const a = after.slice(start, endA);
  const n = b.length;
  const m = a.length;
  // lengths[i][j]: LCS of b[i..] and a[j..]
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = equal(b[i]!, a[j]!)
        ? lengths[i + 1]![j + 1]! + 1
        : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const ops: DiffOp<T>[] = before.slice(0, start).map((x, k) => ({ type: 'equal', before: x, after: after[k]! }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && equal(b[i]!, a[j]!)) ops.push({ type: 'equal', before: b[i++]!, after: a[j++]! });
    else if (j < m && (i === n || lengths[i]![j + 1]! >= lengths[i + 1]![j]!))
      ops.push({ type: 'insert', after: a[j++]! });
    else ops.push({ type: 'delete', before: b[i++]! });
  }
  for (let k = 0; k < before.length - endB; k++)
    ops.push({ type: 'equal', before: before[endB + k]!, after: after[endA + k]! });
  return ops;
}
