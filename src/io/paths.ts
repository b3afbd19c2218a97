// Where a path lies relative to a folder: the one test of "inside" that reading and writing share,
// and how a path is shown to the user.
import path from 'node:path';

/**
 * Whether `target` lies strictly inside `root` (not `root` itself). `..計画.pdf` is a file inside;
 * only `..` as a whole segment leads out.
 */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** How a path is shown to the user: relative to the working directory when inside it, POSIX separators. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  const shown = isInside(cwd, absolute) ? relative : absolute;
  return shown.split(path.sep).join('/');
}
