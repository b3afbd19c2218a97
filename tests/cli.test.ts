// The real command, as CI and staff run it: exit codes, output formats, and never a stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from './helpers/cli.ts';

const ROOT = path.join(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'keikaku.js');

function keikaku(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SEED_WARNINGS = [
  'data/measures/05.yaml:12:5: 警告: 事業「人権教育の推進」に担当課（department）がありません',
  'data/measures/05.yaml:12:5: 警告: 事業「人権教育の推進」に新規・継続（status）がありません',
  'data/measures/07.yaml:15:5: 警告: 事業「シティプロモーション事業（利根町シティプロモーションサイトSMILE！TONE）」に新規・継続（status）がありません',
];

describe('keikaku validate on the shipped data', () => {
  it('prints only the warnings for the values the seed lacks, and exits 0', () => {
    const run = keikaku(['validate']);
    expect(run.stdout).toBe(`${SEED_WARNINGS.join('\n')}\n`);
    expect(run.stderr).toBe('data/ の 16ファイル（施策 14件）を検証しました。エラー 0件、警告 3件\n');
    expect(run.code).toBe(0);
  });

  it('writes JSON for tools', () => {
    const run = keikaku(['validate', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(3);
    expect(report.diagnostics[0]).toEqual({
      severity: 'warning',
      file: 'data/measures/05.yaml',
      line: 12,
      col: 5,
      rule: 'missing-department',
      message: '事業「人権教育の推進」に担当課（department）がありません',
    });
  });

  it('writes GitHub Actions annotations', () => {
    const run = keikaku(['validate', '--format', 'github']);
    expect(run.stdout.split('\n')[0]).toBe(
      '::warning file=data/measures/05.yaml,line=12,col=5,title=keikaku missing-department::事業「人権教育の推進」に担当課（department）がありません',
    );
  });
});

describe('keikaku <command> --help', () => {
  it.each(['build', 'validate', 'diff', 'roll'])('prints the usage and exits 0 for %s', (command) => {
    for (const flag of ['--help', '-h']) {
      const run = keikaku([command, flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('使い方: keikaku <コマンド> [オプション]');
      expect(run.stderr).toBe('');
    }
  });
});

describe('keikaku on bad input', () => {
  it('exits 1 with located errors, and a summary, for invalid data', async () => {
    const cwd = await makeDataDir({ 'measures/02.yaml': 'id: s02\nnumber: [\n' });
    const run = keikaku(['validate'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^data\/measures\/02\.yaml:\d+:\d+: エラー: /);
    expect(run.stderr).toBe('data/ の 4ファイル（施策 2件）を検証しました。エラー 1件、警告 0件\n');
  });

  it('exits 1 with a message, not a stack trace, for a data folder that does not exist', () => {
    const run = keikaku(['validate', '--data', 'no-such-folder']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('no-such-folder/plan.yaml: エラー: ファイルがありません');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |Error:/);
  });

  it.each([
    [
      ['validate', '--format', 'xml'],
      '--format には text、json、github のどれかを指定してください（「xml」が指定されています）',
    ],
    [['validate', '--dta', 'x'], '不明なオプション「--dta」です'],
    [['validate', 'extra'], '余分な引数「extra」があります'],
    [['valdate'], '不明なコマンド「valdate」です'],
    [['build', '--formt', 'pdf'], 'keikaku build: 不明なオプション「--formt」です'],
    [
      ['build', '--format', 'xml'],
      'keikaku build: --format には pdf、docx、html をカンマ区切りで指定してください（「xml」が指定されています）',
    ],
    [['build', 'extra'], 'keikaku build: 余分な引数「extra」があります'],
    [
      ['build', '--measure', '12', '--department', '総務課'],
      'keikaku build: --measure（その施策のページだけ）と --department（その担当課の抜粋だけ）は同時に指定できません',
    ],
    [[], '使い方: keikaku'],
  ])('exits 2 for a wrong command line: %j', (args, message) => {
    const run = keikaku(args);
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`).toContain(message);
  });
});
