// Rolls the plan data forward (2024–2026 → 2025–2027) on the YAML documents themselves, so that
// comments, key order and layout survive and the change is a small diff: years before the new
// start are dropped, years kept stay, and each new year is seeded from the old last year and
// marked `carriedOver`, which validation warns about until a person confirms it.
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLMap } from 'yaml';

export interface RollPeriod {
  readonly start: number;
  readonly end: number;
}

/** The new period: the same length, starting at `to`. */
export const rolledPeriod = (period: RollPeriod, to: number): RollPeriod => ({
  start: to,
  end: to + (period.end - period.start),
});

/**
 * A data file rewritten by `transform` (which reads and writes plain LF text) in the file's own
 * style: a byte order mark and CRLF line ends, as Windows editors save, are kept, so that the
 * data's diff shows only what roll changed.
 */
export function keepingTextStyle(text: string, transform: (text: string) => string): string {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const crlf = body.includes('\r\n');
  const out = transform(crlf ? body.replace(/\r\n/g, '\n') : body);
  return (bom ? '\uFEFF' : '') + (crlf ? out.replace(/\n/g, '\r\n') : out);
}

export function rollPlanYaml(text: string, to: RollPeriod): string {
  const doc = parseDocument(text);
  doc.setIn(['period', 'start'], to.start);
  doc.setIn(['period', 'end'], to.end);
  return doc.toString();
}

/** One 施策 file; `from` is the old period. Returns the new text and how many year cells were seeded. */
export function rollMeasureYaml(text: string, from: RollPeriod, to: RollPeriod): { text: string; carried: number } {
  const doc = parseDocument(text);
  expandAliases(doc);
  let carried = 0;
  const eachOf = (parent: unknown, key: string) => {
    const list: unknown = isMap(parent) ? parent.get(key, true) : undefined;
    return isSeq(list) ? list.items : [];
  };
  /** `counted`: its seeded years count as cells carried over (a row's sources go with its amounts). */
  const rollYears = (owner: unknown, key: 'schedule' | 'amounts' | 'sources' | 'targets', counted = true) => {
    if (!isMap(owner)) return;
    const years = owner.get(key, true);
    if (!isMap(years)) return;
    const seeded = rollYearMap(doc, owner, years, from, to);
    if (counted) carried += seeded;
  };
  for (const initiative of eachOf(doc.contents, 'initiatives'))
    for (const row of eachOf(initiative, 'rows')) rollYears(row, 'schedule');
  // A 施策 without 取組 has its rows directly.
  for (const row of eachOf(doc.contents, 'rows')) rollYears(row, 'schedule');
  // Indicators' targets, of the 施策 and of its 事業: the new year copies the old last one's.
  for (const indicator of eachOf(doc.contents, 'indicators')) rollYears(indicator, 'targets');
  for (const project of eachOf(doc.contents, 'projects'))
    for (const indicator of eachOf(project, 'indicators')) rollYears(indicator, 'targets');
  // A 事業費 row's 財源内訳 rolls with its amounts: the new year copies both, so they still add up.
  for (const row of eachOf(doc.contents, 'budget')) {
    rollYears(row, 'amounts');
    rollYears(row, 'sources', false);
  }
  return { text: doc.toString(), carried };
}

/**
 * Every alias (*name) replaced by its own copy of the anchored node, and the anchors that were
 * used dropped: rolling a shared node would change every place that shares it, and mark only
 * the first as carried over. Files without aliases are left as they are.
 */
function expandAliases(doc: Document): void {
  const used = new Set<string>();
  visit(doc, {
    Alias(_, alias) {
      used.add(alias.source);
      const target = alias.resolve(doc);
      return target ? ((target as Node & { clone(): Node }).clone() as Node) : undefined;
    },
  });
  if (used.size === 0) return;
  visit(doc, {
    Node(_, node) {
      if (node.anchor !== undefined && used.has(node.anchor)) node.anchor = undefined;
    },
  });
}

function rollYearMap(doc: Document, owner: YAMLMap, years: YAMLMap, from: RollPeriod, to: RollPeriod): number {
  const yearOf = (key: unknown) => Number(isScalar(key) ? key.value : key);
  // The old last year seeds the new ones: taken before the years that left the period are dropped.
  const source = years.items.find((pair) => yearOf(pair.key) === from.end)?.value;
  years.items = years.items.filter((pair) => yearOf(pair.key) >= to.start && yearOf(pair.key) <= to.end);
  const seeded: number[] = [];
  // Nothing to copy when the old last year is absent (a 財源内訳 left out for a year of 0).
  for (let year = Math.max(to.start, from.end + 1); source !== undefined && year <= to.end; year++) {
    if (years.items.some((pair) => yearOf(pair.key) === year)) continue;
    const copy =
      source && typeof source === 'object' && 'clone' in source
        ? (source as { clone(): unknown }).clone()
        : doc.createNode(source ?? null);
    years.add(doc.createPair(year, copy));
    seeded.push(year);
  }
  // Years carried over before and still in the period stay marked; the new ones join them.
  const previous = owner.get('carriedOver', true);
  const stillCarried = isSeq(previous)
    ? previous.items.map((i) => Number(isScalar(i) ? i.value : i)).filter((y) => y >= to.start && y <= to.end)
    : [];
  const marked = [...new Set([...stillCarried, ...seeded])].sort((a, b) => a - b);
  if (marked.length > 0) {
    const node = doc.createNode(marked, { flow: true });
    owner.set('carriedOver', node);
  } else owner.delete('carriedOver');
  return seeded.length;
}
