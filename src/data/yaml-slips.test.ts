import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { alignIndentation, findSlips, textSlips } from './yaml-slips.ts';

const rules = (text: string) => findSlips('f.yaml', text).diagnostics.map((d) => `${d.line}:${d.col} ${d.rule}`);

describe('findSlips', () => {
  it('repairs each slip in place, keeping every line where it was', () => {
    const text = 'title：見本\n\u3000- id: a\nnumber:1\namounts: { 2024: 12,408, 2025: ３ }\n';
    const { repaired } = findSlips('f.yaml', text);
    expect(repaired).toBe('title: 見本\n  - id: a\nnumber: 1\namounts: { 2024: 12408, 2025: 3 }\n');
    expect(rules(text)).toEqual([
      '1:6 full-width-colon',
      '2:1 full-width-indent',
      '3:8 colon-without-space',
      '4:18 amount-with-commas',
      '4:32 amount-full-width',
    ]);
  });

  it('leaves alone what is not a slip: text that only looks like one, comments, URLs, times', () => {
    for (const text of [
      '- IoT:活用',
      '- https://example.jp/',
      '- 10:30から',
      '- 2024: 1,000人を目標',
      'amounts: {2024: 100,2025: 200}',
      'amounts: { 2024: 12, 2025: 408 }',
      '# title：見本',
      'title: 見本：副題',
      '  - 全角の\u3000空白を含む項目',
    ])
      expect(rules(text), text).toEqual([]);
  });

  it('names the amount as it should be written, and a full-width comma too', () => {
    const [slip] = findSlips('f.yaml', '  2024: １，２３４\n').diagnostics;
    expect(slip?.message).toBe(
      '金額「１，２３４」に桁区切りのカンマは書けません。1234 と書いてください（文書には 3けたごとにカンマを付けて印刷します）',
    );
  });
});

describe('alignIndentation', () => {
  it('sets a line a space short or long to the nearest level above it', () => {
    const text = 'projects:\n  - id: a\n   name: x\n    status: 継続\nbudget: []\n';
    const aligned = alignIndentation('f.yaml', text);
    expect(aligned.repaired).toBe('projects:\n  - id: a\n    name: x\n    status: 継続\nbudget: []\n');
    expect(aligned.diagnostics.map((d) => `${d.line}:${d.col}`)).toEqual(['3:4']);
  });

  it('takes a deeper line after a key that opens a block as a new level', () => {
    const text = 'schedule:\n   2024:\n         - 計画\n   2025: []\n';
    expect(alignIndentation('f.yaml', text)).toEqual({ repaired: text, diagnostics: [] });
  });
});

describe('textSlips', () => {
  const slips = (text: string) => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const diagnostics = textSlips('f.yaml', doc, text, lineCounter);
    return { diagnostics: diagnostics.map((d) => `${d.line}:${d.col} ${d.rule}`), value: doc.toJS() as unknown };
  };

  it('drops a pasted bullet from a plan item only, and warns of it', () => {
    const result = slips('schedule:\n  2024:\n    - ・計画\n    - ●計画\ndirections:\n  - ・方向\n');
    expect(result.value).toEqual({ schedule: { 2024: ['計画', '計画'] }, directions: ['・方向'] });
    expect(result.diagnostics).toEqual(['3:7 pasted-bullet', '4:7 pasted-bullet']);
  });

  it('warns of a text cut by " #", not of a comment written as one ("# メモ")', () => {
    expect(slips('- 目標 #1 を達成\n- 会議 # メモ\n- "引用 #1"\n').diagnostics).toEqual(['1:6 hash-starts-comment']);
  });
});
