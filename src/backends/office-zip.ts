// An Office file (a zip of XML parts) → the same bytes for the same content: libraries write the
// time of the build into every zip entry and into docProps/core.xml, so both are fixed here to
// the document's creation date, and the entries are put in a fixed order ([Content_Types].xml
// first, as Word and Excel expect).
import JSZip from 'jszip';

export async function repackOfficeZip(
  raw: Uint8Array,
  creationDate: Date,
  /** A part's content to write instead (XML parts as text), or undefined to keep it. */
  rewrite: (name: string, text: () => string) => string | undefined = () => undefined,
): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(raw);
  const iso = creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = new JSZip();
  const names = Object.keys(source.files)
    .filter((n) => !source.files[n]!.dir)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    let content: string | Uint8Array = await source.files[name]!.async('uint8array');
    const bytes = content;
    const text = () => new TextDecoder().decode(bytes);
    if (name === 'docProps/core.xml') {
      content = text().replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${iso}$2`,
      );
    } else {
      content = rewrite(name, text) ?? content;
    }
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
