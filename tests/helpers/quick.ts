// Tests that render whole documents to files, or start another process, take a second or more
// each. `npm run mutation` runs the tests covering each mutant again and again, so it leaves these
// out (vitest.mutation.config.ts sets KEIKAKU_QUICK_TESTS=1); `npm test` always runs them.
import { it } from 'vitest';

export const itSlow: typeof it = process.env.KEIKAKU_QUICK_TESTS === '1' ? (it.skip as typeof it) : it;
