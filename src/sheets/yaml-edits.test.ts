import { describe, expect, it } from 'vitest';
import { YamlEditError, YamlTextEditor } from './yaml-edits.ts';

const ROW = `rows:
  - project: p1 # 主な事業
    schedule:
      2024: [計画A]
      2025:
        - 計画B
    carriedOver: [ 2024, 2025 ]
  - carriedOver: [ 2025 ]
    project: p2
    schedule:
      2024: []
      2025: ["項目: 引用"]
`;

const edited = (edit: (e: YamlTextEditor) => void, text = ROW) => {
  const editor = new YamlTextEditor(text);
  edit(editor);
  return editor.result();
};

describe('YamlTextEditor', () => {
  it('replaces a list under its key, block or one-line, and leaves every other character', () => {
    expect(edited((e) => e.setList(['rows', 0, 'schedule'], 2025, ['新しい計画', '二つ目']))).toBe(
      ROW.replace('        - 計画B\n', '        - 新しい計画\n        - 二つ目\n'),
    );
    expect(edited((e) => e.setList(['rows', 0, 'schedule'], 2024, []))).toBe(ROW.replace('[計画A]', '[]'));
    expect(edited((e) => e.setList(['rows', 1, 'schedule'], 2024, ['a: b', '#c']))).toBe(
      ROW.replace('      2024: []\n', '      2024:\n        - "a: b"\n        - "#c"\n'),
    );
  });

  it('clears carriedOver years: the line goes when none is left, also when it opens a list item', () => {
    expect(edited((e) => e.setCarried(['rows', 0], [2025]))).toBe(ROW.replace('[ 2024, 2025 ]', '[ 2025 ]'));
    expect(edited((e) => e.setCarried(['rows', 0], []))).toBe(ROW.replace('    carriedOver: [ 2024, 2025 ]\n', ''));
    expect(edited((e) => e.setCarried(['rows', 1], []))).toBe(
      ROW.replace('  - carriedOver: [ 2025 ]\n    project: p2', '  - project: p2'),
    );
  });

  it('appends items in the list’s own indentation, with a comment above', () => {
    expect(edited((e) => e.append(['rows'], [{ project: 'p3', schedule: new Map([[2024, ['x']]]) }], ['追加']))).toBe(
      `${ROW}  # 追加\n  - project: p3\n    schedule:\n      2024:\n        - x\n`,
    );
  });

  it('adds a key after the ones named, in the map’s indentation', () => {
    const text = 'projects:\n  - id: p1\n    name: 事業\n    sdgs: [1]\n';
    expect(edited((e) => e.setKey(['projects', 0], 'status', '新規', ['id', 'name']), text)).toBe(
      'projects:\n  - id: p1\n    name: 事業\n    status: 新規\n    sdgs: [1]\n',
    );
  });

  it('refuses a file with aliases: one edit would change every place that shares the node', () => {
    expect(() => new YamlTextEditor('a: &x [1]\nb: *x\n')).toThrow(YamlEditError);
  });
});
