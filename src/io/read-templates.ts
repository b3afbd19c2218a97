// Reads the templates folder: the main templates (*.hbs) and the partials (partials/*.hbs). A
// town's folder lies over keikaku's own, file by file: it holds only the templates it changes
// (cover.hbs, say), and keikaku's own serve for the rest.
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { TemplateSource } from '../templates/engine.ts';
import { readErrorCause } from './file-errors.ts';
import { ownTemplatesDir, readAnyFile, readAnyFolder } from './own-files.ts';
import { displayPath } from './paths.ts';

export async function readTemplates(
  dir: string,
  cwd: string,
): Promise<{ sources: TemplateSource[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(cwd, dir);
  const sources: TemplateSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const readFolder = async (folder: string, partial: boolean) => {
    let names: string[];
    try {
      names = (await readAnyFolder(folder)).filter((n) => n.endsWith('.hbs')).sort();
    } catch (error) {
      if (partial && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      diagnostics.push({
        severity: 'error',
        file: displayPath(folder, cwd),
        rule: 'unreadable-file',
        message: `テンプレートのフォルダを読めません: ${readErrorCause(error)}`,
      });
      return;
    }
    for (const name of names) {
      const absolute = path.join(folder, name);
      try {
        sources.push({
          file: displayPath(absolute, cwd),
          name: name.replace(/\.hbs$/, ''),
          partial,
          text: (await readAnyFile(absolute)).toString('utf8'),
        });
      } catch (error) {
        diagnostics.push({
          severity: 'error',
          file: displayPath(absolute, cwd),
          rule: 'unreadable-file',
          message: readErrorCause(error),
        });
      }
    }
  };
  await readFolder(root, false);
  await readFolder(path.join(root, 'partials'), true);
  const own = ownTemplatesDir();
  if (path.resolve(own) !== path.resolve(root)) {
    const ownSources = await readTemplates(own, cwd);
    const given = new Set(sources.map((s) => `${s.partial}:${s.name}`));
    sources.push(...ownSources.sources.filter((s) => !given.has(`${s.partial}:${s.name}`)));
    diagnostics.push(...ownSources.diagnostics);
  }
  return { sources, diagnostics };
}
