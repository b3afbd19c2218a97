// Which templates and fonts a run uses. A town keeps its data in its own folder or repository;
// templates/ and fonts/ beside its data folder (in the folder that holds data/) are the town's
// own and win; otherwise keikaku's own are used (from the package, or embedded in the single
// executable). --templates names a folder outright. The same order for every command.
import path from 'node:path';
import { folderExists } from './create-folder.ts';
import { isEmbedded, ownFontsDir, ownRoot, ownTemplatesDir } from './own-files.ts';
import { displayPath, isInside } from './paths.ts';

export interface InputFolders {
  /** Absolute. */
  readonly templatesDir: string;
  /** Absolute. */
  readonly fontsDir: string;
}

export async function inputFolders(options: {
  readonly templates?: string | undefined;
  readonly dataDir: string;
  readonly cwd: string;
}): Promise<InputFolders> {
  const beside = path.dirname(path.resolve(options.cwd, options.dataDir));
  const town = async (name: string) => {
    const dir = path.join(beside, name);
    return (await folderExists(dir)) ? dir : undefined;
  };
  const [templates, fonts] = await Promise.all([town('templates'), town('fonts')]);
  return {
    templatesDir:
      options.templates !== undefined ? path.resolve(options.cwd, options.templates) : (templates ?? ownTemplatesDir()),
    fontsDir: fonts ?? ownFontsDir(),
  };
}

/**
 * A folder as messages name it: `templates/` for a folder of the town's, 「keikaku 同梱の
 * templates/」 for keikaku's own when it is not the folder the user is in.
 */
export function shownFolder(absolute: string, cwd: string): string {
  if (isEmbedded(absolute) || (isInside(ownRoot(), absolute) && !isInside(cwd, absolute)))
    return `keikaku 同梱の ${path.relative(ownRoot(), absolute).split(path.sep).join('/')}/`;
  return `${displayPath(absolute, cwd)}/`;
}
