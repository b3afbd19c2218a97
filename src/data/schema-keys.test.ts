// allowedKeysAt: the keys a data file may hold at a place, read from the zod schema through
// lists, maps by year, optional, default and nullable values.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { allowedKeysAt } from './schema-keys.ts';
import { measureFileSchema, planFileSchema } from './schema.ts';

describe('allowedKeysAt', () => {
  it('lists the keys of plan.yaml at its top, in schema order', () => {
    expect(allowedKeysAt(planFileSchema, [])).toEqual([
      'municipality',
      'title',
      'period',
      'adopted',
      'revised',
      'emblem',
      'print',
      'labels',
      'statuses',
      'tags',
      'fundingSources',
      'policies',
    ]);
  });

  it('walks into list items and optional objects', () => {
    expect(allowedKeysAt(planFileSchema, ['policies', 0, 'basicMeasures', 1])).toEqual(['number', 'code', 'title']);
    expect(allowedKeysAt(planFileSchema, ['print'])).toEqual(['bindingMargin', 'duplex', 'paper']);
    expect(allowedKeysAt(planFileSchema, ['labels'])).toEqual([
      'policy',
      'basicMeasure',
      'measure',
      'initiative',
      'project',
    ]);
    expect(allowedKeysAt(measureFileSchema, ['projects', 0, 'indicators', 0, 'baseline'])).toEqual(['year', 'value']);
  });

  it('walks into the value of a map keyed by year, and through default and nullable values', () => {
    const schema = z.object({
      byYear: z.record(z.string(), z.object({ planned: z.number(), spent: z.number() })),
      options: z.object({ colour: z.string() }).nullable().default(null),
    });
    expect(allowedKeysAt(schema, ['byYear', '2024'])).toEqual(['planned', 'spent']);
    expect(allowedKeysAt(schema, ['options'])).toEqual(['colour']);
  });

  it('has no keys for a value that is not an object, a path through one, or an unknown key', () => {
    expect(allowedKeysAt(planFileSchema, ['municipality'])).toEqual([]);
    expect(allowedKeysAt(planFileSchema, ['municipality', 'x'])).toEqual([]);
    expect(allowedKeysAt(measureFileSchema, ['budget', 0, 'amounts', '2024'])).toEqual([]);
    expect(allowedKeysAt(planFileSchema, ['nope', 'deeper'])).toEqual([]);
  });
});
