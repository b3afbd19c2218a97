// Creates a new folder with all its files at once (keikaku roll, keikaku generate): written
// into a hidden sibling first and renamed into place, so that an interrupted run leaves no half
// folder, and an existing folder is never written into.
import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const folderExists = (dir: string): Promise<boolean> =>
  stat(dir).then(
    () => true,
    () => false,
  );

export interface FolderCopy {
  /** Absolute path of a file or folder to copy in first. */
  readonly from: string;
  /** Where inside the new folder (`.` for its root). */
  readonly to: string;
  /** Skip it when `from` does not exist. */
  readonly optional?: boolean;
}

/**
 * `files`: paths inside the new folder (`/`-separated) → contents, written after the copies
 * (so they replace copied files of the same name).
 */
export async function createFolder(
  target: string,
  files: ReadonlyMap<string, string>,
  copies: readonly FolderCopy[] = [],
): Promise<void> {
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.keikaku-${process.pid}.tmp`);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await mkdir(staging);
    for (const copy of copies) {
      if (copy.optional && !(await folderExists(copy.from))) continue;
      await cp(copy.from, path.join(staging, copy.to), { recursive: true, errorOnExist: true });
    }
    for (const [name, content] of files) {
      const file = path.join(staging, ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
