// The Japanese term of every key of the data files, collected from the schema's metadata (its
// `title`), so that a new field is named once, in schema.ts, for messages, the JSON Schema
// (hover text in editors) and the README table alike.
import { z } from 'zod';
import { FILE_SCHEMAS } from './schema.ts';

/** The title given by `.meta()`, on the field or on what it wraps (optional, array of…). */
export function titleOf(schema: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = schema;
  while (current) {
    const title = z.globalRegistry.get(current)?.title;
    if (title) return title;
    current =
      current instanceof z.ZodOptional || current instanceof z.ZodDefault ? (current.unwrap() as z.ZodType) : undefined;
  }
  return undefined;
}

function collectTerms(): Record<string, string> {
  const terms: Record<string, string> = {};
  const seen = new Set<z.ZodType>();
  const visit = (schema: z.ZodType): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    if (schema instanceof z.ZodObject) {
      for (const [key, field] of shapeOf(schema)) {
        const title = titleOf(field);
        if (title && !Object.hasOwn(terms, key)) terms[key] = title;
        // plan.yaml's labels reuse the level keys (policy, project…) for their names; their
        // terms are per place (issue-messages.ts), so they do not take over the keys' terms.
        if (key !== 'labels') visit(field);
      }
    } else if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) visit(schema.unwrap() as z.ZodType);
    else if (schema instanceof z.ZodArray) visit(schema.element as z.ZodType);
    else if (schema instanceof z.ZodRecord) visit(schema.valueType as z.ZodType);
  };
  for (const schema of Object.values(FILE_SCHEMAS)) visit(schema);
  return terms;
}

export const KEY_TERMS: Readonly<Record<string, string>> = collectTerms();

export const termOf = (key: string): string | undefined => (Object.hasOwn(KEY_TERMS, key) ? KEY_TERMS[key] : undefined);

/** A zod object's fields, typed (zod types `shape` loosely on a plain ZodObject). */
export function shapeOf(schema: z.ZodObject): [string, z.ZodType][] {
  const shape: Readonly<Record<string, z.ZodType>> = schema.shape;
  return Object.entries(shape);
}
