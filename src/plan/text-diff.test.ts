// diffText: which phrases of a changed sentence the 新旧対照表 underlines, on both sides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, tokenize, type Segment } from './text-diff.ts';

const marked = (text: string): Segment => ({ text, changed: true });
const joined = (segments: readonly Segment[]) => segments.map((s) => s.text).join('');
const unchanged = (segments: readonly Segment[]) => joined(segments.filter((s) => !s.changed));

describe('tokenize', () => {
  it('cuts runs of kanji, hiragana, katakana, digits and Latin letters, and punctuation alone', () => {
    expect(tokenize('令和6年度はＩＣＴとデジタル化を推進します。')).toEqual([
      '令和',
      '6',
      '年度',
      'は',
      'ＩＣＴ',
      'と',
      'デジタル',
      '化',
      'を',
      '推進',
      'します',
      '。',
    ]);
  });

  it('keeps separators inside a number only between digits', () => {
    expect(tokenize('1,234千円、１．５倍、132.')).toEqual(['1,234', '千円', '、', '１．５', '倍', '、', '132', '.']);
  });

  it('reads 々, ヶ and the long-vowel mark as part of their words', () => {
    expect(tokenize('霞ヶ関の人々がサービスを')).toEqual(['霞ヶ関', 'の', '人々', 'が', 'サービス', 'を']);
  });

  it('splits a particle that starts a hiragana run after a word, but not okurigana', () => {
    expect(tokenize('制度をつうじて広がる')).toEqual(['制度', 'を', 'つうじて', '広', 'がる']);
  });

  it('cuts punctuation one mark a token, and keeps a hiragana run after it whole even when it starts like a particle', () => {
    expect(tokenize('「とても」、（ＩＣＴ）')).toEqual(['「', 'とても', '」', '、', '（', 'ＩＣＴ', '）']);
    expect(tokenize('とても')).toEqual(['とても']);
  });

  it('keeps a separator out of a word of letters, even before a digit', () => {
    expect(tokenize('Ver.2 No,1')).toEqual(['Ver', '.', '2', ' ', 'No', ',', '1']);
  });

  it('keeps whitespace runs together and a supplementary-plane kanji whole', () => {
    expect(tokenize('𠮷野町　 の a\tb')).toEqual(['𠮷野町', '　 ', 'の', ' ', 'a', '\t', 'b']);
  });
});

// Each case is a pair of texts written with the parts diffText must underline in [brackets]: the brackets
// are stripped for the input, and cut the text into the segments expected on that side.
const DIFFS: Record<string, [before: string, after: string][]> = {
  'underlines a changed word whole, not the one character that differs': [['[利用]する', '[活用]する']],
  'underlines a word rewritten in kanji and an inserted word, not the particle before them': [
    ['住民協働事業制度を[つうじて]支援します。', '住民協働事業制度を[通じて積極的に]支援します。'],
  ],
  'underlines a changed number whole, even where its digits partly agree': [
    ['利用者数は[132]人', '利用者数は[140]人'],
    ['事業費は[1,234]千円', '事業費は[1,500]千円'],
  ],
  'underlines a verb whole when its stem and okurigana both change': [['向上を[図る]。', '向上を[進める]。']],
  'underlines only the ending when only the ending changes': [['体制を定[める]。', '体制を定[めた]。']],
  'leaves shared kanji at the edge of a changed compound unmarked': [
    ['避難所を確保', '[指定]避難所を確保'],
    ['定住を促進します', '定住を[一層]促進します'],
    ['住民[協働事業]制度', '住民[自治]制度'],
  ],
  'keeps a compound whole rather than leave one kanji of it marked': [
    ['[利用者]の声', '[活用者]の声'],
    ['[市民]会議', '[町民]会議'],
    ['住民協働[推進]を図る', '住民協働[推進費]を図る'],
  ],
  'never folds a long unchanged word between two changes into the change': [
    ['[つうじて]住民協働事業制度[すみやかに]', '[通じて]住民協働事業制度[ただちに]'],
  ],
  'gives identical texts one unchanged segment on each side': [
    ['町民参画機会の確保に努めます。', '町民参画機会の確保に努めます。'],
  ],
  'gives an empty side no segments and marks the whole other side': [
    ['', '[新設の取組]'],
    ['[削除の取組]', ''],
    ['', ''],
  ],
  'compares private-use characters (外字) in the text like any other character': [['[\ue000]田町', '[\ue001]田町']],
};

/** The segments a bracketed case text stands for: '住民[自治]制度' → 住民, 自治 (changed), 制度. */
const segments = (text: string): Segment[] =>
  text.split(/\[([^\]]*)\]/).flatMap((piece, i) => (piece === '' ? [] : [{ text: piece, changed: i % 2 === 1 }]));
const plain = (text: string) => text.replace(/[[\]]/g, '');

describe('diffText', () => {
  const cases = Object.entries(DIFFS).flatMap(([name, pairs]) =>
    pairs.map(([before, after]): [name: string, before: string, after: string] => [name, before, after]),
  );
  it.each(cases)('%s: %j → %j', (_name, before, after) => {
    expect(diffText(plain(before), plain(after))).toEqual({ before: segments(before), after: segments(after) });
  });

  it('still compares word by word with exactly as many distinct words as the diff has codes (6,400)', () => {
    // 6,399 distinct words of three letters (aaa, aab, …) and the space between them: 6,400 distinct tokens.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 6399 }, (_, i) =>
      [Math.floor(i / 676), Math.floor(i / 26) % 26, i % 26].map((k) => letters[k]).join(''),
    );
    const kept = words.slice(0, -1).join(' ');
    expect(diffText(`${kept} ${words.at(-1)}`, kept)).toEqual({
      before: [{ text: kept, changed: false }, marked(' jmc')],
      after: [{ text: kept, changed: false }],
    });
  });

  it('marks both texts whole when they hold more distinct words than the diff has codes', () => {
    const before = Array.from({ length: 7000 }, (_, i) => String(i)).join(' ');
    const after = `${before} 7000`;
    expect(diffText(before, after)).toEqual({ before: [marked(before)], after: [marked(after)] });
  });

  // Pieces that overlap often, so that random pairs share words and differ in some.
  const piece = fc.constantFrom(
    '利用',
    '活用',
    '制度',
    '用',
    'する',
    'を',
    'の',
    'つうじて',
    'サービス',
    'ー',
    '132',
    '1,5',
    '.',
    '、',
    '。',
    '　',
    ' ',
    'a',
    'ICT',
    '𠮷',
    '々',
    '\ue000',
    '\ud842',
    '\udfb7',
  );
  const japanese = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
  const anything = fc.string({ unit: 'binary', maxLength: 40 });

  it('rebuilds both texts from their segments, with the same unchanged text on both sides', () => {
    for (const text of [japanese, anything]) {
      fc.assert(
        fc.property(text, text, (before, after) => {
          const d = diffText(before, after);
          expect(joined(d.before)).toBe(before);
          expect(joined(d.after)).toBe(after);
          expect(unchanged(d.before)).toBe(unchanged(d.after));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('never gives an empty segment nor two neighbours alike', () => {
    fc.assert(
      fc.property(japanese, japanese, (before, after) => {
        for (const side of Object.values(diffText(before, after)))
          side.forEach((s, i) => {
            expect(s.text).not.toBe('');
            if (i > 0) expect(s.changed).not.toBe(side[i - 1]!.changed);
          });
      }),
      { numRuns: 500 },
    );
  });
});
