// The fields of one record (a 施策, 取組 or 事業) that differ between two versions, found by
// walking the record's schema: every field registered in `comparedFields` is compared as text,
// labelled from the schema. A new field needs only its schema entry to appear in the 新旧対照表.
import { z } from 'zod';
import { comparedFields } from '../data/schema.ts';
import { shapeOf, titleOf } from '../data/terms.ts';

export interface FieldChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** How an absent optional field reads in the 新旧対照表. */
export const NOT_GIVEN = '（未記入）';

/**
 * `label(term)`: the label of a field that has no label of its own, from its term
 * (`term => 事業「${name}」の${term}`); a field registered with a label keeps it (事業名).
 */
export function changedFields<T extends object>(
  schema: z.ZodObject,
  before: T,
  after: T,
  label: (term: string, key: string) => string,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, field] of shapeOf(schema)) {
    // has(), not get(): zod's get() answers undefined for empty metadata on a derived schema.
    if (!comparedFields.has(field)) continue;
    const meta = comparedFields.get(field) ?? {};
    const [b, a] = [text(before, key), text(after, key)];
    if (b !== a) changes.push({ label: meta.label ?? label(titleOf(field) ?? key, key), before: b, after: a });
  }
  return changes;
}

function text(record: object, key: string): string {
  const value: unknown = (record as Record<string, unknown>)[key];
  if (value === undefined || value === null) return NOT_GIVEN;
  if (typeof value === 'string') return value;
  // A list of names (目印) or numbers (SDGs goals) reads as Japanese lists do.
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join('、');
  return JSON.stringify(value);
}
