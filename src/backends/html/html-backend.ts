// The HTML format: one self-contained page (it has no pages to number, so no print layout).
import type { Backend } from '../backend.ts';
import { toHtml } from './to-html.ts';

export const htmlBackend: Backend = {
  format: 'html',
  needsPrintLayout: false,
  render: ({ tree, theme }) =>
    Promise.resolve({ bytes: new TextEncoder().encode(toHtml(tree, theme)), diagnostics: [] }),
};
