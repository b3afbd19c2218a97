// The seed with exactly four changes, made in code so that the test says what they are:
// one amount, one sentence, one added 取組, one removed 事業.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './plan.ts';

async function edit(dir: string, file: string, from: string | RegExp, to: string) {
  const p = path.join(dir, 'measures', file);
  const text = await readFile(p, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}`);
  await writeFile(p, next);
}

export async function seedWithFourChanges(dir: string): Promise<void> {
  await cp(path.join(ROOT, 'data'), dir, { recursive: true });
  // 1. One amount: 施策1 地域振興事業, 2025年度 132 → 140.
  await edit(
    dir,
    '01.yaml',
    'amounts: { 2024: 132, 2025: 132, 2026: 132 }',
    'amounts: { 2024: 132, 2025: 140, 2026: 132 }',
  );
  // 2. One sentence of 施策3's 施策の方向.
  await edit(
    dir,
    '03.yaml',
    '今後も住民協働事業制度をつうじて支援します。',
    '今後も住民協働事業制度を通じて積極的に支援します。',
  );
  // 3. One added 取組 in 施策9, with a row of an existing 事業.
  await edit(
    dir,
    '09.yaml',
    'budget:',
    '  - id: s09-t3\n    name: オープンデータの公開\n    rows:\n      - project: s09-j1\n        schedule:\n          2024: [公開するデータの選定]\n          2025: [データの公開]\n          2026: [データの更新]\nbudget:',
  );
  // 4. One removed 事業: 施策5 人権教育の推進, with its row.
  await edit(dir, '05.yaml', '  - id: s05-j1\n    name: 人権教育の推進\n', '');
  await edit(dir, '05.yaml', / {6}- project: s05-j1\n {8}schedule:\n(?: {10}20\d\d:\n(?: {12}- .*\n)+)+/, '');
}
