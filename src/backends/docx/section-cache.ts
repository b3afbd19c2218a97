// The Word body's sections kept in out/.cache: the XML of a section's blocks (but its last, which
// docx ends the section in) and the styles converting them named, by a hash of what the XML is
// made from. A rebuild after one 施策 changes writes the other sections' XML as it was, without
// making a docx component; at 1,400 施策 converting and writing the plan's body was about 12 s of
// a rebuild's 46.
//
// A section's key is the hash of its blocks, of where the print layout started a new page among
// them (the Word file breaks pages where the PDF does), of the theme, keikaku's code and the
// fonts. Sections holding a picture (its relationship is numbered in the document) or the 目次
// (other pages' numbers) are converted each time. Bookmark ids, which docx counts across a
// process, are kept as their order in the section and given fresh numbers when written again:
// pack-docx.ts numbers every bookmark in order of appearance.
import { createHash } from 'node:crypto';
import type { Block, Section } from '../../ir/types.ts';
import type { Theme } from '../../theme/theme.ts';
import type { PartStore } from '../pdf/part-cache.ts';
import { deflateKept, inflateKept } from '../kept-record.ts';
import { numberBookmarks } from './pack-docx.ts';

/** A style the conversion named: a WordStyles method and its arguments. */
export type StyleCall = readonly [method: string, ...args: unknown[]];

/** What out/.cache keeps of a section. */
interface SectionRecord {
  /** The XML of the section's blocks before `last`, bookmark ids by their order (1, 2, …). */
  readonly xml: string;
  /** The index of the block the section ends in (converted each time). */
  readonly last: number;
  /** The styles the blocks before `last` named, in the order first named. */
  readonly styles: readonly StyleCall[];
}

/** A section's place in out/.cache, and its record when there is one. */
export interface CachedSection {
  readonly key: string;
  readonly record?: SectionRecord;
}

/** What a section's key is made from, beside its blocks: what to-docx.ts decided from the print layout. */
export interface SectionInputs {
  readonly section: Section;
  /** For each block, whether Word starts it on a new page. */
  readonly breaksBefore: readonly boolean[];
  /** For each table in the section, in the order converted, the row groups that start a new page. */
  readonly tableCuts: readonly (readonly number[])[];
}

export interface SectionCache {
  /** The section's entry, or undefined when it is converted each time. */
  readonly section: (s: number) => CachedSection | undefined;
  /** Keeps a section's XML: called once its blocks before `last` have been written. */
  readonly store: (key: string, record: SectionRecord) => void;
}

/** Keys for the document's sections, and the records out/.cache has for them (read before converting). */
export async function loadSectionCache(
  sections: readonly SectionInputs[],
  theme: Theme,
  store: PartStore,
): Promise<SectionCache> {
  const shared = createHash('sha256').update(store.salt).update('word\n').update(JSON.stringify(theme)).digest();
  const keys = sections.map((inputs) =>
    cacheable(inputs.section.blocks)
      ? createHash('sha256')
          .update(shared)
          .update(JSON.stringify([inputs.section.blocks, inputs.breaksBefore, inputs.tableCuts]))
          .digest('hex')
      : undefined,
  );
  const records = await Promise.all(
    keys.map(async (key) => {
      if (key === undefined) return undefined;
      const bytes = await store.read(key, 'word');
      return bytes && decodeRecord(bytes);
    }),
  );
  return {
    section: (s) => {
      const key = keys[s];
      if (key === undefined) return undefined;
      const record = records[s];
      store.keep(key);
      return record ? { key, record } : { key };
    },
    store: (key, record) => store.write(key, encodeRecord(record), 'word'),
  };
}

/** Whether a section's XML depends on its blocks alone: no picture, no 目次. */
function cacheable(blocks: readonly Block[]): boolean {
  return blocks.every((block) => {
    switch (block.type) {
      case 'image':
      case 'toc':
        return false;
      case 'group':
        return cacheable(block.blocks);
      case 'table':
        return [...block.head, ...block.body].every((row) => row.cells.every((cell) => cacheable(cell.content)));
      default:
        return true;
    }
  });
}

/** The section's XML with its bookmark ids numbered by their order in it. */
export function withLocalBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return numberBookmarks(xml, ids, () => ids.size + 1);
}

// Above any id docx's counter reaches in a process: pack-docx.ts renumbers them all in order.
let nextFreshBookmark = 1_000_000_000;

/** A kept section's XML with bookmark ids no other bookmark of the document has. */
export function withFreshBookmarks(xml: string): string {
  return numberBookmarks(xml, new Map(), () => nextFreshBookmark++);
}

function encodeRecord(record: SectionRecord): Uint8Array {
  return deflateKept(JSON.stringify(record));
}

/** A record as written by encodeRecord; out/.cache checks each entry's hash, so only a keikaku change could alter its shape. */
function decodeRecord(bytes: Uint8Array): SectionRecord | undefined {
  try {
    const record = JSON.parse(inflateKept(bytes).toString('utf8')) as SectionRecord;
    return typeof record.xml === 'string' && Number.isInteger(record.last) && Array.isArray(record.styles)
      ? record
      : undefined;
  } catch {
    return undefined;
  }
}
