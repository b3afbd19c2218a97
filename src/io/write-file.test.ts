import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Writer = typeof import('./write-file.ts');
let { assertInside, assertOutputFolder, OutputPathError, removeStaleTemporaries, writeDocuments, writeFileAtomic } =
  {} as Writer;
// The module is loaded afresh before each test, not imported at the top: its temporary-name pattern
// is made when it loads, and the mutation run (Stryker) credits a change to it only to the tests
// during which the module loaded.
beforeEach(async () => {
  vi.resetModules();
  ({ assertInside, assertOutputFolder, OutputPathError, removeStaleTemporaries, writeDocuments, writeFileAtomic } =
    await import('./write-file.ts'));
});

const folder = () => mkdtemp(path.join(tmpdir(), 'keikaku-write-'));
const bytes = (text: string) => new TextEncoder().encode(text);
/** A pid that no process has (Linux pids stay below 2^22). */
const DEAD_PID = 999_999_999;

describe('writeFileAtomic', () => {
  it('writes the bytes, making the folders, and leaves no temporary file', async () => {
    const dir = await folder();
    const target = path.join(dir, 'a', 'b', '計画.pdf');
    await writeFileAtomic(target, bytes('新しい'));
    expect(await readFile(target, 'utf8')).toBe('新しい');
    expect(await readdir(path.dirname(target))).toEqual(['計画.pdf']);
  });

  it('replaces a file, and a link planted at the target, without writing through the link', async () => {
    const dir = await folder();
    const elsewhere = path.join(dir, 'elsewhere.txt');
    await writeFile(elsewhere, '外のファイル');
    const target = path.join(dir, 'out.pdf');
    await symlink(elsewhere, target);
    await writeFileAtomic(target, bytes('中身'));
    expect((await lstat(target)).isSymbolicLink()).toBe(false);
    expect(await readFile(target, 'utf8')).toBe('中身');
    expect(await readFile(elsewhere, 'utf8')).toBe('外のファイル');
    await writeFileAtomic(target, bytes('二度目'));
    expect(await readFile(target, 'utf8')).toBe('二度目');
  });

  it('on failure removes its temporary file and throws, leaving what was at the target', async () => {
    const dir = await folder();
    const target = path.join(dir, 'out.pdf');
    await mkdir(target); // a folder where the file should go: rename fails
    await expect(writeFileAtomic(target, bytes('x'))).rejects.toHaveProperty('code', 'EISDIR');
    expect(await readdir(dir)).toEqual(['out.pdf']);
  });

  it('throws the write’s own error when it fails before the temporary file exists', async () => {
    const dir = await folder();
    // Data of the wrong type: writeFile refuses it before creating anything.
    await expect(writeFileAtomic(path.join(dir, 'out.pdf'), 42 as unknown as Uint8Array)).rejects.toHaveProperty(
      'code',
      'ERR_INVALID_ARG_TYPE',
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('assertInside', () => {
  it('accepts a path inside the root, however deep, and creates nothing', async () => {
    const root = await folder();
    await assertInside(root, path.join(root, 'a', 'b', 'c.pdf'));
    expect(await readdir(root)).toEqual([]);
  });

  it('checks only the folders below the root (the root itself is assertOutputFolder’s to check)', async () => {
    const real = await folder();
    const root = path.join(await folder(), 'out');
    await symlink(real, root);
    await assertInside(root, path.join(root, 'a.pdf'));
    await expect(assertInside(root, path.join(root, 'sub', 'a.pdf'))).resolves.toBeUndefined();
  });

  it('refuses a path outside the root, naming it', async () => {
    const root = await folder();
    const outside = path.join(root, '..', 'x.pdf');
    await expect(assertInside(root, outside)).rejects.toThrow(
      new OutputPathError(`出力先のフォルダの外には書き出せません: ${outside}`),
    );
  });

  it('refuses a folder on the way that is a symbolic link, or a file', async () => {
    const root = await folder();
    const other = await folder();
    await symlink(other, path.join(root, 'linked'));
    await expect(assertInside(root, path.join(root, 'linked', 'x.pdf'))).rejects.toThrow(
      `出力先のフォルダ ${path.join(root, 'linked')} が記号リンク（シンボリックリンク）になっています。リンクをたどって書き出すことはしません。削除してからもう一度実行してください`,
    );
    await writeFile(path.join(root, 'plain'), '');
    await expect(assertInside(root, path.join(root, 'plain', 'x.pdf'))).rejects.toThrow(
      `出力先の ${path.join(root, 'plain')} がフォルダではありません`,
    );
    await assertInside(root, path.join(root, 'linked'));
  });
});

describe('assertOutputFolder', () => {
  it('accepts a folder, or none yet; refuses a link (naming it as shown) and a file', async () => {
    const dir = await folder();
    await assertOutputFolder(dir);
    await assertOutputFolder(path.join(dir, 'not-yet'));
    await symlink(await folder(), path.join(dir, 'link'));
    await expect(assertOutputFolder(path.join(dir, 'link'), 'out')).rejects.toThrow(
      '出力先のフォルダ out が記号リンク（シンボリックリンク）になっています。リンクをたどって書き出すことはしません。リンクを削除するか、実際のフォルダを --out に指定してください',
    );
    await writeFile(path.join(dir, 'file'), '');
    await expect(assertOutputFolder(path.join(dir, 'file'))).rejects.toThrow(
      '出力先のフォルダがあるべき場所に、同じ名前のファイルがあります',
    );
  });
});

describe('removeStaleTemporaries', () => {
  it('removes the temporary files of processes that are gone, and nothing else', async () => {
    const dir = await folder();
    const names = {
      dead: `.計画.pdf.${DEAD_PID}.0123abcd.tmp`,
      live: `.計画.pdf.${process.pid}.0123abcd.tmp`,
      deadFolder: `.folder.${DEAD_PID}.0123abcd.tmp`,
      notOurs: `計画.pdf.${DEAD_PID}.0123abcd.tmp`,
      shortRandom: `.計画.pdf.${DEAD_PID}.0123.tmp`,
      notHex: `.計画.pdf.${DEAD_PID}.0123abcg.tmp`,
      notAPid: `.計画.pdf.x${DEAD_PID}.0123abcd.tmp`,
      longer: `.計画.pdf.${DEAD_PID}.0123abcd.tmp.bak`,
      document: '計画.pdf',
    };
    for (const [key, name] of Object.entries(names))
      await (key === 'deadFolder' ? mkdir(path.join(dir, name)) : writeFile(path.join(dir, name), ''));
    await removeStaleTemporaries(dir);
    expect((await readdir(dir)).sort()).toEqual(
      Object.entries(names)
        .filter(([key]) => key !== 'dead')
        .map(([, name]) => name)
        .sort(),
    );
  });

  it('removes a dead process’s temporary link without following it', async () => {
    const dir = await folder();
    const target = path.join(await folder(), 'keep.txt');
    await writeFile(target, '残す');
    const link = path.join(dir, `.x.pdf.${DEAD_PID}.deadbeef.tmp`);
    await symlink(target, link);
    await removeStaleTemporaries(dir);
    expect(await readdir(dir)).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe('残す');
  });

  it('does nothing for a folder that does not exist', async () => {
    await removeStaleTemporaries(path.join(await folder(), 'none'));
  });
});

describe('writeDocuments', () => {
  it('writes every document inside the folder and returns their paths, in order', async () => {
    const out = await folder();
    await writeFile(path.join(out, `.a.pdf.${DEAD_PID}.0123abcd.tmp`), 'half');
    await mkdir(path.join(out, '担当課別'));
    await writeFile(path.join(out, '担当課別', `.b.pdf.${DEAD_PID}.0123abcd.tmp`), 'half');
    const paths = await writeDocuments(out, [
      { name: 'a.pdf', bytes: bytes('A') },
      { name: '担当課別/b.pdf', bytes: bytes('B') },
    ]);
    expect(paths).toEqual([path.join(out, 'a.pdf'), path.join(out, '担当課別', 'b.pdf')]);
    expect(await readFile(paths[0]!, 'utf8')).toBe('A');
    expect(await readFile(paths[1]!, 'utf8')).toBe('B');
    // The dead build's temporaries, in each folder written to, are gone.
    expect(await readdir(out)).toEqual(['a.pdf', '担当課別']);
    expect(await readdir(path.join(out, '担当課別'))).toEqual(['b.pdf']);
  });

  it('writes nothing when two names are the same file on a case- or normalisation-blind file system', async () => {
    const out = await folder();
    for (const [a, b] of [
      ['Plan.pdf', 'plan.pdf'],
      ['が.pdf', 'か\u3099.pdf'],
    ] as const) {
      await expect(
        writeDocuments(out, [
          { name: a, bytes: bytes('1') },
          { name: b, bytes: bytes('2') },
        ]),
      ).rejects.toThrow(
        new OutputPathError(`2つの文書が同じファイル名になります: ${path.join(out, a)} と ${path.join(out, b)}`),
      );
    }
    expect(await readdir(out)).toEqual([]);
  });

  it('writes nothing when one name would leave the folder', async () => {
    const out = await folder();
    await expect(
      writeDocuments(out, [
        { name: 'a.pdf', bytes: bytes('1') },
        { name: '../b.pdf', bytes: bytes('2') },
      ]),
    ).rejects.toBeInstanceOf(OutputPathError);
    expect(await readdir(out)).toEqual([]);
    expect(await readlink(out).catch(() => 'not a link')).toBe('not a link');
  });
});
