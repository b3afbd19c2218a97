// Rules that span a file or several files: periods, references, the master list of 担当課,
// duplicate ids and numbers, and the values the seed itself lacks (warnings).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatPlace } from '../diagnostics/reporters.ts';
import { periodLabel, westernFiscalYear, yearsOf } from '../plan/fiscal-year.ts';
import type { DataPath, YamlSource } from './read-yaml.ts';
import type { DepartmentsFile, MeasureFile, PlanFile } from './schema.ts';
import { fileNameKey } from './text-rules.ts';

export interface Parsed<T> {
  readonly source: YamlSource;
  readonly data: T;
}

export interface ParsedFiles {
  readonly plan?: Parsed<PlanFile>;
  readonly departments?: Parsed<DepartmentsFile>;
  readonly measures: readonly Parsed<MeasureFile>[];
}

/** Plans longer than this are almost certainly a typo in a year. */
const MAX_PERIOD_YEARS = 10;

export function checkPlanFiles(files: ParsedFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const plan = files.plan;
  const periodOk = plan ? checkPeriod(plan, out) : false;
  if (plan) checkPolicyNumbers(plan, out);
  if (files.departments) checkDepartmentList(files.departments, out);

  const ids = new FirstSeen();
  const measureNumbers = new FirstSeen();
  for (const measure of files.measures) {
    const { source, data } = measure;
    ids.claim(
      data.id,
      source,
      ['id'],
      out,
      (where) => `ID「${data.id}」は ${where} でも使われています。IDは計画全体で重ならないようにしてください`,
    );
    measureNumbers.claim(
      `${data.policy}-${data.number}`,
      source,
      ['number'],
      out,
      (where) => `基本方針${data.policy}の施策${data.number}は ${where} にもあります。施策の番号が重なっています`,
    );
    if (plan) checkMeasurePlacement(plan.data, measure, out);
    checkProjects(measure, files.departments?.data, ids, out);
    checkInitiatives(measure, ids, out);
    if (plan && periodOk) checkYears(plan.data.period, measure, out);
  }
  return out;
}

function checkPeriod({ source, data }: Parsed<PlanFile>, out: Diagnostic[]): boolean {
  const { start, end } = data.period;
  if (end < start) {
    out.push(
      source.diagnostic('error', ['period', 'end'], 'bad-period', `最終年度（${end}）が初年度（${start}）より前です`),
    );
    return false;
  }
  if (end - start + 1 > MAX_PERIOD_YEARS) {
    out.push(
      source.diagnostic(
        'error',
        ['period', 'end'],
        'bad-period',
        `計画期間が${end - start + 1}年度あります。${MAX_PERIOD_YEARS}年度以内にしてください`,
      ),
    );
    return false;
  }
  return true;
}

function checkPolicyNumbers({ source, data }: Parsed<PlanFile>, out: Diagnostic[]): void {
  const policyNumbers = new FirstSeen();
  data.policies.forEach((policy, p) => {
    policyNumbers.claim(
      String(policy.number),
      source,
      ['policies', p, 'number'],
      out,
      (where) => `基本方針${policy.number}は ${where} にもあります。番号が重なっています`,
    );
    const basicNumbers = new FirstSeen();
    policy.basicMeasures.forEach((basic, b) => {
      basicNumbers.claim(
        String(basic.number),
        source,
        ['policies', p, 'basicMeasures', b, 'number'],
        out,
        (where) => `基本方針${policy.number}の基本施策${basic.number}は ${where} にもあります。番号が重なっています`,
      );
    });
  });
}

function checkDepartmentList({ source, data }: Parsed<DepartmentsFile>, out: Diagnostic[]): void {
  const seen = new FirstSeen();
  // Each name is a file name: two that differ only in case or Unicode form are one file on
  // Windows and macOS, so the second excerpt would overwrite the first.
  const files = new Map<string, string>();
  data.departments.forEach((name, i) => {
    const other = files.get(fileNameKey(name));
    if (other !== undefined && other !== name) {
      out.push(
        source.diagnostic(
          'error',
          ['departments', i],
          'file-name-collision',
          `担当課「${name}」と「${other}」は大文字・小文字などの違いしかなく、抜粋が同じファイル名になります。どちらかの名前を変えてください`,
        ),
      );
    }
    files.set(fileNameKey(name), other ?? name);
    seen.claim(
      name,
      source,
      ['departments', i],
      out,
      (where) => `担当課「${name}」は ${where} にもあります。1回だけ書いてください`,
    );
  });
}

function checkMeasurePlacement(plan: PlanFile, { source, data }: Parsed<MeasureFile>, out: Diagnostic[]): void {
  const policy = plan.policies.find((p) => p.number === data.policy);
  if (!policy) {
    const known = plan.policies.map((p) => p.number).join('、');
    out.push(
      source.diagnostic(
        'error',
        ['policy'],
        'unknown-policy',
        `基本方針${data.policy}は plan.yaml にありません（あるのは基本方針 ${known}）`,
      ),
    );
    return;
  }
  if (!policy.basicMeasures.some((b) => b.number === data.basicMeasure)) {
    const known = policy.basicMeasures.map((b) => b.number).join('、');
    out.push(
      source.diagnostic(
        'error',
        ['basicMeasure'],
        'unknown-basic-measure',
        `基本方針${policy.number}に基本施策${data.basicMeasure}はありません（あるのは基本施策 ${known}）`,
      ),
    );
  }
}

function checkProjects(
  { source, data }: Parsed<MeasureFile>,
  departments: DepartmentsFile | undefined,
  ids: FirstSeen,
  out: Diagnostic[],
): void {
  const known = departments ? new Set(departments.departments) : undefined;
  const used = new Set(data.initiatives.flatMap((i) => i.rows.map((r) => r.project)));
  data.projects.forEach((project, j) => {
    const at = (key?: string): DataPath => (key ? ['projects', j, key] : ['projects', j]);
    ids.claim(
      project.id,
      source,
      at('id'),
      out,
      (where) => `ID「${project.id}」は ${where} でも使われています。IDは計画全体で重ならないようにしてください`,
    );
    if (project.department === undefined) {
      out.push(
        source.diagnostic(
          'warning',
          at(),
          'missing-department',
          `事業「${project.name}」に担当課（department）がありません`,
        ),
      );
    } else if (known && !known.has(project.department)) {
      out.push(
        source.diagnostic(
          'error',
          at('department'),
          'unknown-department',
          `担当課「${project.department}」は departments.yaml の一覧にありません（一覧: ${[...known].join('、')}）`,
        ),
      );
    }
    if (project.status === undefined) {
      out.push(
        source.diagnostic(
          'warning',
          at(),
          'missing-status',
          `事業「${project.name}」に新規・継続（status）がありません`,
        ),
      );
    }
    if (!used.has(project.id)) {
      out.push(
        source.diagnostic(
          'warning',
          at('id'),
          'unused-project',
          `事業「${project.name}」はどの取組の行（rows）にも使われていません`,
        ),
      );
    }
  });
}

function checkInitiatives({ source, data }: Parsed<MeasureFile>, ids: FirstSeen, out: Diagnostic[]): void {
  const defined = new Set(data.projects.map((p) => p.id));
  const undefinedProject = (id: string) =>
    `事業ID「${id}」はこの施策の projects（事業）に定義されていません（定義されている事業ID: ${[...defined].join('、')}）`;

  /** A 事業ID used once in `seen`'s scope, and defined in projects. */
  const checkReference = (id: string, at: DataPath, seen: Set<string>, rule: string, duplicate: () => string) => {
    if (!defined.has(id)) out.push(source.diagnostic('error', at, 'undefined-project', undefinedProject(id)));
    else if (seen.has(id)) out.push(source.diagnostic('error', at, rule, duplicate()));
    seen.add(id);
  };
  data.initiatives.forEach((initiative, t) => {
    ids.claim(
      initiative.id,
      source,
      ['initiatives', t, 'id'],
      out,
      (where) => `ID「${initiative.id}」は ${where} でも使われています。IDは計画全体で重ならないようにしてください`,
    );
    const rowsSeen = new Set<string>();
    initiative.rows.forEach((row, r) =>
      checkReference(
        row.project,
        ['initiatives', t, 'rows', r, 'project'],
        rowsSeen,
        'duplicate-row',
        () => `取組「${initiative.name}」に事業ID「${row.project}」の行が2つあります。1つの行にまとめてください`,
      ),
    );
  });
  const budgeted = new Set<string>();
  data.budget.forEach((row, b) =>
    checkReference(
      row.project,
      ['budget', b, 'project'],
      budgeted,
      'duplicate-budget',
      () => `事業ID「${row.project}」の事業費が2行あります。事業費は1事業につき1行です`,
    ),
  );
}

/** Every year cell and amount must cover exactly the plan's fiscal years. */
function checkYears(period: PlanFile['period'], { source, data }: Parsed<MeasureFile>, out: Diagnostic[]): void {
  const years = yearsOf(period).map(String);
  const label = periodLabel(period);
  const check = (record: Record<string, unknown>, path: DataPath, what: string, emptyHint: string) => {
    for (const key of Object.keys(record)) {
      if (!years.includes(key)) {
        out.push(
          source.diagnostic(
            'error',
            [...path, key],
            'year-outside-period',
            `${westernFiscalYear(Number(key))}は計画期間（${label}）の外です。${what}は計画期間の年度だけ書いてください`,
            'key',
          ),
        );
      }
    }
    const missing = years.filter((y) => !Object.hasOwn(record, y));
    if (missing.length > 0) {
      out.push(
        source.diagnostic(
          'error',
          path,
          'missing-year',
          `${missing.map((y) => westernFiscalYear(Number(y))).join('、')}の${what}がありません。計画期間（${label}）のすべての年度を書いてください（${emptyHint}）`,
        ),
      );
    }
  };
  // A year copied by `keikaku roll` warns until a person confirms it by deleting the mark.
  const checkCarried = (carried: readonly number[] | undefined, path: DataPath, what: string) =>
    (carried ?? []).forEach((year, i) => {
      const at: DataPath = [...path, 'carriedOver', i];
      if (!years.includes(String(year))) {
        out.push(
          source.diagnostic(
            'error',
            at,
            'year-outside-period',
            `${westernFiscalYear(year)}は計画期間（${label}）の外です。carriedOver には計画期間の年度だけを書いてください`,
          ),
        );
      } else {
        out.push(
          source.diagnostic(
            'warning',
            at,
            'carried-over',
            `${westernFiscalYear(year)}の${what}は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください`,
          ),
        );
      }
    });
  data.initiatives.forEach((initiative, t) =>
    initiative.rows.forEach((row, r) => {
      check(row.schedule, ['initiatives', t, 'rows', r, 'schedule'], '事業計画', '計画がない年度は [] と書きます');
      checkCarried(row.carriedOver, ['initiatives', t, 'rows', r], `事業計画（${initiative.name}）`);
    }),
  );
  data.budget.forEach((row, b) => {
    check(row.amounts, ['budget', b, 'amounts'], '事業費', '予算がない年度は 0 と書きます');
    checkCarried(row.carriedOver, ['budget', b], '事業費');
  });
}

/** Remembers where each key was first seen, and reports every later occurrence with that place. */
class FirstSeen {
  private readonly places = new Map<string, string>();

  claim(
    key: string,
    source: YamlSource,
    path: DataPath,
    out: Diagnostic[],
    message: (firstPlace: string) => string,
  ): void {
    const first = this.places.get(key);
    if (first !== undefined) {
      out.push(source.diagnostic('error', path, 'duplicate', message(first)));
      return;
    }
    this.places.set(key, formatPlace({ file: source.file, ...source.locate(path) }));
  }
}
