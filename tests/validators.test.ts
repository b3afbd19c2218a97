// Every output of a full build passes the standard validator of its format: the W3C Nu HTML
// checker (vnu-jar, as a town's web team runs it before publishing), qpdf's structural check and
// pdfjs for the PDFs with every font embedded (pdffonts), LibreOffice for the Word files. A
// missing validator skips its test with a message; under CI=true it fails instead.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPreviewPage } from '../src/preview/preview-server.ts';
import { FIXTURES, makeDataDir, runCli } from './helpers/cli.ts';
import { pdfPages, squash } from './helpers/extract.ts';
import { seedWithFourChanges } from './helpers/four-changes.ts';
import { ROOT, SEED_ARGS, TEMPLATE_ARGS } from './helpers/plan.ts';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const has = (command: string, args: readonly string[]) =>
  spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 }).status === 0;

const VALIDATORS = {
  java: { available: has('java', ['-version']), package: 'default-jre-headless（vnu-jar を動かす Java）' },
  qpdf: { available: has('qpdf', ['--version']), package: 'qpdf' },
  pdffonts: { available: has('pdffonts', ['-v']), package: 'poppler-utils（pdffonts）' },
  soffice: { available: has('soffice', ['--version']), package: 'libreoffice-writer（soffice）' },
} as const;

/** A test that needs `tool`: skipped with a message without it, failed under CI=true. */
function withValidator(tool: keyof typeof VALIDATORS, name: string, test: () => Promise<void>, timeout = 180_000) {
  const { available, package: pkg } = VALIDATORS[tool];
  if (available) return it(name, test, timeout);
  if (process.env.CI === 'true') {
    return it(name, () => {
      throw new Error(`${tool} が見つかりません。CI では .ci/run が ${pkg} を入れます`);
    });
  }
  return it.skip(`${name}（${pkg} がないため飛ばしました）`, test);
}

/** Every file below `dir` with the extension, as paths relative to it, sorted. */
async function filesOf(dir: string, ext: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names.filter((n) => n.endsWith(ext) && !n.startsWith('.cache')).sort();
}

/** The Nu checker's errors and warnings (info messages aside) on a file or a folder's HTML files. */
function nuProblems(target: string): string[] {
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--skip-non-html', target], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const report = JSON.parse(run.stderr) as {
    messages: { type: string; subType?: string; url?: string; message: string }[];
  };
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'warning')
    .map((m) => `${path.basename(decodeURIComponent(m.url ?? ''))}: ${m.message}`);
}

let out: string;

beforeAll(async () => {
  // The whole seed build (plan and every excerpt, every format), a 新旧対照表, and the preview
  // page with valid data and with an error, all in one folder.
  const work = await mkdtemp(path.join(tmpdir(), 'keikaku-validators-'));
  out = path.join(work, 'out');
  // With out/.cache, as a user's out/ is: its entries must not look like documents to a validator.
  const build = await runCli(['build', ...SEED_ARGS, '--out', out], work);
  expect(build.code, build.stdout).toBe(0);
  const changed = path.join(work, 'changed');
  await seedWithFourChanges(changed);
  const diff = await runCli(
    ['diff', '--old', path.join(ROOT, 'data'), '--new', changed, ...TEMPLATE_ARGS, '--out', out],
    work,
  );
  expect(diff.code, diff.stdout).toBe(0);
  await mkdir(path.join(out, 'preview'));
  const templatesDir = path.join(ROOT, 'templates');
  const valid = await buildPreviewPage({ cwd: ROOT, dataDir: 'data', templatesDir });
  await writeFile(path.join(out, 'preview', 'valid.html'), valid.html);
  const broken = await makeDataDir({ 'measures/01.yaml': 'id: s01\nnumber: [\n' }, path.join(ROOT, 'data'));
  const error = await buildPreviewPage({ cwd: broken, dataDir: 'data', templatesDir });
  expect(error.html).toContain('データにエラーがあります');
  await writeFile(path.join(out, 'preview', 'error.html'), error.html);
  // The sample city: another plan shape (labels, codes, marks, 凡例, 施策 without 取組).
  const sample = await runCli(
    [
      'build',
      '--data',
      path.join(ROOT, 'examples', 'sample-city', 'data'),
      ...TEMPLATE_ARGS,
      '--out',
      path.join(out, 'sample-city'),
    ],
    work,
  );
  expect(sample.code, sample.stdout).toBe(0);
}, 180_000);

describe('validators', () => {
  withValidator('java', 'the Nu HTML checker finds no error and no warning in any HTML file', async () => {
    const files = await filesOf(out, '.html');
    // The plan, 8 excerpts, the 新旧対照表, two preview pages, and the sample city's plan and 11 excerpts.
    expect(files).toHaveLength(24);
    expect(nuProblems(out)).toEqual([]);
  });

  withValidator('java', 'the Nu check fails on a heading that skips a level (a hand-made fixture)', () => {
    expect(nuProblems(path.join(FIXTURES, 'html', 'skipped-heading.html'))).toEqual([
      'skipped-heading.html: The heading “h4” (with computed level 4) follows the heading “h1” (with computed level 1), skipping 2 heading levels.',
    ]);
    return Promise.resolve();
  });

  withValidator(
    'java',
    'a template whose headings skip levels (h1 then h4) still gives HTML that skips none',
    async () => {
      const cwd = await makeDataDir({}, path.join(ROOT, 'data'));
      const templates = path.join(cwd, 'templates');
      await cp(path.join(ROOT, 'templates'), templates, { recursive: true });
      const cover = path.join(templates, 'partials', 'cover.hbs');
      const text = await readFile(cover, 'utf8');
      const edited = text.replace(
        '<p class="cover-title">{{title}}</p>',
        '<h1 id="t" data-toc="no">{{title}}</h1>\n  <h4>{{period}}</h4>',
      );
      expect(edited).not.toBe(text);
      await writeFile(cover, edited);
      const run = await runCli(['build', '--measure', '1', '--format', 'html'], cwd);
      expect(run.code, run.stdout).toBe(0);
      expect(nuProblems(path.join(cwd, 'out', '実施計画_2024-2026_施策1.html'))).toEqual([]);
    },
  );

  withValidator('qpdf', 'every PDF passes qpdf --check and opens in pdfjs with text on every page', async () => {
    const files = await filesOf(out, '.pdf');
    expect(files).toHaveLength(22); // the plan, 8 excerpts, the 新旧対照表; the sample city’s plan and 11 excerpts
    for (const file of files) {
      const check = spawnSync('qpdf', ['--check', path.join(out, file)], { encoding: 'utf8' });
      expect(check.status, `${file}: ${check.stdout}${check.stderr}`).toBe(0);
      const pages = await pdfPages(await readFile(path.join(out, file)));
      expect(pages.length, file).toBeGreaterThan(0);
      expect(
        pages.filter((text) => squash(text) === ''),
        file,
      ).toEqual([]);
    }
  });

  withValidator(
    'pdffonts',
    'every font of every PDF is embedded, as a subset with a Unicode map (text can be copied out)',
    async () => {
      for (const file of await filesOf(out, '.pdf')) {
        const listing = execFileSync('pdffonts', [path.join(out, file)], { encoding: 'utf8' });
        // name, type, encoding, emb, sub, uni, object, generation: after the two header lines.
        const fonts = listing.trim().split('\n').slice(2);
        expect(fonts.length, file).toBeGreaterThan(0);
        const notEmbedded = fonts.filter((line) => !/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/.test(line));
        expect(notEmbedded, file).toEqual([]);
      }
    },
  );

  withValidator('soffice', 'LibreOffice opens every Word file and finds its title in it', async () => {
    const files = await filesOf(out, '.docx');
    expect(files).toHaveLength(22);
    const converted = await mkdtemp(path.join(tmpdir(), 'keikaku-lo-'));
    // One LibreOffice for all files; it exits 0 even when it cannot load one, so each converted
    // file must exist.
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${converted}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        converted,
        ...files.map((f) => path.join(out, f)),
      ],
      { stdio: 'pipe', timeout: 300_000 },
    );
    for (const file of files) {
      const pdf = path.join(converted, path.basename(file).replace(/\.docx$/, '.pdf'));
      const text = squash((await pdfPages(await readFile(pdf))).join(''));
      const name = path.basename(file, '.docx');
      // Each file names what it is: the plan its title, an excerpt its 担当課, the 新旧対照表 itself.
      expect(text, file).toContain(
        name.startsWith('実施計画') ? '実施計画' : name.startsWith('新旧対照表') ? '新旧対照表' : name,
      );
    }
  });
});
