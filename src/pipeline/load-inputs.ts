// Loads what every document of a run shares: the templates (compiled), the theme beside them,
// and the theme's fonts. Used by build, diff, preview and the render workers alike.
import { glyphCoverage } from '../backends/glyph-coverage.ts';
import type { ValidateOptions } from '../data/validate.ts';
import { hasErrors, type Diagnosed, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { readFonts } from '../io/read-fonts.ts';
import { readTemplates } from '../io/read-templates.ts';
import { readTheme } from '../io/read-theme.ts';
import { Templates } from '../templates/engine.ts';
import type { RenderInputs } from './render-document.ts';

export interface InputDirs {
  readonly templatesDir: string;
  /** fonts/ beside the package when absent. */
  readonly fontsDir?: string;
  readonly cwd: string;
}

export async function loadRenderInputs(dirs: InputDirs): Promise<Diagnosed<RenderInputs | undefined>> {
  const [templateFiles, theme] = await Promise.all([
    readTemplates(dirs.templatesDir, dirs.cwd),
    readTheme(dirs.templatesDir, dirs.cwd),
  ]);
  const compiled = Templates.compile(templateFiles.sources);
  const diagnostics: Diagnostic[] = [...templateFiles.diagnostics, ...compiled.diagnostics, ...theme.diagnostics];
  if (!theme.value) return { value: undefined, diagnostics };
  const fonts = await readFonts(theme.value, dirs.fontsDir, dirs.cwd);
  diagnostics.push(...fonts.diagnostics);
  if (hasErrors(diagnostics) || !compiled.templates || !fonts.fonts) return { value: undefined, diagnostics };
  return {
    value: {
      templates: compiled.templates,
      templateSources: templateFiles.sources,
      theme: theme.value,
      fonts: fonts.fonts,
    },
    diagnostics,
  };
}

/**
 * How the data is validated for these templates: every text checked against the theme's fonts
 * (a character they lack would print as a blank box). Without inputs, no glyph check.
 */
export const validationFor = (inputs: RenderInputs | undefined): ValidateOptions =>
  inputs ? { glyphs: glyphCoverage(inputs.fonts, inputs.theme) } : {};
