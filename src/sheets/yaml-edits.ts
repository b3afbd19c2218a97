// Edits a data file's YAML text in place: each change replaces exactly the characters of the
// value it changes (a number, a list of plan items, a carriedOver mark) or inserts new lines, and
// every other character stays, so that the data's diff shows only what a department answered.
// yaml's own printer would re-flow the whole file (quotes, long lines, blank lines).
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** The file cannot be edited in place; the message says why, in the user's words. */
export class YamlEditError extends Error {}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Insertions at one place keep the order they were made in. */
  readonly order: number;
}

const RENDER = { lineWidth: 0 } as const;

export class YamlTextEditor {
  private readonly doc: Document;
  private readonly splices: Splice[] = [];

  /** `text` with LF line ends and no byte order mark (keepingTextStyle restores them). */
  constructor(private readonly text: string) {
    this.doc = parseDocument(text);
    if (this.doc.errors.length > 0 || /^\t/m.test(text))
      throw new YamlEditError(
        'YAML の書き方に自動で直して読んでいる所（タブの字下げなど）があるため、書き換えられません。validate の警告どおりに直してから取り込んでください',
      );
    let aliased = false;
    visit(this.doc, { Alias: () => void (aliased = true) });
    if (aliased)
      throw new YamlEditError(
        'アンカーとエイリアス（&名前・*名前）を使っているため、1か所だけを書き換えることができません。エイリアスを使わずに書いてから取り込んでください',
      );
  }

  /** The index of the item of the list at `seqPath` whose `key` is `value` (-1: none). */
  indexOf(seqPath: YamlPath, key: string, value: string): number {
    const seq = this.find(seqPath);
    if (!isSeq(seq)) return -1;
    return seq.items.findIndex(
      (item) => isMap(item) && String((pairOf(item, key)?.value as { value?: unknown } | undefined)?.value) === value,
    );
  }

  /** Replaces a scalar (a number, a name) with `value`. */
  setScalar(path: YamlPath, value: string | number): void {
    const node = this.node(path);
    if (!isScalar(node) || !node.range) throw new YamlEditError(`${path.join('.')} は1つの値ではありません`);
    this.splice(node.range[0], node.range[1], renderScalar(value));
  }

  /** Sets `key` of the map at `mapPath`: replaces its value, or adds the key after `after` (or last). */
  setKey(mapPath: YamlPath, key: string, value: string | number, after: readonly string[] = []): void {
    const map = this.map(mapPath);
    const pair = pairOf(map, key);
    if (pair) return this.setScalar([...mapPath, key], value);
    const anchor =
      [...after]
        .reverse()
        .map((k) => pairOf(map, k))
        .find((p) => p !== undefined) ?? map.items[map.items.length - 1];
    const keyNode = anchor?.key as Node | undefined;
    const valueNode = anchor?.value as Node | undefined;
    if (!keyNode?.range || !valueNode?.range) throw new YamlEditError(`${mapPath.join('.')} にキーを足せません`);
    const end = valueNode.range[1];
    const line = `${' '.repeat(this.column(keyNode.range[0]))}${key}: ${renderScalar(value)}`;
    // A value that ends its own line (block) ends after its newline; a scalar before it.
    if (this.text[end - 1] === '\n') this.splice(end, end, `${line}\n`);
    else this.splice(end, end, `\n${line}`);
  }

  /** Replaces the list under `key` of the map at `mapPath` (a year's plan items). */
  setList(mapPath: YamlPath, key: string | number, items: readonly string[]): void {
    const map = this.map(mapPath);
    const pair = pairOf(map, key);
    const keyNode = pair?.key as Node | undefined;
    const valueNode = pair?.value as Node | undefined;
    if (!keyNode?.range || !valueNode?.range) throw new YamlEditError(`${[...mapPath, key].join('.')} がありません`);
    const end = valueNode.range[1];
    const wasBlock = this.text[end - 1] === '\n';
    const indent =
      isSeq(valueNode) && !valueNode.flow ? this.column(valueNode.range[0]) : this.column(keyNode.range[0]) + 2;
    const value = items.length === 0 ? ': []' : `:\n${renderBlock([...items], indent).replace(/\n$/, '')}`;
    this.splice(keyNode.range[1], end, value + (wasBlock ? '\n' : ''));
  }

  /** The `carriedOver` years of the map at `ownerPath` (none: []). */
  carriedYears(ownerPath: YamlPath): number[] {
    const seq = this.find([...ownerPath, 'carriedOver']);
    return isSeq(seq) ? seq.items.map((i) => Number(isScalar(i) ? i.value : i)) : [];
  }

  /** Sets the `carriedOver` years of the map at `ownerPath`; none left removes the key. */
  setCarried(ownerPath: YamlPath, years: readonly number[]): void {
    const map = this.map(ownerPath);
    const pair = pairOf(map, 'carriedOver');
    if (!pair) return;
    const keyNode = pair.key as Node;
    const valueNode = pair.value as Node;
    if (!keyNode.range || !valueNode.range) return;
    if (years.length > 0) {
      // As roll writes the mark: [ 2026, 2027 ].
      const doc = new Document([...years]);
      if (isSeq(doc.contents)) doc.contents.flow = true;
      const flow = doc.toString(RENDER).replace(/\n$/, '');
      this.splice(
        keyNode.range[1],
        valueNode.range[1],
        `: ${flow}${this.text[valueNode.range[1] - 1] === '\n' ? '\n' : ''}`,
      );
      return;
    }
    const keyStart = keyNode.range[0];
    const lineStart = this.text.lastIndexOf('\n', keyStart - 1) + 1;
    let end = valueNode.range[1];
    if (this.text[end - 1] !== '\n') {
      const newline = this.text.indexOf('\n', end);
      end = newline === -1 ? this.text.length : newline + 1;
    }
    if (this.text.slice(lineStart, keyStart).trim() === '') {
      // The key starts its line: the whole line (and a block value's lines) go.
      this.splice(lineStart, end, '');
    } else {
      // `- carriedOver: …` opens a list item: the next key moves up into its place.
      let next = end;
      while (this.text[next] === ' ') next++;
      this.splice(keyStart, next, '');
    }
  }

  /** Appends `values` to the list at `seqPath`; `comments` (one per value, optional) go above each. */
  append(seqPath: YamlPath, values: readonly unknown[], comments: readonly (string | undefined)[] = []): void {
    if (values.length === 0) return;
    const seq = this.node(seqPath);
    if (!isSeq(seq) || !seq.range) throw new YamlEditError(`${seqPath.join('.')} はリストではありません`);
    const items = values.map((v, i) => this.itemDocument(v, comments[i]));
    if (!seq.flow && seq.items.length > 0) {
      const indent = this.column(seq.range[0]);
      const text = items.map((doc) => indentLines(doc.toString(RENDER), indent)).join('');
      const end = seq.range[1];
      this.splice(end, end, this.text[end - 1] === '\n' ? text : `\n${text.replace(/\n$/, '')}`);
      return;
    }
    if (seq.items.length > 0)
      throw new YamlEditError(`${seqPath.join('.')} は [a, b] の形で書かれているため、行を足せません`);
    // `budget: []` becomes a block list under its key.
    const parentPath = seqPath.slice(0, -1);
    const key = seqPath[seqPath.length - 1]!;
    const pair = pairOf(this.map(parentPath), key);
    const keyNode = pair?.key as Node | undefined;
    if (!keyNode?.range) throw new YamlEditError(`${seqPath.join('.')} がありません`);
    const indent = this.column(keyNode.range[0]) + 2;
    const text = items.map((doc) => indentLines(doc.toString(RENDER), indent)).join('');
    this.splice(keyNode.range[1], seq.range[1], `:\n${text.replace(/\n$/, '')}`);
  }

  /** The edited text. */
  result(): string {
    const ordered = [...this.splices].sort((a, b) => b.start - a.start || b.order - a.order);
    let text = this.text;
    let limit = Infinity;
    for (const s of ordered) {
      if (s.end > limit) throw new YamlEditError('同じ所を2回書き換えようとしました');
      text = text.slice(0, s.start) + s.text + text.slice(s.end);
      limit = s.start;
    }
    return text;
  }

  private itemDocument(value: unknown, comment: string | undefined): Document {
    const doc = new Document([value]);
    // Amounts stay on one line ({ 2024: 120, 2025: 120 }), as the data writes them.
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.value === 'amounts' && isMap(pair.value)) pair.value.flow = true;
      },
    });
    if (comment !== undefined && isSeq(doc.contents)) (doc.contents.items[0] as Node).commentBefore = ` ${comment}`;
    return doc;
  }

  private node(path: YamlPath): Node {
    const node = this.find(path);
    if (!node) throw new YamlEditError(`${path.join('.')} がありません`);
    return node;
  }

  /** The node at `path`; map keys compare as text (2024 finds `2024:` and `"2024":`). */
  private find(path: YamlPath): Node | undefined {
    let node = this.doc.contents;
    for (const segment of path) {
      if (isMap(node)) node = (pairOf(node, segment)?.value as Node | undefined) ?? null;
      else if (isSeq(node) && typeof segment === 'number') node = (node.items[segment] as Node | undefined) ?? null;
      else return undefined;
    }
    return node ?? undefined;
  }

  private map(path: YamlPath): YAMLMap {
    const node = path.length === 0 ? this.doc.contents : this.node(path);
    if (!isMap(node)) throw new YamlEditError(`${path.join('.')} はキーと値の組ではありません`);
    return node;
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private splice(start: number, end: number, text: string): void {
    this.splices.push({ start, end, text, order: this.splices.length });
  }
}

const pairOf = (map: YAMLMap, key: string | number): Pair | undefined =>
  map.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));

/** A scalar as YAML writes it on one line: plain where it can be, quoted where it must. */
export function renderScalar(value: string | number): string {
  return new Document(value).toString(RENDER).replace(/\n$/, '');
}

function renderBlock(value: unknown, indent: number): string {
  return indentLines(new Document(value).toString(RENDER), indent);
}

/** Every non-empty line indented by `indent` spaces. */
const indentLines = (text: string, indent: number): string => text.replace(/^(?=.)/gm, ' '.repeat(indent));
