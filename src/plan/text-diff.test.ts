// diffText: which phrases of a changed sentence the 新旧対照表 underlines, on both sides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, tokenize, type Segment } from './text-diff.ts';

const same = (text: string): Segment => ({ text, changed: false });
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

  it('keeps whitespace runs together and a supplementary-plane kanji whole', () => {
    expect(tokenize('𠮷野町　 の a\tb')).toEqual(['𠮷野町', '　 ', 'の', ' ', 'a', '\t', 'b']);
  });
});

describe('diffText', () => {
  it('underlines a changed word whole, not the one character that differs', () => {
    expect(diffText('利用する', '活用する')).toEqual({
      before: [marked('利用'), same('する')],
      after: [marked('活用'), same('する')],
    });
  });

  it('underlines a word rewritten in kanji and an inserted word, not the particle before them', () => {
    expect(diffText('住民協働事業制度をつうじて支援します。', '住民協働事業制度を通じて積極的に支援します。')).toEqual({
      before: [same('住民協働事業制度を'), marked('つうじて'), same('支援します。')],
      after: [same('住民協働事業制度を'), marked('通じて積極的に'), same('支援します。')],
    });
  });

  it('underlines a changed number whole, even where its digits partly agree', () => {
    expect(diffText('利用者数は132人', '利用者数は140人')).toEqual({
      before: [same('利用者数は'), marked('132'), same('人')],
      after: [same('利用者数は'), marked('140'), same('人')],
    });
    expect(diffText('事業費は1,234千円', '事業費は1,500千円')).toEqual({
      before: [same('事業費は'), marked('1,234'), same('千円')],
      after: [same('事業費は'), marked('1,500'), same('千円')],
    });
  });

  it('underlines a verb whole when its stem and okurigana both change', () => {
    expect(diffText('向上を図る。', '向上を進める。')).toEqual({
      before: [same('向上を'), marked('図る'), same('。')],
      after: [same('向上を'), marked('進める'), same('。')],
    });
  });

  it('underlines only the ending when only the ending changes', () => {
    expect(diffText('体制を定める。', '体制を定めた。')).toEqual({
      before: [same('体制を定'), marked('める'), same('。')],
      after: [same('体制を定'), marked('めた'), same('。')],
    });
  });

  it('leaves shared kanji at the edge of a changed compound unmarked', () => {
    expect(diffText('避難所を確保', '指定避難所を確保')).toEqual({
      before: [same('避難所を確保')],
      after: [marked('指定'), same('避難所を確保')],
    });
    expect(diffText('定住を促進します', '定住を一層促進します')).toEqual({
      before: [same('定住を促進します')],
      after: [same('定住を'), marked('一層'), same('促進します')],
    });
    expect(diffText('住民協働事業制度', '住民自治制度')).toEqual({
      before: [same('住民'), marked('協働事業'), same('制度')],
      after: [same('住民'), marked('自治'), same('制度')],
    });
  });

  it('keeps a compound whole rather than leave one kanji of it marked', () => {
    expect(diffText('利用者の声', '活用者の声')).toEqual({
      before: [marked('利用者'), same('の声')],
      after: [marked('活用者'), same('の声')],
    });
    expect(diffText('市民会議', '町民会議')).toEqual({
      before: [marked('市民'), same('会議')],
      after: [marked('町民'), same('会議')],
    });
  });

  it('never folds a long unchanged word between two changes into the change', () => {
    expect(diffText('つうじて住民協働事業制度すみやかに', '通じて住民協働事業制度ただちに')).toEqual({
      before: [marked('つうじて'), same('住民協働事業制度'), marked('すみやかに')],
      after: [marked('通じて'), same('住民協働事業制度'), marked('ただちに')],
    });
  });

  it('gives identical texts one unchanged segment on each side', () => {
    const text = '町民参画機会の確保に努めます。';
    expect(diffText(text, text)).toEqual({ before: [same(text)], after: [same(text)] });
  });

  it('gives an empty side no segments and marks the whole other side', () => {
    expect(diffText('', '新設の取組')).toEqual({ before: [], after: [marked('新設の取組')] });
    expect(diffText('削除の取組', '')).toEqual({ before: [marked('削除の取組')], after: [] });
    expect(diffText('', '')).toEqual({ before: [], after: [] });
  });

  it('compares private-use characters (外字) in the text like any other character', () => {
    expect(diffText('\ue000田町', '\ue001田町')).toEqual({
      before: [marked('\ue000'), same('田町')],
      after: [marked('\ue001'), same('田町')],
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
