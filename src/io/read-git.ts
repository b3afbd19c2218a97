// Reads the data folder as it was at a git revision (`keikaku diff --old-rev main`), without
// touching the work tree: `git ls-tree` and `git show` on the repository that holds the folder.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DataFile } from '../data/validate.ts';
import { DATA_LAYOUT } from './read-data-dir.ts';

const run = promisify(execFile);
const git = async (cwd: string, args: string[]) =>
  (await run('git', args, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout as Buffer;

/**
 * `rev` is a revision (`main`, `v2024`, a commit), whose folder at the path of `dataDir` is read;
 * or `REV:PATH`, a folder of that revision named as git names it (relative to the repository's
 * top, or to the working folder when it starts with ./ or ../): last year's data in another
 * folder (roll's new folder), or another repository's commit fetched into this one.
 */
export async function readDataDirAtRevision(
  revision: string,
  dataDir: string,
  cwd: string,
): Promise<{ files: DataFile[]; diagnostics: Diagnostic[] }> {
  const colon = revision.indexOf(':');
  const rev = colon < 0 ? revision : revision.slice(0, colon);
  const named = colon < 0 ? undefined : revision.slice(colon + 1).replace(/[\\/]+$/, '');
  const place = named === undefined ? `${rev}:${dataDir}` : revision;
  const refuse = (message: string) => ({
    files: [],
    diagnostics: [{ severity: 'error' as const, file: place, rule: 'git', message }],
  });
  // git would read a revision that starts with "-" as one of its own options.
  if (rev === '' || rev.startsWith('-'))
    return refuse(`「${rev}」は git のリビジョンとして使えません（ブランチ名、タグ、コミットを指定してください）`);
  let top: string;
  try {
    top = (await git(cwd, ['rev-parse', '--show-toplevel'])).toString().trim();
    await git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch (error) {
    return refuse(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'git が見つかりません。git を入れるか、--old-rev の代わりに --old で前の年度のデータのフォルダを指定してください'
        : `git のリビジョン「${rev}」が見つかりません（git のリポジトリの中で、ブランチ名やコミットを指定してください）`,
    );
  }
  const folder = (
    named === undefined || /^\.\.?([\\/]|$)/.test(named)
      ? path.relative(top, path.resolve(cwd, named ?? dataDir))
      : path.normalize(named)
  )
    .split(path.sep)
    .join('/')
    .replace(/^\.$/, '');
  // -z: names exactly as stored, one per NUL. Without it git quotes a name that is not ASCII
  // ("measures/\345\234\260.yaml") and such a file would drop out of the old plan unseen.
  const listed = (
    await git(top, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--name-only', rev, '--', folder])
  )
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const wanted = (name: string): DataFile['kind'] | undefined => {
    const relative = folder === '' ? name : name.slice(folder.length + 1);
    if (relative === DATA_LAYOUT.plan) return 'plan';
    if (relative === DATA_LAYOUT.departments) return 'departments';
    if (new RegExp(`^${DATA_LAYOUT.measuresDir}/[^/]+\\.ya?ml$`, 'i').test(relative)) return 'measure';
    return undefined;
  };
  const files: DataFile[] = [];
  for (const name of listed.sort()) {
    const kind = wanted(name);
    if (kind)
      files.push({ file: `${rev}:${name}`, kind, bytes: new Uint8Array(await git(top, ['show', `${rev}:${name}`])) });
  }
  if (!files.some((f) => f.kind === 'plan')) {
    return {
      files,
      diagnostics: [
        {
          severity: 'error',
          file: place,
          rule: 'git',
          message: `リビジョン「${rev}」に ${folder}/${DATA_LAYOUT.plan} がありません`,
        },
      ],
    };
  }
  return { files, diagnostics: [] };
}
