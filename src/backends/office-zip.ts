// An Office file (a zip of XML parts) → the same bytes for the same content: libraries write the
// time of the build into every zip entry and into docProps/core.xml, so both are fixed here to
// the document's creation date, and the entries are put in a fixed order ([Content_Types].xml
// first, as Word and Excel expect).
import JSZip from 'jszip';

export async function repackOfficeZip(
  raw: Uint8Array,
  creationDate: Date,
  /** A part's content to write instead (XML parts as text or UTF-8), or undefined to keep it. */
  rewrite: (name: string, text: () => string) => string | Uint8Array | undefined = () => undefined,
): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(raw);
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name]!;
    if (!entry.dir) parts.set(name, await entry.async('uint8array'));
  }
  return packOfficeParts(parts, creationDate, rewrite);
}

/**
 * An Office file's parts (by path; XML as text or as UTF-8 bytes) → the zip, with the build's
 * time fixed and the entries in a fixed order: what repackOfficeZip writes, from parts a library
 * hands over before zipping them (no zip made only to be read again).
 */
export async function packOfficeParts(
  parts: ReadonlyMap<string, string | Uint8Array>,
  creationDate: Date,
  rewrite: (name: string, text: () => string) => string | Uint8Array | undefined = () => undefined,
): Promise<Uint8Array> {
  const iso = creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = new JSZip();
  const names = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const original = parts.get(name)!;
    const text = () => (typeof original === 'string' ? original : new TextDecoder().decode(original));
    const content =
      name === 'docProps/core.xml'
        ? text().replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`)
        : (rewrite(name, text) ?? original);
    out.file(name, content, { date: creationDate, createFolders: false });
  }
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}

const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name.startsWith('_rels/') ? 1 : 2);
