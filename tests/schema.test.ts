// The JSON Schemas that editors use are generated from the zod schema, committed beside the
// data, and named by every data file; the README documents every key.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../src/data/json-schema.ts';
import { KEY_TERMS } from '../src/data/terms.ts';
import { makeDataDir, runCli } from './helpers/cli.ts';

const ROOT = path.join(import.meta.dirname, '..');

describe('JSON Schema for editors', () => {
  it('committed in data/schema/ exactly as `keikaku schema` generates it', async () => {
    for (const { name, text } of jsonSchemaFiles()) {
      expect(await readFile(path.join(ROOT, 'data', 'schema', name), 'utf8'), `${name}: run npm run schema`).toBe(text);
    }
  });

  it('is written by `keikaku schema --out DIR`', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'keikaku-schema-'));
    const run = await runCli(['schema', '--out', 'schemas'], cwd);
    expect(run.code).toBe(0);
    expect((await readdir(path.join(cwd, 'schemas'))).sort()).toEqual([
      'departments.schema.json',
      'measure.schema.json',
      'plan.schema.json',
    ]);
    const measure = JSON.parse(await readFile(path.join(cwd, 'schemas', 'measure.schema.json'), 'utf8'));
    expect(measure.additionalProperties).toBe(false);
    expect(measure.properties.budget.title).toBe('事業費');
  });

  it('is named by every data file on its first line', async () => {
    const expectations: [string, string][] = [
      ['data/plan.yaml', './schema/plan.schema.json'],
      ['data/departments.yaml', './schema/departments.schema.json'],
      ...(await readdir(path.join(ROOT, 'data', 'measures'))).map((n): [string, string] => [
        `data/measures/${n}`,
        '../schema/measure.schema.json',
      ]),
    ];
    for (const [file, schema] of expectations) {
      const first = (await readFile(path.join(ROOT, file), 'utf8')).split('\n')[0];
      expect(first, file).toBe(`# yaml-language-server: $schema=${schema}`);
    }
  });
});

describe('README', () => {
  it('documents every key of the data format with its Japanese term', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    for (const [key, term] of Object.entries(KEY_TERMS)) {
      expect(readme, key).toMatch(new RegExp(`\\| \`${key}\` \\| ${term.replace(/[()（）]/g, '\\$&')} \\|`));
    }
  });

  it('shows an example measure file that is valid in the shipped plan', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('$schema=../schema/measure.schema.json');
    const run = await runCli(
      ['validate'],
      await makeDataDir({ 'measures/02.yaml': example! }, path.join(ROOT, 'data')),
    );
    expect(run.stderr).toBe('data/ の 16ファイル（施策 14件）を検証しました。エラー 0件、警告 3件\n');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('measures/02.yaml');
  });
});
