// LibreOffice (Debian's libreoffice-writer) as a real Word reader: a .docx converted to PDF shows
// what a department sees when it opens the file, columns that fall off the page included.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'vitest';

export const SOFFICE_AVAILABLE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * A test that needs LibreOffice: skipped with a message without it, failed under CI=true
 * (where .ci/run installs it).
 */
export function withLibreOffice(name: string, test: () => Promise<void>, timeout = 180_000): void {
  if (SOFFICE_AVAILABLE) it(name, test, timeout);
  else if (process.env.CI === 'true')
    it(name, () => {
      throw new Error('soffice (LibreOffice) が見つかりません。CI では .ci/run が libreoffice-writer を入れます');
    });
  else it.skip(`${name}（LibreOffice (soffice) がないため飛ばしました）`, test);
}

/** The PDF LibreOffice lays a Word file out as (its own profile: runs beside other instances). */
export async function docxToPdf(docx: Uint8Array): Promise<{ file: string; bytes: Uint8Array }> {
  const work = await mkdtemp(path.join(tmpdir(), 'keikaku-lo-'));
  await writeFile(path.join(work, 'file.docx'), docx);
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${work}/profile`,
      '--convert-to',
      // The blank pages a section that starts on an odd page leaves (duplex) are pages too.
      'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
      '--outdir',
      work,
      path.join(work, 'file.docx'),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  // LibreOffice exits 0 even when it cannot load a file: reading the result fails then.
  const file = path.join(work, 'file.pdf');
  return { file, bytes: await readFile(file) };
}
