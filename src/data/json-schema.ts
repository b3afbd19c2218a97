// JSON Schemas for editors (VS Code's YAML extension), generated from the zod schema.
import { z } from 'zod';
import { FILE_SCHEMAS, type FileKind } from './schema.ts';

export const JSON_SCHEMA_FILE_NAMES: Readonly<Record<FileKind, string>> = {
  plan: 'plan.schema.json',
  departments: 'departments.schema.json',
  measure: 'measure.schema.json',
};

/** File name → JSON text, in a fixed order, ready to write. */
export function jsonSchemaFiles(): { name: string; text: string }[] {
  return (Object.keys(FILE_SCHEMAS) as FileKind[]).map((kind) => ({
    name: JSON_SCHEMA_FILE_NAMES[kind],
    // io 'input': what a person may write (optional keys stay optional).
    text: `${JSON.stringify(z.toJSONSchema(FILE_SCHEMAS[kind], { io: 'input' }), null, 2)}\n`,
  }));
}
