// Proves how each key's Japanese term is found: from the schema's .meta({ title }), through
// optional and default wrappers, nested objects and lists, with labels' own keys kept apart.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import * as schema from './schema.ts';
import { shapeOf, termOf, titleOf } from './terms.ts';

/**
 * terms.ts evaluated afresh inside the test (schema.ts kept as loaded): the terms are collected
 * when the module is evaluated, and Stryker runs a mutant of that only against the tests that
 * evaluate it.
 */
async function freshTerms(): Promise<typeof import('./terms.ts')> {
  vi.resetModules();
  vi.doMock('./schema.ts', () => schema);
  return import('./terms.ts');
}

describe('titleOf', () => {
  it('reads the title given by .meta() on the field', () => {
    expect(titleOf(z.string().meta({ title: '名称' }))).toBe('名称');
  });

  it('looks through optional and default to the title of what they wrap, the outer title first', () => {
    expect(titleOf(z.string().meta({ title: '名称' }).optional())).toBe('名称');
    expect(titleOf(z.number().meta({ title: '番号' }).default(1))).toBe('番号');
    expect(titleOf(z.string().meta({ title: '内' }).optional().meta({ title: '外' }))).toBe('外');
  });

  it('gives undefined for a field without a title, even with a description, and does not look inside lists', () => {
    expect(titleOf(z.string())).toBeUndefined();
    expect(titleOf(z.string().meta({ description: '説明だけ' }).optional())).toBeUndefined();
    expect(titleOf(z.array(z.string().meta({ title: '項目' })))).toBeUndefined();
  });
});

describe('shapeOf', () => {
  it('lists an object’s fields in order, with their schemas', () => {
    const title = z.string();
    const number = z.number();
    expect(shapeOf(z.strictObject({ title, number }))).toEqual([
      ['title', title],
      ['number', number],
    ]);
  });
});

describe('termOf: the terms of the data files’ keys', () => {
  it('names keys at every depth of the three files: top level, nested objects, lists, optional fields', async () => {
    const fresh = await freshTerms();
    expect(fresh.termOf('municipality')).toBe('自治体名'); // plan.yaml, top level
    expect(fresh.termOf('start')).toBe('初年度（西暦）'); // inside period
    expect(fresh.termOf('basicMeasures')).toBe('基本施策'); // inside the list of policies
    expect(fresh.termOf('mark')).toBe('記号'); // inside the optional list of statuses
    expect(fresh.termOf('departments')).toBe('担当課の一覧'); // departments.yaml
    expect(fresh.termOf('kind')).toBe('種別'); // a 事業's optional indicators
    expect(fresh.termOf('amounts')).toBe('年度別事業費（千円）'); // measures/NN.yaml, in budget
  });

  it('keeps the level keys’ own terms: labels (階層の呼び名) does not lend them its names', async () => {
    const fresh = await freshTerms();
    expect(fresh.termOf('labels')).toBe('階層の呼び名');
    expect(fresh.termOf('policy')).toBe('基本方針の番号');
    expect(fresh.termOf('basicMeasure')).toBe('基本施策の番号');
    expect(fresh.termOf('project')).toBe('事業ID');
    expect(fresh.termOf('measure')).toBeUndefined();
    expect(fresh.termOf('initiative')).toBeUndefined();
  });

  it('gives undefined for a key no file has, including the names of Object’s own properties', () => {
    expect(termOf('titel')).toBeUndefined();
    expect(termOf('toString')).toBeUndefined();
    expect(termOf('constructor')).toBeUndefined();
  });
});
