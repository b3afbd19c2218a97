// Where a path lies relative to a folder: the one test of "inside" that reading and writing share.
import path from 'node:path';

/**
 * Whether `target` lies strictly inside `root` (not `root` itself). `..計画.pdf` is a file inside;
 * only `..` as a whole segment leads out.
 */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
