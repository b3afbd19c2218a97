// The cross-file rules of checks.ts: each rule's exact message, rule name and place, its limits,
// and the cases that must stay silent.
import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { checkPlanFiles, type Parsed } from './checks.ts';
import { YamlSource } from './read-yaml.ts';
import {
  departmentsFileSchema,
  measureFileSchema,
  planFileSchema,
  type DepartmentsFile,
  type MeasureFile,
  type PlanFile,
} from './schema.ts';

const P = 'data/plan.yaml';
const D = 'data/departments.yaml';
const M1 = 'data/measures/01.yaml';
const M2 = 'data/measures/02.yaml';

function sourceOf(file: string, text: string): YamlSource {
  const { source, diagnostics } = YamlSource.parse(file, text);
  if (!source) throw new Error(`not YAML: ${JSON.stringify(diagnostics)}`);
  return source;
}
const planOf = (text: string): Parsed<PlanFile> => {
  const source = sourceOf(P, text);
  return { source, data: planFileSchema.parse(source.value) };
};
const departmentsOf = (text: string): Parsed<DepartmentsFile> => {
  const source = sourceOf(D, text);
  return { source, data: departmentsFileSchema.parse(source.value) };
};
const measureOf = (file: string, text: string): Parsed<MeasureFile> => {
  const source = sourceOf(file, text);
  return { source, data: measureFileSchema.parse(source.value) };
};

/**
 * plan.yaml for 2024–2026 (lines 1–3), then `extra` from line 4, then one 基本方針 1 with
 * 基本施策 1, unless `policies` replaces them.
 */
const plan = (
  extra = '',
  policies = 'policies:\n  - { number: 1, title: 方針A, basicMeasures: [{ number: 1, title: 群A }] }\n',
) => `municipality: 見本町\ntitle: 実施計画\nperiod: { start: 2024, end: 2026 }\n${extra}${policies}`;

const DEPARTMENTS = 'departments: [総務課, 財政課]\n';

/** A 施策 file: its head on lines 1–6, then `body` from line 7. */
const measure = (body: string, head: { id?: string; number?: number; policy?: number; basicMeasure?: number } = {}) =>
  `id: ${head.id ?? 's01'}\nnumber: ${head.number ?? 1}\npolicy: ${head.policy ?? 1}\nbasicMeasure: ${head.basicMeasure ?? 1}\ntitle: 施策A\ndirections: [方向]\n${body}`;

/** One 事業 j1 in 取組 t1, every year written (lines 7–15). */
const BODY = `projects:
  - { id: j1, name: 事業A, department: 総務課, status: 継続 }
initiatives:
  - id: t1
    name: 取組A
    rows:
      - { project: j1, schedule: { 2024: [], 2025: [], 2026: [] } }
budget:
  - { project: j1, amounts: { 2024: 1000, 2025: 2000, 2026: 0 } }
`;

interface Files {
  plan?: string | null;
  departments?: string | null;
  measures?: string[];
}

/** checkPlanFiles on the files, each diagnostic as `file:line:col severity rule message`, sorted. */
function check({ plan: planText = plan(), departments = DEPARTMENTS, measures = [measure(BODY)] }: Files): string[] {
  const diagnostics = checkPlanFiles({
    ...(planText === null ? {} : { plan: planOf(planText) }),
    ...(departments === null ? {} : { departments: departmentsOf(departments) }),
    measures: measures.map((text, i) => measureOf(`data/measures/0${i + 1}.yaml`, text)),
  });
  return sortDiagnostics(diagnostics).map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.rule} ${d.message}`);
}

describe('a plan that breaks no rule', () => {
  it('gives no message at all', () => {
    expect(check({})).toEqual([]);
  });

  it('without plan.yaml, checks only what needs no plan: no 基本方針, period or 財源 rule', () => {
    // 基本方針 9 and the year 1999 would both be refused against a plan.
    const body = BODY.replace('2024: [], 2025: [], 2026: []', '1999: []');
    expect(check({ plan: null, measures: [measure(body, { policy: 9 })] })).toEqual([]);
  });

  it('without departments.yaml, does not check 担当課 against a list', () => {
    expect(check({ departments: null, measures: [measure(BODY.replace('総務課', '未知課'))] })).toEqual([]);
  });
});

describe('計画期間 (period)', () => {
  const oneYearBody = BODY.replace('2024: [], 2025: [], 2026: []', '2024: []').replace(
    '2024: 1000, 2025: 2000, 2026: 0',
    '2024: 1000',
  );

  it('takes a period of one year (end equal to start)', () => {
    const oneYear = plan().replace('end: 2026', 'end: 2024');
    expect(check({ plan: oneYear, measures: [measure(oneYearBody)] })).toEqual([]);
  });

  it('takes a period of 5 years, the most a page can lay out', () => {
    const fiveYears = plan().replace('end: 2026', 'end: 2028');
    const body = BODY.replace('2026: []', '2026: [], 2027: [], 2028: []').replace(
      '2026: 0',
      '2026: 0, 2027: 0, 2028: 0',
    );
    expect(check({ plan: fiveYears, measures: [measure(body)] })).toEqual([]);
  });

  it('refuses 6 years at the end year, and then checks no year of the 施策', () => {
    const sixYears = plan().replace('end: 2026', 'end: 2029');
    expect(check({ plan: sixYears })).toEqual([
      `${P}:3:29 error bad-period 計画期間が6年度あります。組める計画期間は5年度までです（表の年度の列が用紙の幅に収まる数）`,
    ]);
  });

  it('refuses an end before the start, and then checks neither the years nor the 財源内訳', () => {
    const backwards = plan('fundingSources: [{ id: national, name: 国庫支出金 }]\n').replace('end: 2026', 'end: 2023');
    const body = BODY.replace('2026: 0 } }', '2026: 0 }, sources: { 2030: { national: 5 } } }');
    expect(check({ plan: backwards, measures: [measure(body)] })).toEqual([
      `${P}:3:29 error bad-period 最終年度（2023）が初年度（2024）より前です`,
    ]);
  });
});

describe('numbers and codes of plan.yaml', () => {
  it('refuses a 基本方針 number or code used twice, and a 基本施策 code used twice anywhere', () => {
    const policies = `policies:
  - number: 1
    code: P1
    title: 方針A
    basicMeasures:
      - { number: 1, code: B1, title: 群A }
      - { number: 2, code: B1, title: 群B }
  - number: 1
    code: P1
    title: 方針B
    basicMeasures:
      - { number: 1, code: B2, title: 群C }
`;
    expect(check({ plan: plan('', policies) })).toEqual([
      `${P}:10:28 error duplicate 基本施策のコード「B1」は ${P}:9:28 にもあります。コードは重ならないようにしてください`,
      `${P}:11:13 error duplicate 基本方針1は ${P}:5:13 にもあります。番号が重なっています`,
      `${P}:12:11 error duplicate 基本方針のコード「P1」は ${P}:6:11 にもあります。コードは重ならないようにしてください`,
    ]);
  });

  it('lets two 基本方針 each have a 基本施策 1, and distinct codes pass', () => {
    const policies = `policies:
  - { number: 1, code: P1, title: 方針A, basicMeasures: [{ number: 1, code: B1, title: 群A }] }
  - { number: 2, code: P2, title: 方針B, basicMeasures: [{ number: 1, code: B2, title: 群B }] }
`;
    expect(check({ plan: plan('', policies) })).toEqual([]);
  });
});

describe('事業区分 (statuses), 財源区分 and 目印 declared in plan.yaml', () => {
  it('refuses a 区分 mark used twice, naming the first place', () => {
    const statuses = 'statuses:\n  - { name: 新規, mark: ◎ }\n  - { name: 継続, mark: ◎ }\n';
    expect(check({ plan: plan(statuses) })).toEqual([
      `${P}:6:23 error duplicate 記号「◎」は ${P}:5:23 でも使われています。区分の記号は凡例で見分けられるように重ならないようにしてください`,
    ]);
  });

  it('asks for a mark on the first 区分 without one, whichever it is', () => {
    const second = 'statuses:\n  - { name: 新規, mark: ◎ }\n  - { name: 継続 }\n';
    expect(check({ plan: plan(second) })).toEqual([
      `${P}:6:5 error missing-mark 区分「継続」に記号（mark）がありません。記号はすべての区分に書くか、どれにも書かないかにしてください`,
    ]);
    const first = 'statuses:\n  - { name: 新規 }\n  - { name: 継続, mark: ○ }\n';
    expect(check({ plan: plan(first) })).toEqual([
      `${P}:5:5 error missing-mark 区分「新規」に記号（mark）がありません。記号はすべての区分に書くか、どれにも書かないかにしてください`,
    ]);
  });

  it('takes 区分 with no marks at all, or each with its own mark', () => {
    const none = 'statuses:\n  - { name: 新規 }\n  - { name: 継続 }\n';
    const all = 'statuses:\n  - { name: 新規, mark: ◎ }\n  - { name: 継続, mark: ○ }\n';
    expect(check({ plan: plan(none) })).toEqual([]);
    expect(check({ plan: plan(all) })).toEqual([]);
  });

  it('refuses a 財源 name and a 目印 id declared twice', () => {
    const extra = `fundingSources:
  - { id: national, name: 国庫支出金 }
  - { id: bonds, name: 国庫支出金 }
tags:
  - { id: priority, name: 重点, mark: ★ }
  - { id: priority, name: 総合戦略, mark: ☆ }
`;
    expect(check({ plan: plan(extra) })).toEqual([
      `${P}:6:24 error duplicate 財源「国庫支出金」は ${P}:5:27 にもあります。1回だけ書いてください`,
      `${P}:9:11 error duplicate 目印のID「priority」は ${P}:8:11 にもあります。IDは重ならないようにしてください`,
    ]);
  });
});

describe('区分, 目印 and SDGs used by a 施策 and its 事業', () => {
  const declared = `statuses: [{ name: 新規 }, { name: 拡充 }]
tags:
  - { id: priority, name: 重点, mark: ★ }
  - { id: local, name: 地域, mark: ☆ }
`;

  it('refuses an undeclared 目印 (listing the declared ones), a 目印 or SDGs goal written twice, and an undeclared 区分', () => {
    const body = `tags: [priority, other, priority]
projects:
  - { id: j1, name: 事業A, department: 総務課, status: 拡充, tags: [local, local], sdgs: [4, 4] }
  - { id: j2, name: 事業B, department: 総務課, status: 継続, tags: [nope] }
rows:
  - { project: j1, schedule: { 2024: [], 2025: [], 2026: [] } }
  - { project: j2, schedule: { 2024: [], 2025: [], 2026: [] } }
budget: []
`;
    expect(check({ plan: plan(declared), measures: [measure(body)] })).toEqual([
      `${M1}:7:18 error unknown-tag 目印「other」は plan.yaml の tags にありません（あるのは priority、local）`,
      `${M1}:7:25 error duplicate 目印「priority」が2回書かれています`,
      `${M1}:9:69 error duplicate 目印「local」が2回書かれています`,
      `${M1}:9:87 error duplicate SDGs の目標4が2回書かれています`,
      `${M1}:10:51 error unknown-status 事業「事業B」の区分「継続」は、この計画の区分（新規・拡充）にありません（plan.yaml の statuses）`,
      `${M1}:10:62 error unknown-tag 目印「nope」は plan.yaml の tags にありません（あるのは priority、local）`,
    ]);
  });

  it('takes declared 目印 and 区分, each written once', () => {
    const body = `tags: [priority]
projects:
  - { id: j1, name: 事業A, department: 総務課, status: 新規, tags: [local, priority], sdgs: [4, 11] }
rows:
  - { project: j1, schedule: { 2024: [], 2025: [], 2026: [] } }
budget: []
`;
    expect(check({ plan: plan(declared), measures: [measure(body)] })).toEqual([]);
  });
});

describe('担当課 (departments.yaml)', () => {
  it('refuses two names that differ only in case, since their excerpts would share a file name', () => {
    expect(check({ departments: 'departments:\n  - Office課\n  - office課\n  - 総務課\n' })).toEqual([
      `${D}:3:5 error file-name-collision 担当課「office課」と「Office課」は大文字・小文字などの違いしかなく、抜粋が同じファイル名になります。どちらかの名前を変えてください`,
    ]);
  });

  it('names the 担当課 of a 事業 missing from the list', () => {
    expect(check({ departments: 'departments: [財政課, 企画課]\n' })).toEqual([
      `${M1}:8:38 error unknown-department 担当課「総務課」は departments.yaml の一覧にありません（一覧: 財政課、企画課）`,
    ]);
  });
});

describe('where a 施策 belongs (基本方針, 基本施策)', () => {
  const policies = `policies:
  - { number: 1, title: 方針A, basicMeasures: [{ number: 1, title: 群A }] }
  - { number: 2, title: 方針B, basicMeasures: [{ number: 2, title: 群B }, { number: 3, title: 群C }] }
`;

  it('refuses a 基本方針 that plan.yaml lacks, listing those it has', () => {
    expect(check({ plan: plan('', policies), measures: [measure(BODY, { policy: 3 })] })).toEqual([
      `${M1}:3:9 error unknown-policy 基本方針3は plan.yaml にありません（あるのは基本方針 1、2）`,
    ]);
  });

  it('refuses a 基本施策 that its 基本方針 lacks, listing those it has', () => {
    expect(check({ plan: plan('', policies), measures: [measure(BODY, { policy: 2, basicMeasure: 1 })] })).toEqual([
      `${M1}:4:15 error unknown-basic-measure 基本方針2に基本施策1はありません（あるのは基本施策 2、3）`,
    ]);
  });

  it('takes a 施策 under the second 基本方針 and one of its 基本施策', () => {
    expect(check({ plan: plan('', policies), measures: [measure(BODY, { policy: 2, basicMeasure: 3 })] })).toEqual([]);
  });
});

describe('ids and codes across 施策 files', () => {
  it('refuses a 施策 code used by another 施策, but not one a 事業 also uses', () => {
    const first = measure(`code: "1-1"\n${BODY.replace('status: 継続', 'status: 継続, code: "1-1"')}`);
    const second = measure(`code: "1-1"\n${BODY.replace(/j1/g, 'j2').replace('t1', 't2')}`, { id: 's02', number: 2 });
    expect(check({ measures: [first, second] })).toEqual([
      `${M2}:7:7 error duplicate 施策のコード「1-1」は ${M1}:7:7 にもあります。コードは重ならないようにしてください`,
    ]);
  });

  it('refuses a 取組 or 指標 id that another 事業, 取組 or 指標 already uses', () => {
    const body = `indicators:
  - { id: j1, name: 参加者数, unit: 人, direction: up, baseline: { year: 2023, value: 1 }, targets: {} }
projects:
  - id: j1
    name: 事業A
    department: 総務課
    status: 継続
    indicators:
      - { id: t1, name: 利用者数, unit: 人, direction: up, baseline: { year: 2023, value: 1 }, targets: {} }
initiatives:
  - id: t1
    name: 取組A
    rows:
      - { project: j1, schedule: { 2024: [], 2025: [], 2026: [] } }
budget: []
`;
    const where = (line: number, col: number) => `${M1}:${line}:${col}`;
    const used = (id: string, at: string) =>
      `error duplicate ID「${id}」は ${at} でも使われています。IDは計画全体で重ならないようにしてください`;
    expect(check({ measures: [measure(body)] })).toEqual([
      `${where(8, 11)} ${used('j1', where(10, 9))}`,
      `${where(17, 9)} ${used('t1', where(15, 15))}`,
    ]);
  });
});

describe('rows and 事業費 rows of a 施策', () => {
  const projects = `projects:
  - { id: j1, name: 事業A, department: 総務課, status: 継続 }
  - { id: j2, name: 事業B, department: 総務課, status: 継続 }
`;
  const years = 'schedule: { 2024: [], 2025: [], 2026: [] }';

  it('names every defined 事業ID when a row uses an undefined one', () => {
    const body = `${projects}rows:
  - { project: j1, ${years} }
  - { project: j2, ${years} }
  - { project: j9, ${years} }
budget: []
`;
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:13:16 error undefined-project 事業ID「j9」はこの施策の projects（事業）に定義されていません（定義されている事業ID: j1、j2）`,
    ]);
  });

  it('refuses a 事業 twice in one 取組, but takes it in two 取組', () => {
    const body = `${projects}initiatives:
  - id: t1
    name: 取組A
    rows:
      - { project: j1, ${years} }
      - { project: j1, ${years} }
  - id: t2
    name: 取組B
    rows:
      - { project: j1, ${years} }
      - { project: j2, ${years} }
budget: []
`;
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:15:20 error duplicate-row 取組「取組A」に事業ID「j1」の行が2つあります。1つの行にまとめてください`,
    ]);
  });

  it('refuses a 事業 twice in the rows of a 施策 without 取組, and a second 事業費 row', () => {
    const body = `${projects}rows:
  - { project: j1, ${years} }
  - { project: j2, ${years} }
  - { project: j2, ${years} }
budget:
  - { project: j1, amounts: { 2024: 0, 2025: 0, 2026: 0 } }
  - { project: j1, amounts: { 2024: 0, 2025: 0, 2026: 0 } }
`;
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:13:16 error duplicate-row 事業ID「j2」の行が2つあります。1つの行にまとめてください`,
      `${M1}:16:16 error duplicate-budget 事業ID「j1」の事業費が2行あります。事業費は1事業につき1行です`,
    ]);
  });

  it('refuses both initiatives and rows, and neither, naming the rule', () => {
    const both = `${projects}initiatives:
  - { id: t1, name: 取組A, rows: [{ project: j1, ${years} }, { project: j2, ${years} }] }
rows:
  - { project: j1, ${years} }
budget: []
`;
    expect(check({ measures: [measure(both)] })).toEqual([
      `${M1}:12:1 error initiatives-and-rows この施策には initiatives（取組）と rows（行）の両方があります。取組があるなら行は各取組の rows に書き、取組がないなら initiatives を消してください`,
    ]);
    const neither = `projects:\n  - { id: j1, name: 事業A, department: 総務課, status: 継続 }\nbudget: []\n`;
    expect(check({ measures: [measure(neither)] })).toEqual([
      `${M1}:1:1 error no-rows 施策に事業の行がありません。initiatives（取組ごとの行）か、取組がなければ rows（施策の行）を書いてください`,
      `${M1}:8:11 warning unused-project 事業「事業A」は施策の行（rows）に使われていません`,
    ]);
  });

  it('warns of a 事業 no 取組 uses, with its rule', () => {
    const body = `${projects}initiatives:\n  - { id: t1, name: 取組A, rows: [{ project: j1, ${years} }] }\nbudget: []\n`;
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:9:11 warning unused-project 事業「事業B」はどの取組の行（rows）にも使われていません`,
    ]);
  });
});

describe('years of the period in schedules, amounts, targets and carriedOver', () => {
  it('lists every missing year of a schedule and of 事業費, each with its hint', () => {
    const body = BODY.replace('2024: [], 2025: [], 2026: []', '2024: []').replace(
      '2024: 1000, 2025: 2000, 2026: 0',
      '2025: 2000',
    );
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:13:34 error missing-year 2025年度、2026年度の事業計画がありません。計画期間（2024年度～2026年度）のすべての年度を書いてください（計画がない年度は [] と書きます）`,
      `${M1}:15:29 error missing-year 2024年度、2026年度の事業費がありません。計画期間（2024年度～2026年度）のすべての年度を書いてください（予算がない年度は 0 と書きます）`,
    ]);
  });

  it('refuses a year outside the period at its key, naming the rule', () => {
    const body = BODY.replace('2026: 0 }', '2026: 0, 2027: 5 }');
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:15:64 error year-outside-period 2027年度は計画期間（2024年度～2026年度）の外です。事業費は計画期間の年度だけ書いてください`,
    ]);
  });

  it('warns of each year copied by roll, naming the 取組, the 事業 of a row without 取組, and 事業費', () => {
    const inInitiative = BODY.replace('2026: [] } }', '2026: [] }, carriedOver: [2026] }').replace(
      '2026: 0 } }',
      '2026: 0 }, carriedOver: [2025, 2026] }',
    );
    expect(check({ measures: [measure(inInitiative)] })).toEqual([
      `${M1}:13:82 warning carried-over 2026年度の事業計画（取組A）は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください`,
      `${M1}:15:80 warning carried-over 2025年度の事業費は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください`,
      `${M1}:15:86 warning carried-over 2026年度の事業費は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください`,
    ]);
    const direct = `projects:
  - { id: j1, name: 事業A, department: 総務課, status: 継続 }
rows:
  - { project: j1, schedule: { 2024: [], 2025: [], 2026: [] }, carriedOver: [2025] }
budget: []
`;
    expect(check({ measures: [measure(direct)] })).toEqual([
      `${M1}:10:78 warning carried-over 2025年度の事業計画（事業A）は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください`,
    ]);
  });

  it('refuses a carriedOver year outside the period', () => {
    const body = BODY.replace('2026: [] } }', '2026: [] }, carriedOver: [2023] }');
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:13:82 error year-outside-period 2023年度は計画期間（2024年度～2026年度）の外です。carriedOver には計画期間の年度だけを書いてください`,
    ]);
  });

  it('refuses an indicator target outside the period, for a 施策 and a 事業, and warns of its copied years', () => {
    const body = `indicators:
  - id: i1
    name: 参加者数
    unit: 人
    direction: up
    baseline: { year: 2023, value: 40 }
    targets: { 2026: 50, 2030: 60 }
    carriedOver: [2026]
projects:
  - id: j1
    name: 事業A
    department: 総務課
    status: 継続
    indicators:
      - { id: i2, name: 講座数, unit: 回, direction: keep, baseline: { year: 2023, value: 4 }, targets: { 2023: 4, 2024: 4 } }
rows:
  - { project: j1, schedule: { 2024: [], 2025: [], 2026: [] } }
budget: []
`;
    const outside = (year: number) =>
      `error year-outside-period ${year}年度は計画期間（2024年度～2026年度）の外です。目標値は計画期間の年度だけ書いてください（計画期間の後の目標は final に）`;
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:13:26 ${outside(2030)}`,
      `${M1}:14:19 warning carried-over 2026年度の目標値（参加者数）は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください`,
      `${M1}:21:103 ${outside(2023)}`,
    ]);
  });

  it('takes a 参考 year just before the period', () => {
    const body = BODY.replace('2026: 0 } }', '2026: 0 }, reference: { 2023: 900 } }');
    expect(check({ measures: [measure(body)] })).toEqual([]);
  });

  it('refuses a 参考 year inside the period, naming the rule', () => {
    const body = BODY.replace('2026: 0 } }', '2026: 0 }, reference: { 2024: 900 } }');
    expect(check({ measures: [measure(body)] })).toEqual([
      `${M1}:15:79 error reference-in-period 参考の事業費（reference）は計画期間（2024年度～2026年度）より前の年度だけです。2024年度の金額は amounts に書きます`,
    ]);
  });
});

describe('財源内訳 (sources)', () => {
  const declared = plan('fundingSources: [{ id: national, name: 国庫支出金 }, { id: general, name: 一般財源 }]\n');
  const withSources = (sources: string) => measure(BODY.replace('2026: 0 } }', `2026: 0 }, sources: ${sources} }`));

  it('takes sources that add up to each year’s 事業費, none for a year of 0', () => {
    const sources = '{ 2024: { national: 400, general: 600 }, 2025: { general: 2000 } }';
    expect(check({ plan: declared, measures: [withSources(sources)] })).toEqual([]);
  });

  it('lists every year with money but no sources, with its 事業費 in 千円', () => {
    expect(check({ plan: declared, measures: [withSources('{ 2026: { general: 0 } }')] })).toEqual([
      `${M1}:15:66 error missing-sources 2024年度（事業費 1,000千円）、2025年度（事業費 2,000千円）の財源内訳がありません。事業費のある年度はすべて書いてください`,
    ]);
  });

  it('names the totals that do not add up, with thousands separators', () => {
    const sources = '{ 2024: { national: 400, general: 601 }, 2025: { general: 2000 } }';
    expect(check({ plan: declared, measures: [withSources(sources)] })).toEqual([
      `${M1}:15:77 error sources-do-not-add-up 2024年度の財源の合計（1,001千円）が事業費（1,000千円）と合いません`,
    ]);
  });

  it('refuses an undeclared 財源 and a year outside the period, at their keys', () => {
    const sources = '{ 2024: { kokko: 1000 }, 2025: { general: 2000 }, 2027: { general: 1 } }';
    expect(check({ plan: declared, measures: [withSources(sources)] })).toEqual([
      `${M1}:15:85 error unknown-funding-source 財源「kokko」は plan.yaml の fundingSources にありません（あるのは national、general）`,
      `${M1}:15:125 error year-outside-period 2027年度は計画期間（2024年度～2026年度）の外です。財源内訳は計画期間の年度だけ書いてください`,
    ]);
  });

  it('reports a year with sources but no 事業費 only as a missing 事業費 year', () => {
    const body = BODY.replace(
      '2026: 0 } }',
      '2026: 0 }, sources: { 2024: { general: 1000 }, 2025: { general: 2000 } } }',
    );
    const noAmount2025 = body.replace('2025: 2000, ', '');
    expect(check({ plan: declared, measures: [measure(noAmount2025)] })).toEqual([
      `${M1}:15:29 error missing-year 2025年度の事業費がありません。計画期間（2024年度～2026年度）のすべての年度を書いてください（予算がない年度は 0 と書きます）`,
    ]);
  });

  it('asks for fundingSources in plan.yaml first, naming the rule', () => {
    expect(check({ measures: [withSources('{ 2024: { general: 1000 } }')] })).toEqual([
      `${M1}:15:66 error undeclared-funding 財源内訳（sources）を書くには、plan.yaml に財源区分（fundingSources）を書いてください`,
    ]);
  });
});

describe('再掲 (repeatOf)', () => {
  const original = measure(BODY);
  const repeating = (project: string, budget = '[]') =>
    measure(
      `projects:\n  - ${project}\nrows:\n  - { project: j2, schedule: { 2024: [], 2025: [], 2026: [] } }\nbudget: ${budget}\n`,
      { id: 's02', number: 2 },
    );

  it('takes a 再掲 of another 施策’s 事業 without 担当課 or 区分, with no warning', () => {
    expect(check({ measures: [original, repeating('{ id: j2, name: 事業A, repeatOf: j1 }')] })).toEqual([]);
  });

  it('refuses a 再掲 of an unknown id, and a 再掲 with a 事業費 row, naming their rules', () => {
    const budget = '[{ project: j2, amounts: { 2024: 0, 2025: 0, 2026: 0 } }]';
    expect(check({ measures: [original, repeating('{ id: j2, name: 事業A, repeatOf: j9 }', budget)] })).toEqual([
      `${M2}:8:36 error bad-repeat 再掲元の事業ID「j9」はどの施策にもありません`,
      `${M2}:11:21 error repeat-with-budget 再掲の事業「事業A」に事業費の行があります。事業費は再掲元にだけ書きます（合計で2回数えないため）`,
    ]);
  });
});
