// One Handlebars environment for keikaku: compiles the templates of templates/ (plan.hbs and
// partials/*.hbs), renders a view model to markup, and turns every template mistake into a
// diagnostic naming the template file, line and column. Data text is always escaped.
import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Theme } from '../theme/theme.ts';
import { closeMarker, openMarker } from './source-markers.ts';
import type { TemplateName, TemplateViews } from '../views/template-views.ts';

export interface TemplateSource {
  /** Display path, e.g. `templates/partials/measure.hbs`. */
  readonly file: string;
  /** Template name: `plan`, or the partial name (`measure`). */
  readonly name: string;
  readonly partial: boolean;
  readonly text: string;
}

/** Helpers the templates may call; any other name is a compile error (knownHelpersOnly). */
const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  /** Text that may hold line breaks: escaped, each newline a <br>. */
  lines: (text: string | undefined) =>
    new Handlebars.SafeString(
      String(text ?? '')
        .split('\n')
        .map((l) => Handlebars.escapeExpression(l))
        .join('<br>'),
    ),
};

/**
 * Handlebars' own helpers that templates may not use: `lookup` reads any property by a computed
 * name and `log` writes to the console, neither documented for templates (templates/README.md).
 * Marked unknown, they are compile errors under knownHelpersOnly, like any other name.
 */
const FORBIDDEN_BUILT_INS = ['lookup', 'log'] as const;

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: {
    ...Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
    ...Object.fromEntries(FORBIDDEN_BUILT_INS.map((h) => [h, false])),
  },
  preventIndent: true,
};

type Rendered = { markup?: string; diagnostics: Diagnostic[] };

export class Templates {
  private constructor(
    private readonly env: typeof Handlebars,
    private readonly mains: ReadonlyMap<string, Handlebars.TemplateDelegate>,
  ) {}

  /** Compiles every template; a syntax error anywhere is reported with its place. */
  static compile(sources: readonly TemplateSource[]): { templates?: Templates; diagnostics: Diagnostic[] } {
    const env = Handlebars.create();
    for (const name of FORBIDDEN_BUILT_INS) env.unregisterHelper(name);
    for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, helper);
    const diagnostics: Diagnostic[] = [];
    const mains = new Map<string, Handlebars.TemplateDelegate>();
    for (const [index, source] of sources.entries()) {
      try {
        // precompile() parses and compiles now, so syntax errors surface here with their place.
        env.precompile(source.text, COMPILE_OPTIONS);
      } catch (error) {
        diagnostics.push(templateDiagnostic(source.file, error));
        continue;
      }
      const compiled = withPlace(source.file, index, env.compile(source.text, COMPILE_OPTIONS));
      if (source.partial) env.registerPartial(source.name, compiled);
      else mains.set(source.name, compiled);
    }
    if (diagnostics.length > 0) return { diagnostics };
    return { templates: new Templates(env, mains), diagnostics };
  }

  /**
   * Renders a main template with its view; the theme is reachable as `@theme` (its printed
   * words as `{{@theme.words.unit}}`).
   */
  render<K extends TemplateName>(name: K, view: TemplateViews[K], theme: Theme): Rendered {
    const template = this.mains.get(name);
    if (!template) {
      return {
        diagnostics: [
          {
            severity: 'error',
            file: `templates/${name}.hbs`,
            rule: 'template-missing',
            message: `テンプレート ${name}.hbs がありません`,
          },
        ],
      };
    }
    try {
      return { markup: template(view, { data: { theme }, allowProtoPropertiesByDefault: false }), diagnostics: [] };
    } catch (error) {
      const place = (error as { keikakuTemplate?: string }).keikakuTemplate ?? `templates/${name}.hbs`;
      return { diagnostics: [templateDiagnostic(place, error)] };
    }
  }
}

/**
 * Remembers, on an error thrown inside a template, which template file it was (the innermost
 * one); and marks the template's output with its index (source-markers.ts).
 */
function withPlace(file: string, index: number, template: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return `${openMarker(index)}${template(context, options)}${closeMarker(index)}`;
    } catch (error) {
      if (error && typeof error === 'object' && !('keikakuTemplate' in error))
        Object.assign(error, { keikakuTemplate: file });
      throw error;
    }
  };
}

interface HandlebarsError {
  message?: string;
  lineNumber?: number;
  column?: number;
  hash?: { loc?: { first_line?: number; first_column?: number } };
}

function templateDiagnostic(file: string, error: unknown): Diagnostic {
  const e = (error ?? {}) as HandlebarsError;
  const raw = String(e.message ?? error);
  const line = e.lineNumber ?? e.hash?.loc?.first_line ?? Number(/on line (\d+)/.exec(raw)?.[1] ?? NaN);
  const col = e.column !== undefined ? e.column + 1 : (e.hash?.loc?.first_column ?? 0) + 1;
  return {
    severity: 'error',
    file,
    ...(Number.isFinite(line) ? { line, col } : {}),
    rule: 'template',
    message: `テンプレートの誤り: ${explain(raw)}`,
  };
}

function explain(message: string): string {
  const first = message.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  let m: RegExpExecArray | null;
  if ((m = /^"(.+)" not defined in/.exec(first)))
    return `「${m[1]}」はデータにありません（綴りか、{{#each}} の中での位置を確かめてください）`;
  if ((m = /unknown helper (\S+)/.exec(first)))
    return `不明なヘルパー「${m[1]}」です（使えるヘルパー: ${Object.keys(HELPERS).join(', ')}）`;
  if ((m = /The partial (\S+) could not be found/.exec(first)))
    return `部分テンプレート「${m[1]}」が見つかりません（templates/partials/${m[1]}.hbs）`;
  if (/^Parse error/.test(first))
    return `Handlebars の書き方が正しくありません（${message.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim()}）`;
  if ((m = /^(\S+) doesn't match (\S+)/.exec(first)))
    return `{{#${m[2]}}} に対応する閉じタグが {{/${m[1]}}} になっています`;
  return first;
}
