import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  comparedFields,
  initiativeSchema,
  measureFileSchema,
  projectSchema,
  type ProjectData,
} from '../data/schema.ts';
import { changedFields, NOT_GIVEN } from './compare-fields.ts';

const project: ProjectData = { id: 'p1', name: '地域振興事業', department: '政策企画課', status: '継続' };
// As the 新旧対照表 labels them: the 区分 by the names of the plan's 区分.
const label = (term: string, key: string) => `事業「地域振興事業」の${key === 'status' ? '新規・継続' : term}`;

describe('changedFields', () => {
  it('compares every registered 事業 field, in schema order, with labels from the schema', () => {
    const after: ProjectData = {
      id: 'p1',
      name: '地域活性化事業',
      code: '4111',
      department: '総務課',
      status: '新規',
      summary: '概要',
      note: '補足',
    };
    expect(changedFields(projectSchema, project, after, label)).toEqual([
      { label: '事業名', before: '地域振興事業', after: '地域活性化事業' },
      { label: '事業「地域振興事業」のコード', before: NOT_GIVEN, after: '4111' },
      { label: '事業「地域振興事業」の担当課', before: '政策企画課', after: '総務課' },
      { label: '事業「地域振興事業」の新規・継続', before: '継続', after: '新規' },
      { label: '事業「地域振興事業」の事業の概要', before: NOT_GIVEN, after: '概要' },
      { label: '事業「地域振興事業」の備考', before: NOT_GIVEN, after: '補足' },
    ]);
  });

  it('reports nothing for equal records, and ignores fields that are not registered (id)', () => {
    expect(changedFields(projectSchema, project, { ...project }, label)).toEqual([]);
    expect(changedFields(projectSchema, project, { ...project, id: 'p2' }, label)).toEqual([]);
  });

  it('reads a field that was removed as 未記入', () => {
    const withoutStatus: ProjectData = { id: project.id, name: project.name, department: project.department };
    expect(changedFields(projectSchema, project, withoutStatus, label)).toEqual([
      { label: '事業「地域振興事業」の新規・継続', before: '継続', after: NOT_GIVEN },
    ]);
  });

  it('labels the naming field of a 施策 and a 取組 as registered (施策名, 取組名)', () => {
    const measure = { title: 'A' } as Parameters<typeof changedFields>[1];
    expect(changedFields(measureFileSchema, measure, { title: 'B' }, (t) => t).map((c) => c.label)).toEqual(['施策名']);
    expect(changedFields(initiativeSchema, { name: 'A' }, { name: 'B' }, (t) => t).map((c) => c.label)).toEqual([
      '取組名',
    ]);
  });

  it('reads a list of names or numbers as a Japanese list, and equal lists as no change', () => {
    const before: ProjectData = { ...project, tags: ['重点', '総合戦略'], sdgs: [3, 11] };
    expect(
      changedFields(projectSchema, before, { ...before, tags: ['重点', '総合戦略'], sdgs: [3, 11] }, label),
    ).toEqual([]);
    expect(changedFields(projectSchema, before, { ...before, tags: ['重点'], sdgs: [11] }, label)).toEqual([
      { label: '事業「地域振興事業」の目印', before: '重点、総合戦略', after: '重点' },
      { label: '事業「地域振興事業」のSDGs', before: '3、11', after: '11' },
    ]);
  });

  it('reads a null field as 未記入, like a missing one', () => {
    const withNullNote = { ...project, note: null } as unknown as ProjectData;
    expect(changedFields(projectSchema, withNullNote, project, label)).toEqual([]);
    expect(changedFields(projectSchema, withNullNote, { ...project, note: '補足' }, label)).toEqual([
      { label: '事業「地域振興事業」の備考', before: NOT_GIVEN, after: '補足' },
    ]);
  });

  it('writes any other value (a record, a list of records, a mixed list) as JSON, and labels an untitled field by its key', () => {
    const schema = z.object({
      limits: z.object({ max: z.number() }).register(comparedFields, {}),
      steps: z.array(z.unknown()).register(comparedFields, {}),
    });
    const changes = changedFields(
      schema,
      { limits: { max: 1 }, steps: [{ at: 1 }] },
      { limits: { max: 2 }, steps: ['開始', { at: 2 }] },
      (term) => `「${term}」`,
    );
    expect(changes).toEqual([
      { label: '「limits」', before: '{"max":1}', after: '{"max":2}' },
      { label: '「steps」', before: '[{"at":1}]', after: '["開始",{"at":2}]' },
    ]);
  });
});
