// Turns zod issues into Japanese diagnostics at the right line and column. zod's own
// messages are English (and z.locales.ja mixes in English type names), so we word them here.
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DataPath, YamlSource } from './read-yaml.ts';
import { DEFAULT_LABELS, type LevelKey } from './schema.ts';
import { termOf } from './terms.ts';

type Issue = z.core.$ZodIssue;

/** How a value is named to the user: `title（名称）`, `2024年度の事業費（千円）`, `directions（施策の方向）の2番目`. */
export function describePath(path: DataPath): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === undefined) return 'ファイル全体';
  if (parent === 'amounts') return `${String(last)}年度の事業費（千円）`;
  if (parent === 'schedule') return `${String(last)}年度の事業計画`;
  if (parent === 'labels' && Object.hasOwn(DEFAULT_LABELS, last))
    return `labels の ${String(last)}（${DEFAULT_LABELS[last as LevelKey]}の呼び名）`;
  if (typeof last === 'number') {
    const list =
      path[path.length - 3] === 'schedule' ? `${String(parent)}年度の事業計画` : describeKey(String(parent ?? ''));
    return `${list}の${last + 1}番目`;
  }
  return describeKey(String(last));
}

const describeKey = (key: string): string => {
  const term = termOf(key);
  return term ? `${key}（${term}）` : key;
};

/**
 * At most the first 20 characters of a text from the file: enough to find it, and a file that
 * is not plan data (a linked config, a pasted key) never has its contents printed in full,
 * nor made a public CI annotation.
 */
const shortened = (text: string): string => ([...text].length > 20 ? `${[...text].slice(0, 20).join('')}…` : text);

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空の値';
  if (typeof value === 'string') return `文字列「${shortened(value)}」`;
  if (typeof value === 'number') return `数値 ${value}`;
  if (typeof value === 'boolean') return `真偽値 ${value}`;
  if (Array.isArray(value)) return 'リスト';
  return 'キーと値の組（マッピング）';
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: '真偽値',
  array: 'リスト（「- 」で始まる行）',
  object: 'キーと値の組（「キー: 値」の行）',
  record: 'キーと値の組（「キー: 値」の行）',
};

function invalidTypeMessage(path: DataPath, expected: string, input: unknown): string {
  const what = describePath(path);
  if (input === undefined) return `${what}がありません。書き加えてください`;
  if (input === null) return `${what}が空です。${TYPE_NAMES[expected] ?? expected}を書いてください`;
  if (path[path.length - 2] === 'amounts') {
    return `${what}は0以上の整数で書いてください。カンマや単位は付けません（例: 11527）。${describeValue(input)}が書かれています`;
  }
  let message = `${what}には${TYPE_NAMES[expected] ?? expected}を書いてください（${describeValue(input)}が書かれています）`;
  if (expected === 'string' && typeof input === 'number')
    message += '。数字だけの値は "0101" のように引用符で囲んでください';
  if (expected === 'number' && typeof input === 'string' && /^[\d,，０-９]+$/.test(input))
    message += '。引用符やカンマを付けずに数字だけを書いてください';
  return message;
}

function tooSmallOrBigMessage(
  issue: Issue & { code: 'too_small' | 'too_big' },
  path: DataPath,
  input: unknown,
): string {
  const what = describePath(path);
  if (issue.origin === 'array') {
    return issue.code === 'too_small' ? `${what}には1件以上書いてください` : `${what}の件数が多すぎます`;
  }
  if (path[path.length - 2] === 'amounts') {
    if (issue.code === 'too_big') {
      return `${what}が大きすぎます（上限 ${Number(issue.maximum).toLocaleString('ja-JP')}千円）。千円単位で書いているか確かめてください（${describeValue(input)}が書かれています）`;
    }
    return `${what}は0以上の整数で書いてください（${describeValue(input)}が書かれています）`;
  }
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  return issue.code === 'too_small'
    ? `${what}は${bound}以上にしてください（${describeValue(input)}が書かれています）`
    : `${what}は${bound}以下にしてください（${describeValue(input)}が書かれています）`;
}

/** One or more diagnostics (an unknown-keys issue names each key at its own place). */
export function issueToDiagnostics(
  source: YamlSource,
  issue: Issue,
  allowedKeysAt: (path: DataPath) => readonly string[],
): Diagnostic[] {
  const path = issue.path as DataPath;
  const input = (issue as { input?: unknown }).input;
  const at = (rule: string, message: string, where: DataPath = path, which: 'value' | 'key' = 'value') =>
    source.diagnostic('error', where, rule, message, which);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(path);
      return issue.keys.map((key) => {
        const suggestion = closestKey(key, allowed);
        const hint = suggestion ? `「${suggestion}」の書き間違いではありませんか。` : '';
        return at(
          'unknown-key',
          `不明なキー「${shortened(key)}」です。${hint}ここに書けるキー: ${allowed.join(', ')}`,
          [...path, key],
          'key',
        );
      });
    }
    case 'invalid_type':
      return [at(input === undefined ? 'missing-key' : 'wrong-type', invalidTypeMessage(path, issue.expected, input))];
    case 'too_small':
    case 'too_big':
      return [
        at(
          issue.origin !== 'array' ? 'out-of-range' : issue.code === 'too_small' ? 'empty-list' : 'too-many-items',
          tooSmallOrBigMessage(issue, path, input),
        ),
      ];
    case 'invalid_value':
      return [
        at(
          'invalid-value',
          `${describePath(path)}には ${issue.values.map((v) => `「${String(v)}」`).join('か')} を書いてください（${describeValue(input)}が書かれています）`,
        ),
      ];
    case 'invalid_key': {
      const inner = issue.issues[0];
      return [at('invalid-key', `キー「${String(input)}」は使えません。${inner?.message ?? ''}`, path, 'key')];
    }
    case 'invalid_format':
    case 'custom':
      return [
        at(
          String((issue as { params?: { rule?: string } }).params?.rule ?? 'invalid-format'),
          `${describePath(path)}: ${issue.message}`,
        ),
      ];
    default:
      return [at('invalid', `${describePath(path)}の値が正しくありません（${describeValue(input)}が書かれています）`)];
  }
}

/** The allowed key nearest to a typo, when it is near enough to be a likely slip. */
function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Two edits catch a swapped pair of letters (titel → title) in all but the shortest keys.
  return bestDistance <= (key.length >= 4 ? 2 : 1) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
