// The keys of the print layout's parts in out/.cache, and their records read before the layout
// starts (pdfmake's layout runs without a pause, so nothing can be read from disk during it).
// A part's key is the hash of its section's definition (what it shows and how: pdfmake's input),
// of what the whole document sets for every section (page size, margins, default style,
// watermark), of keikaku's code and of the fonts; a section that starts on a right-hand page
// adds whether it would start on an odd or an even page.
import { createHash } from 'node:crypto';
import type { ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PartCache } from './partwise-layout.ts';

/** Where part records are kept (render-cache.ts): read, marked used, queued to be written. */
export interface PartStore {
  /** What every part depends on beside its definition: keikaku's code, the fonts. */
  readonly salt: string;
  /** A part's entry of one kind (PartEntryKind). */
  read(key: string, kind: PartEntryKind): Promise<Uint8Array | undefined>;
  /** Keeps a part's entries of every kind. */
  keep(key: string): void;
  write(key: string, record: Uint8Array, kind: PartEntryKind): void;
}

/**
 * What out/.cache keeps of a part: its layout (part-record.ts), its drawn pages (drawn-pages.ts),
 * or a Word section's XML (docx/section-cache.ts); and of a document, its compressed streams
 * (stream-memo.ts).
 */
export type PartEntryKind = 'part' | 'drawn' | 'word' | 'streams';

export async function loadPartCache(
  definition: TDocumentDefinitions,
  store: PartStore,
  dependsOnStartPage: (section: ContentSection) => boolean,
): Promise<PartCache> {
  const { pageSize, pageMargins, defaultStyle, styles, watermark } = definition;
  const shared = createHash('sha256')
    .update(store.salt)
    .update(JSON.stringify({ pageSize, pageMargins, defaultStyle, styles, watermark }))
    .digest('hex');
  const keys = (definition.content as ContentSection[]).map((section) => {
    const key = createHash('sha256').update(shared).update(JSON.stringify(section)).digest('hex');
    if (!dependsOnStartPage(section)) return [key];
    const onPage = (parity: string) => createHash('sha256').update(key).update(parity).digest('hex');
    return [onPage('even'), onPage('odd')];
  });
  const records = new Map<string, Uint8Array>();
  const drawn = new Map<string, Uint8Array>();
  await Promise.all(
    keys.flat().flatMap((key) =>
      (['part', 'drawn'] as const).map(async (kind) => {
        const record = await store.read(key, kind);
        if (record) (kind === 'part' ? records : drawn).set(key, record);
      }),
    ),
  );
  return {
    key: (index, startPage) => {
      const options = keys[index]!;
      return options.length === 1 ? options[0]! : options[startPage % 2]!;
    },
    get: (key) => records.get(key),
    used: (key) => store.keep(key),
    put: (key, record) => store.write(key, record, 'part'),
    drawn: (key) => drawn.get(key),
    putDrawn: (key, record) => store.write(key, record, 'drawn'),
  };
}
