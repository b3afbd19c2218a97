// The backend contract: a document tree, the theme and (for print formats) its pagination in;
// the file's bytes and diagnostics out. A backend never throws for a problem the user can fix.
// Backends are loaded only when a build asks for their format.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DocumentTree } from '../ir/types.ts';
import type { PrintLayout } from '../layout/paginate.ts';
import type { Theme } from '../theme/theme.ts';
import type { PartStore } from './pdf/part-cache.ts';

export const OUTPUT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface BackendInput {
  readonly tree: DocumentTree;
  readonly theme: Theme;
  /** Present exactly when the backend `needsPrintLayout`. */
  readonly print?: PrintLayout;
  /** Written into the file's metadata, so that the same inputs give the same bytes. */
  readonly creationDate: Date;
  /** out/.cache's parts of this document (absent: everything is made anew). */
  readonly parts?: PartStore;
}

export interface BackendOutput {
  /** Absent when a diagnostic (an error) says why no file could be made. */
  readonly bytes?: Uint8Array;
  readonly diagnostics: readonly Diagnostic[];
}

export interface Backend {
  readonly format: OutputFormat;
  /** Whether it reads the print layout: the pipeline then paginates the document first. */
  readonly needsPrintLayout: boolean;
  render(input: BackendInput): Promise<BackendOutput>;
}

const LOADERS: Readonly<Record<OutputFormat, () => Promise<Backend>>> = {
  pdf: async () => (await import('./pdf/pdf-backend.ts')).pdfBackend,
  docx: async () => (await import('./docx/docx-backend.ts')).docxBackend,
  html: async () => (await import('./html/html-backend.ts')).htmlBackend,
};

export const loadBackend = (format: OutputFormat): Promise<Backend> => LOADERS[format]();

/** A backend's own bug surfaces as a throw; this is for what the pipeline must refuse. */
export const missingPrintLayout = (format: OutputFormat): Diagnostic => ({
  severity: 'error',
  file: format,
  rule: 'internal',
  message: `${format} の文書にはページ割り付けが必要ですが、行われていません（keikaku の不具合です）`,
});
