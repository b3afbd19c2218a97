// The suite as `npm run mutation` (StrykerJS) runs it against each mutant: the tests that run
// keikaku in-process and quickly. Left out: the end-to-end tests that render whole documents to
// files (seconds each, run again for every mutant they cover; what they check of the core modules
// the tests here check more directly), those that run keikaku in child processes (a mutant does
// not reach them), and those that need programs outside Node (Chromium, LibreOffice, the W3C
// checkers). The unit tests of the writer and the cache stand in for cache.test.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    globalSetup: ['tests/helpers/temp-root.ts'],
    // Leaves out the tests that render whole documents or start processes (tests/helpers/quick.ts).
    env: { KEIKAKU_QUICK_TESTS: '1' },
    include: [
      'src/**/*.test.ts',
      'tests/amounts-and-keys.test.ts',
      'tests/data-files.test.ts',
      'tests/diff.test.ts',
      'tests/excerpts.test.ts',
      'tests/field-recipe.test.ts',
      'tests/file-names.test.ts',
      'tests/fiscal-year.test.ts',
      'tests/generate.test.ts',
      'tests/roll.test.ts',
      'tests/schema.test.ts',
      'tests/template-limits.test.ts',
      'tests/theme.test.ts',
      'tests/validate-rules.test.ts',
      'tests/workflow.test.ts',
      'tests/write-failures.test.ts',
    ],
    exclude: ['src/preview/preview-server.test.ts'],
  },
});
