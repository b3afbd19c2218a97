import { describe, expect, it } from 'vitest';
import { displayWidth, ProgressLine } from './progress-line.ts';

function line(columns = 100) {
  let now = 0;
  const written: string[] = [];
  const progress = new ProgressLine(
    (t) => written.push(t),
    columns,
    () => now,
  );
  return { progress, written, at: (ms: number) => (now = ms) };
}

describe('ProgressLine', () => {
  it('stays silent during the first second, then draws in place', () => {
    const { progress, written, at } = line();
    progress.documents(9, 0, 1000);
    at(900);
    progress.partsPlanned('plan', 600, 16);
    expect(written).toEqual([]);
    at(1200);
    progress.partDone('plan', false);
    expect(written).toEqual(['\r作成中 文書 0/9・施策など 1/16・経過 1.2 秒\x1b[K']);
  });

  it('estimates the time left from the work done, a document laid out part by part counting in', () => {
    const { progress, at } = line();
    progress.documents(2, 0, 1000);
    progress.partsPlanned('plan', 800, 4);
    at(2000);
    progress.partDone('plan', false);
    progress.partDone('plan', false);
    // 800 × 0.6 × 2/4 = 240 of 1000 done in 2 s: 6.3 s left.
    expect(progress.text()).toBe('作成中 文書 0/2・施策など 2/4・経過 2.0 秒・残り約 6.3 秒');
    progress.documentDone('plan', 800);
    expect(progress.text()).toBe('作成中 文書 1/2・施策など 2/4・経過 2.0 秒・残り約 0.5 秒');
  });

  it('counts the parts of documents laid out at the same time (on worker threads) each in its own', () => {
    const { progress, at } = line();
    progress.documents(3, 0, 1000);
    progress.partsPlanned('plan', 500, 10);
    progress.partsPlanned('excerpt', 300, 5);
    at(3000);
    for (let i = 0; i < 5; i++) progress.partDone('plan', false);
    progress.partDone('excerpt', true);
    progress.partDone('excerpt', false);
    progress.partDone('excerpt', false);
    progress.partDone('excerpt', false);
    progress.partDone('excerpt', false);
    // 500 × 0.6 × 5/10 + 300 × 0.6 × 5/5 = 330 of 1000 done in 3 s: 6.1 s left.
    expect(progress.text()).toBe('作成中 文書 0/3・施策など 10/15（変更なし 1）・経過 3.0 秒・残り約 6.1 秒');
    progress.documentDone('excerpt', 300);
    // The excerpt's layout counts in its work now: 300 + 150 = 450 of 1000.
    expect(progress.text()).toBe('作成中 文書 1/3・施策など 10/15（変更なし 1）・経過 3.0 秒・残り約 3.7 秒');
  });

  it('says how many documents came unchanged from the cache', () => {
    const { progress, at } = line();
    at(5000);
    progress.documents(9, 8, 100);
    expect(progress.text()).toBe('作成中 文書 8/9（変更なし 8）・経過 5.0 秒');
  });

  it('never wraps: pieces go from the end until the line fits the terminal', () => {
    const { progress, at } = line(40);
    progress.documents(9, 0, 1000);
    progress.partsPlanned('plan', 600, 16);
    at(3000);
    progress.documentDone('excerpt', 100);
    expect(progress.text()).toBe('作成中 文書 1/9・施策など 0/16');
    expect(displayWidth(progress.text())).toBeLessThan(40);
  });

  it('clears itself before a log line and draws again after it; clears for good at the end', () => {
    const { progress, written, at } = line();
    progress.documents(1, 0, 10);
    at(1500);
    progress.partsPlanned('plan', 10, 2);
    progress.print('out/.cache の控えが壊れていたため、捨てて作り直しました');
    progress.finish();
    expect(written).toEqual([
      '\r作成中 文書 0/1・施策など 0/2・経過 1.5 秒\x1b[K',
      '\r\x1b[K',
      'out/.cache の控えが壊れていたため、捨てて作り直しました\n',
      '\r作成中 文書 0/1・施策など 0/2・経過 1.5 秒\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('counts CJK characters two columns wide', () => {
    expect(displayWidth('作成中 9/9')).toBe(10);
  });
});
