// Which words of a changed sentence the 新旧対照表 underlines: a diff of two texts by phrase
// (runs of kanji, kana, digits or Latin letters), so that 利用→活用 marks the word, not 利 and 活.
import fastDiff from 'fast-diff';

/** A piece of text on one side of a comparison; `changed` pieces are underlined. */
export interface Segment {
  readonly text: string;
  readonly changed: boolean;
}

type CharClass = 'kanji' | 'hiragana' | 'katakana' | 'digit' | 'latin' | 'space' | 'other';

type Range = readonly [first: number, last: number];

// Explicit code-point ranges rather than Intl.Segmenter or \p{…}: those follow the ICU and
// Unicode data of the running Node, and the underlines must not move when Node is upgraded.
const CLASS_RANGES: readonly (readonly [CharClass, readonly Range[]])[] = [
  [
    'kanji',
    [
      [0x3005, 0x3007], // 々 〆 〇
      [0x30f5, 0x30f6], // ヵ ヶ, read as kanji in 霞ヶ関, 三ヵ年
      [0x3400, 0x4dbf], // CJK Extension A
      [0x4e00, 0x9fff], // CJK Unified Ideographs
      [0xf900, 0xfaff], // CJK Compatibility Ideographs
      [0x20000, 0x3134f], // CJK Extensions B–G and compatibility supplement
    ],
  ],
  ['hiragana', [[0x3041, 0x309f]]],
  [
    'katakana',
    [
      [0x30a1, 0x30f4], // ァ–ヴ
      [0x30f7, 0x30fa], // ヷ–ヺ
      [0x30fc, 0x30ff], // ー ヽ ヾ ヿ (not ・, which separates words)
      [0x31f0, 0x31ff], // small katakana for Ainu
      [0xff66, 0xff9f], // half-width katakana, ｰ and the sound marks
    ],
  ],
  [
    'digit',
    [
      [0x30, 0x39],
      [0xff10, 0xff19],
    ],
  ],
  [
    'latin',
    [
      [0x41, 0x5a],
      [0x61, 0x7a],
      [0xff21, 0xff3a],
      [0xff41, 0xff5a],
    ],
  ],
  [
    'space',
    [
      [0x09, 0x0d],
      [0x20, 0x20],
      [0xa0, 0xa0],
      [0x3000, 0x3000],
    ],
  ],
];

/** Separators that stay inside a number when a digit follows them: 1,234 and 1.5 (and full-width). */
const NUMBER_SEPARATORS = new Set([',', '.', '，', '．']);

// Case particles that never begin okurigana. A hiragana run after a word starting with one
// of these is a particle and what follows it (制度をつうじて → 制度 を つうじて), so that
// changing つうじて to 通じて leaves the unchanged を unmarked. が (上がる), も (最も) and
// や (増やす) also begin okurigana and stay in their run.
const PARTICLES = new Set(['を', 'の', 'は', 'へ', 'に', 'で', 'と']);

/** Classes after which a hiragana run starts with a particle rather than a word of its own. */
const WORD_CLASSES = new Set<CharClass>(['kanji', 'katakana', 'digit', 'latin']);

function charClass(char: string): CharClass {
  const code = char.codePointAt(0) ?? 0;
  for (const [cls, ranges] of CLASS_RANGES)
    if (ranges.some(([first, last]) => code >= first && code <= last)) return cls;
  return 'other';
}

/** How many characters from `start` belong to the token that begins there. */
function tokenLength(chars: readonly string[], classes: readonly CharClass[], start: number): number {
  const cls = classes[start]!;
  if (cls === 'other') return 1;
  if (cls === 'hiragana' && start > 0 && WORD_CLASSES.has(classes[start - 1]!) && PARTICLES.has(chars[start]!))
    return 1;
  let end = start + 1;
  for (;;) {
    if (classes[end] === cls) end++;
    else if (cls === 'digit' && NUMBER_SEPARATORS.has(chars[end]!) && classes[end + 1] === 'digit') end += 2;
    else return end - start;
  }
}

/**
 * A text cut into the units the diff compares: a run of kanji, of hiragana, of katakana, of
 * digits (with their separators), of Latin letters or of whitespace; anything else alone.
 *
 * A kanji run and the hiragana after it (okurigana, inflections, particles) stay two tokens.
 * Tried on examples: as one phrase, 利用する→活用する would mark する although it did not
 * change, 推進する→推進した would mark 推進, and 住民協働事業制度を→住民協働事業制度の would
 * mark the whole noun. Kept apart, the diff already marks whole phrases where the okurigana
 * changes too (図る→進める: る and める differ, so both words are marked whole), and only
 * the ending where only the ending changed (定める→定めた marks める / めた). A long kanji
 * compound is one token too; trimChange gives back the kanji a changed compound keeps.
 */
export function tokenize(text: string): string[] {
  const chars = [...text];
  const classes = chars.map(charClass);
  const tokens: string[] = [];
  for (let i = 0; i < chars.length;) {
    const length = tokenLength(chars, classes, i);
    tokens.push(chars.slice(i, i + length).join(''));
    i += length;
  }
  return tokens;
}

// Each distinct token becomes one character of the Basic Multilingual Plane's private-use
// area, so fast-diff (a character diff) compares whole tokens: diff-match-patch's "lines to
// chars" trick. BMP only, because fast-diff counts UTF-16 code units and a surrogate pair
// could be cut in half.
const CODE_FIRST = 0xe000;
const CODE_COUNT = 0xf8ff - CODE_FIRST + 1;

type Op = fastDiff.Diff;

/** Both texts as strings of token codes, or undefined when they hold more distinct tokens than codes. */
function encode(before: readonly string[], after: readonly string[]) {
  const codes = new Map<string, string>();
  const vocabulary: string[] = [];
  const codeOf = (token: string): string => {
    let code = codes.get(token);
    if (code === undefined) {
      code = String.fromCharCode(CODE_FIRST + vocabulary.length);
      codes.set(token, code);
      vocabulary.push(token);
    }
    return code;
  };
  const encoded = { before: before.map(codeOf).join(''), after: after.map(codeOf).join('') };
  return vocabulary.length <= CODE_COUNT ? { ...encoded, vocabulary } : undefined;
}

function decode(codes: string, vocabulary: readonly string[]): string {
  let text = '';
  for (let i = 0; i < codes.length; i++) text += vocabulary[codes.charCodeAt(i) - CODE_FIRST]!;
  return text;
}

/** The diff of two texts token by token, as fast-diff operations on the texts themselves. */
function diffTokens(before: string, after: string): Op[] {
  const encoded = encode(tokenize(before), tokenize(after));
  // More distinct words than codes (thousands): no sentence of a plan comes near it.
  if (!encoded)
    return [
      [fastDiff.DELETE, before],
      [fastDiff.INSERT, after],
    ];
  // No semantic cleanup (fast-diff's fourth argument): it weighs tokens by count, not length,
  // and would fold a long unchanged noun between two one-token edits into the change
  // (つうじて住民協働事業制度すみやかに → 通じて住民協働事業制度ただちに all marked).
  return fastDiff(encoded.before, encoded.after).map(([op, codes]): Op => [op, decode(codes, encoded.vocabulary)]);
}

/** Shared kanji kept unmarked at the edge of a change need to be a word: two kanji or more. */
const MIN_SHARED_KANJI = 2;

/**
 * How many leading characters of `a` and `b` are shared kanji to take out of a change: the
 * longest run of at least MIN_SHARED_KANJI that leaves each side's changed rest empty or at
 * least two characters long, else 0. A one-kanji rest is usually half a word (利用者 →
 * 活用者 would otherwise mark 利 and 活 alone), so the whole compound stays marked then.
 */
function sharedKanji(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared] && charClass(a[shared]!) === 'kanji')
    shared++;
  const wholeRest = (rest: number) => rest === 0 || rest >= 2;
  for (let k = shared; k >= MIN_SHARED_KANJI; k--) if (wholeRest(a.length - k) && wholeRest(b.length - k)) return k;
  return 0;
}

/**
 * One change (what was deleted, what was inserted) with the kanji both sides share at its
 * ends taken out as unchanged text. A kanji run is one token, however long the compound, so
 * 避難所 → 指定避難所 or 促進 → 一層促進 would otherwise mark the whole word: this marks 指定
 * and 一層 alone.
 */
function trimChange(deleted: string, inserted: string): Op[] {
  let del = [...deleted];
  let ins = [...inserted];
  const head = sharedKanji(del, ins);
  const prefix = del.slice(0, head).join('');
  [del, ins] = [del.slice(head), ins.slice(head)];
  const tail = sharedKanji(del.toReversed(), ins.toReversed());
  const suffix = del.slice(del.length - tail).join('');
  [del, ins] = [del.slice(0, del.length - tail), ins.slice(0, ins.length - tail)];
  const ops: Op[] = [
    [fastDiff.EQUAL, prefix],
    [fastDiff.DELETE, del.join('')],
    [fastDiff.INSERT, ins.join('')],
    [fastDiff.EQUAL, suffix],
  ];
  return ops.filter(([, text]) => text !== '');
}

/** The operations with each change (the deletes and inserts between two equal stretches) trimmed. */
function trimChanges(ops: readonly Op[]): Op[] {
  const trimmed: Op[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    trimmed.push(...trimChange(deleted, inserted));
    [deleted, inserted] = ['', ''];
  };
  for (const [op, text] of ops) {
    if (op === fastDiff.DELETE) deleted += text;
    else if (op === fastDiff.INSERT) inserted += text;
    else {
      flush();
      trimmed.push([op, text]);
    }
  }
  flush();
  return trimmed;
}

/** Appends a piece to one side, joined to the last segment when both are (un)changed alike. */
function append(segments: Segment[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) segments[segments.length - 1] = { text: last.text + text, changed };
  else segments.push({ text, changed });
}

/** Two texts as segments, the changed phrases marked on both sides. */
export function diffText(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const sides = { before: [] as Segment[], after: [] as Segment[] };
  for (const [op, text] of trimChanges(diffTokens(before, after))) {
    if (op !== fastDiff.INSERT) append(sides.before, text, op === fastDiff.DELETE);
    if (op !== fastDiff.DELETE) append(sides.after, text, op === fastDiff.INSERT);
  }
  return sides;
}
