// The cover names the plan as a reader looks for it: town, title, the period in 西暦 and 和暦,
// the 基本方針 a partial plan covers, and the 策定・改訂 dates the data gives (none when it gives
// none: never the day of the build).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { makeDataDir, runCli } from './helpers/cli.ts';
import { openPdf, pdfPages, squash } from './helpers/extract.ts';
import { ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';

async function coverOf(cwd: string): Promise<string> {
  const run = await runCli(['build', '--format', 'pdf', '--no-departments', ...TEMPLATE_ARGS], cwd);
  expect(run.code, run.stdout).toBe(0);
  const pdf = await readFile(path.join(cwd, 'out', '実施計画_2024-2026.pdf'));
  return squash((await pdfPages(pdf))[0]!);
}

describe('the cover', () => {
  it('of the seed: 西暦 and 和暦 period, the one 基本方針 it covers, no date it was not given', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const plan = YAML.parse(await readFile(path.join(cwd, 'data', 'plan.yaml'), 'utf8')) as {
      municipality: string;
      policies: { number: number; title: string }[];
    };
    const cover = await coverOf(cwd);
    const policy = plan.policies[0]!;
    expect(cover).toBe(
      squash(
        `${plan.municipality}実施計画（2024年度～2026年度）令和6年度～令和8年度基本方針${policy.number}${policy.title}`,
      ),
    );
  });

  it('prints 策定 and 改訂 from plan.yaml as era year and month', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const file = path.join(cwd, 'data', 'plan.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('period:', 'adopted: 2024-03-29\nrevised: 2025-03-28\nperiod:'));
    expect(await coverOf(cwd)).toMatch(/令和6年3月策定令和7年3月改訂$/);
  });

  it('refuses a date that does not exist, at its place in plan.yaml', async () => {
    const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
    const file = path.join(cwd, 'data', 'plan.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('period:', 'adopted: 2024-02-30\nperiod:'));
    const line = text.slice(0, text.indexOf('period:')).split('\n').length;
    const run = await runCli(['validate'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `data/plan.yaml:${line}:10: エラー: adopted（策定日）: 日付は 2024-03-29 のように西暦の年-月-日で、実在する日を書いてください（「2024-02-30」）`,
    );
  });
});

/** A 24 × 16 PNG (RGB, one colour), made here: small and of a known size. */
function tinyPng(width = 24, height = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The minimal plan with `emblem: NAME` in plan.yaml and the given files beside it. */
async function withEmblem(
  name: string,
  files: Record<string, Buffer | string>,
): Promise<{ cwd: string; line: number }> {
  const cwd = await makeDataDir(files);
  const file = path.join(cwd, 'data', 'plan.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text.trimEnd()}\nemblem: ${name}\n`);
  return { cwd, line: text.trimEnd().split('\n').length + 1 };
}

describe('the emblem on the cover (plan.yaml emblem)', () => {
  it('prints the picture on the cover of the PDF, the Word file and the HTML, and nowhere else', async () => {
    const png = tinyPng();
    const { cwd } = await withEmblem('emblem.png', { 'emblem.png': png });
    const run = await runCli(['build', '--no-departments', ...TEMPLATE_ARGS], cwd);
    expect(run.code, run.stdout).toBe(0);
    const doc = await openPdf(await readFile(path.join(cwd, 'out', '実施計画_2024-2026.pdf')));
    const imagesOnPage: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const ops = await (await doc.getPage(n)).getOperatorList();
      imagesOnPage.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
    }
    await doc.destroy();
    expect(imagesOnPage[0]).toBe(1);
    expect(imagesOnPage.slice(1).every((n) => n === 0)).toBe(true);

    const zip = await JSZip.loadAsync(await readFile(path.join(cwd, 'out', '実施計画_2024-2026.docx')));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(await zip.file(media[0]!)!.async('uint8array')).equals(png)).toBe(true);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('descr="見本町の紋章"');

    const html = await readFile(path.join(cwd, 'out', '実施計画_2024-2026.html'), 'utf8');
    expect(html).toContain(
      `<img src="data:image/png;base64,${png.toString('base64')}" alt="見本町の紋章" width="96" height="64">`,
    );
  });

  it('refuses a picture that is not there, one that is not a PNG or JPEG, and a name outside the folder, at the key', async () => {
    const missing = await withEmblem('emblem.png', { 'logo.png': tinyPng() });
    const run = await runCli(['validate'], missing.cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `data/plan.yaml:${missing.line}:9: エラー: 画像「emblem.png」が plan.yaml と同じフォルダにありません（置けるのは PNG と JPEG: logo.png）`,
    );
    const notPicture = await withEmblem('emblem.png', { 'emblem.png': 'これは画像ではありません' });
    expect((await runCli(['validate'], notPicture.cwd)).stdout).toContain(
      `data/plan.yaml:${notPicture.line}:9: エラー: 「emblem.png」は PNG や JPEG の画像として読めません`,
    );
    const outside = await withEmblem('../emblem.png', {});
    expect((await runCli(['validate'], outside.cwd)).stdout).toContain(
      `data/plan.yaml:${outside.line}:9: エラー: emblem（紋章の画像）: plan.yaml と同じフォルダにある PNG か JPEG のファイル名を書いてください（例: emblem.png）`,
    );
  });
});
