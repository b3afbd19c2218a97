// The example GitHub Actions workflow a town copies into its data repository is valid against
// the Actions workflow schema (action-validator, offline), so that it runs on the first push.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/plan.ts';

interface ValidationState {
  readonly errors: readonly { readonly code: string; readonly path?: string; readonly detail?: string }[];
}
const { validateWorkflow } = createRequire(import.meta.url)('@action-validator/core') as {
  validateWorkflow: (source: string) => ValidationState;
};

const EXAMPLE = path.join(ROOT, 'examples', 'ci', 'keikaku.yml');

describe('examples/ci/keikaku.yml', () => {
  it('is a valid GitHub Actions workflow', async () => {
    expect(validateWorkflow(await readFile(EXAMPLE, 'utf8')).errors).toEqual([]);
  });

  it('would be caught if it were not (a misspelt key in a job)', async () => {
    const text = await readFile(EXAMPLE, 'utf8');
    const broken = text.replace(/^( {4})steps:/m, '$1stepz:');
    expect(broken).not.toBe(text);
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });
});
