// The Japanese term for every key of the data files: one source for messages, the JSON Schema
// (hover text in editors) and the README table.

export const KEY_TERMS = {
  municipality: '自治体名',
  title: '名称',
  period: '計画期間',
  start: '初年度（西暦）',
  end: '最終年度（西暦）',
  policies: '基本方針',
  basicMeasures: '基本施策',
  number: '番号',
  departments: '担当課の一覧',
  id: 'ID',
  policy: '基本方針の番号',
  basicMeasure: '基本施策の番号',
  directions: '施策の方向',
  projects: '事業',
  name: '名称',
  department: '担当課',
  status: '新規・継続',
  initiatives: '主な取組',
  rows: '取組の事業行',
  project: '事業ID',
  schedule: '向こう3か年事業計画',
  budget: '事業費',
  amounts: '年度別事業費（千円）',
  carriedOver: '前年度からの写し（確認待ちの年度）',
} as const;

export type DataKey = keyof typeof KEY_TERMS;

export const termOf = (key: string): string | undefined =>
  Object.hasOwn(KEY_TERMS, key) ? KEY_TERMS[key as DataKey] : undefined;

export const STATUSES = ['新規', '継続'] as const;
export type ProjectStatus = (typeof STATUSES)[number];
