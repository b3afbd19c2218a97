// Parses one data file into a YAML document that keeps positions, so that any later problem
// (a zod issue path, a cross-reference) can be reported at its line and column.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  visit,
  parseDocument,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { alignIndentation, findSlips, textSlips } from './yaml-slips.ts';

export type DataPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Beyond this many alias expansions a document is refused ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** A data file's values and the positions to report its problems at (checks.ts reads this much). */
export abstract class SourcePositions {
  abstract readonly file: string;
  /** The document as plain JavaScript values. */
  abstract readonly value: unknown;

  /** Where the node at `path` starts (see YamlSource.locate). */
  abstract locate(path: DataPath, at?: 'value' | 'key'): Position;

  diagnostic(
    severity: Diagnostic['severity'],
    path: DataPath,
    rule: string,
    message: string,
    at: 'value' | 'key' = 'value',
  ): Diagnostic {
    return { severity, file: this.file, ...this.locate(path, at), rule, message };
  }
}

/**
 * A file whose values come from an earlier reading of the same bytes (validate.ts's memo): it is
 * parsed again only when a problem needs a position, which a valid file's checks rarely do.
 */
export class ReparsedSource extends SourcePositions {
  private parsed: YamlSource | undefined;

  constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly text: () => string,
  ) {
    super();
  }

  private get source(): YamlSource {
    this.parsed ??= YamlSource.parse(this.file, this.text()).source;
    // The same bytes parsed before: a failure now is keikaku's own bug.
    if (!this.parsed) throw new Error(`${this.file}: parsed before, not now`);
    return this.parsed;
  }

  locate(path: DataPath, at: 'value' | 'key' = 'value'): Position {
    return this.source.locate(path, at);
  }
}

export class YamlSource extends SourcePositions {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    /** The document as plain JavaScript values (null for an empty or comment-only file). */
    readonly value: unknown,
  ) {
    super();
  }

  /** Parses `text`; returns the source, or undefined when the YAML cannot be read at all. */
  static parse(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
    const slips = findSlips(file, expandTabIndentation(text));
    let source = slips.repaired;
    let lineCounter = new LineCounter();
    let doc = parseDocument(source, { lineCounter, ...PARSE_OPTIONS });
    const diagnostics = [...slips.diagnostics];
    if (doc.errors.length > 0) {
      // Indentation a space or two off: taken as meant when that alone kept the file from parsing.
      const aligned = alignIndentation(file, source);
      const alignedCounter = new LineCounter();
      const alignedDoc = parseDocument(aligned.repaired, { lineCounter: alignedCounter, ...PARSE_OPTIONS });
      if (aligned.diagnostics.length > 0 && alignedDoc.errors.length === 0) {
        [source, doc, lineCounter] = [aligned.repaired, alignedDoc, alignedCounter];
        diagnostics.push(...aligned.diagnostics);
      }
    }
    const structural = doc.errors.map((e) => yamlErrorToDiagnostic(file, e, lineCounter));
    if (structural.length === 0) structural.push(...sameKeysInOtherSpelling(file, doc, source, lineCounter));
    if (structural.length === 0) structural.push(...unresolvedAliases(file, doc, lineCounter));
    if (structural.length > 0) return { diagnostics: [...diagnostics, ...structural] };
    diagnostics.push(...textSlips(file, doc, source, lineCounter));
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml throws a ReferenceError when aliases expand beyond maxAliasCount.
      if (error instanceof ReferenceError) {
        return {
          diagnostics: [
            {
              severity: 'error',
              file,
              line: 1,
              col: 1,
              rule: 'yaml-alias-limit',
              message: `エイリアス（*名前）の展開が多すぎます（上限${MAX_ALIAS_COUNT}回）。アンカーとエイリアスを使わずに書いてください`,
            },
          ],
        };
      }
      throw error;
    }
    return { source: new YamlSource(file, doc, lineCounter, value), diagnostics };
  }

  /**
   * Where the node at `path` starts; for a path that goes past what exists (a missing key),
   * where its deepest existing ancestor starts. `at: 'key'` points at a mapping key itself.
   */
  locate(path: DataPath, at: 'value' | 'key' = 'value'): Position {
    let node: unknown = this.doc.contents;
    let found: Node | undefined = isNode(node) ? node : undefined;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyNode = isNode(pair.key) ? pair.key : undefined;
        node = pair.value;
        // A key with no value (`title:`) has a null value node at the key's end: point at the key.
        found =
          at === 'key' && segment === path[path.length - 1]
            ? keyNode
            : isNode(node) && !isEmptyScalar(node)
              ? node
              : keyNode;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (!isNode(item)) break;
        node = item;
        found = item;
      } else {
        break;
      }
    }
    const offset = found?.range?.[0] ?? 0;
    return this.lineCounter.linePos(offset);
  }
}

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && 'range' in x;
const isEmptyScalar = (n: Node): boolean => isScalar(n) && n.value === null && n.range?.[0] === n.range?.[1];

// Japanese wording for yaml's error codes; the library's English text is kept as a hint.
const YAML_ERROR_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: '同じキーが2回書かれています。1つにまとめてください',
  BAD_INDENT: '字下げ（インデント）がそろっていません',
  TAB_AS_INDENT: '字下げにタブは使えません。半角スペースで字下げしてください',
  MISSING_CHAR: '閉じる文字（引用符やかっこ）が足りません',
  BLOCK_AS_IMPLICIT_KEY: '「キー: 値」の書き方が正しくありません（コロンの後に半角スペースが要ります）',
  MULTILINE_IMPLICIT_KEY: 'キーが複数行にまたがっています。「キー: 値」は1行に書いてください',
  UNEXPECTED_TOKEN: 'ここに書けない記号があります',
  BAD_SCALAR_START: '値をこの記号で始めることはできません。値全体を引用符で囲んでください',
  BAD_ALIAS: 'エイリアス（*名前）が正しくありません',
  MULTIPLE_DOCS: '1つのファイルに書けるのは1つの文書だけです（「---」で区切らないでください）',
  BAD_DQ_ESCAPE: '引用符の中の「\\」の使い方が正しくありません',
  KEY_OVER_1024_CHARS: 'キーが長すぎます（1024文字まで）',
};

function yamlErrorToDiagnostic(file: string, error: YAMLError, lineCounter: LineCounter): Diagnostic {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const reason = YAML_ERROR_MESSAGES[error.code] ?? 'YAMLの書き方が正しくありません';
  const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? '';
  return { severity: 'error', file, line, col, rule: 'yaml-syntax', message: `${reason}（YAML: ${detail}）` };
}

/**
 * YAML forbids tabs in indentation, but editors on Windows often write them. Tabs that start a
 * line are read as two spaces each: a file indented with tabs (or tabs then spaces, as under
 * "- ") keeps its nesting. Columns in messages then count a leading tab as two.
 */
export function expandTabIndentation(text: string): string {
  return text.includes('\t') ? text.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length)) : text;
}

/**
 * Keys that YAML keeps apart but that become one key in the data (`2024:` and `"2024":`, a
 * number and a string; a key and an alias of it): one value would silently win. Reported at the
 * second key.
 */
function sameKeysInOtherSpelling(file: string, doc: Document, text: string, lineCounter: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<string, string>();
      for (const pair of map.items) {
        // A key written as an alias of an earlier one (`&k a: 1`, then `*k : 2`) is that key again.
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        if (!isScalar(key)) continue;
        const name = String(key.value);
        const range = (pair.key as Node).range;
        const written = range ? text.slice(range[0], range[1]) : name;
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, written);
          continue;
        }
        out.push({
          severity: 'error',
          file,
          ...lineCounter.linePos(range?.[0] ?? 0),
          rule: 'duplicate-key',
          message: `キー「${name}」が2回書かれています（${first} と ${written} は同じキーとして読まれます）。1つにまとめてください`,
        });
      }
    },
  });
  return out;
}

/** An alias (*name) with no anchor (&name) before it: yaml would only throw when reading values. */
function unresolvedAliases(file: string, doc: Document, lineCounter: LineCounter): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc)) return;
      found.push({
        severity: 'error',
        file,
        ...lineCounter.linePos(alias.range?.[0] ?? 0),
        rule: 'yaml-alias-unresolved',
        message: `エイリアス「*${alias.source}」の元になるアンカー「&${alias.source}」が、それより前にありません。アンカーを先に書くか、エイリアスを使わずに書いてください`,
      });
    },
  });
  return found;
}
