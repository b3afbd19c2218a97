// templates/theme.yaml → a validated Theme, or diagnostics at the file's line and column
// (the same YAML and zod machinery, and the same Japanese wording, as the plan data).
import type { z } from 'zod';
import { hasErrors, type Diagnosed } from '../diagnostics/diagnostic.ts';
import { decodeDataFile } from '../data/decode.ts';
import { issueToDiagnostics } from '../data/issue-messages.ts';
import { YamlSource } from '../data/read-yaml.ts';
import { allowedKeysAt } from '../data/schema-keys.ts';
import { themeSchema, type Theme } from './theme.ts';

export function parseTheme(file: string, bytes: Uint8Array): Diagnosed<Theme | undefined> {
  const decoded = decodeDataFile(file, bytes);
  if (decoded.text === undefined) return { value: undefined, diagnostics: decoded.diagnostics };
  const { source, diagnostics } = YamlSource.parse(file, decoded.text);
  if (!source) return { value: undefined, diagnostics };
  const schema: z.ZodType = themeSchema;
  const result = themeSchema.safeParse(source.value, { reportInput: true });
  if (!result.success) {
    const keysAt = (path: readonly (string | number)[]) => allowedKeysAt(schema, path);
    return {
      value: undefined,
      diagnostics: [
        ...diagnostics,
        ...result.error.issues.flatMap((issue) => issueToDiagnostics(source, issue, keysAt)),
      ],
    };
  }
  // A slip (a full-width colon, say) is an error even when what was read is a valid theme.
  return { value: hasErrors(diagnostics) ? undefined : result.data, diagnostics };
}
