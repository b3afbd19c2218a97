// plan.yaml's print settings (or the command line's) applied to the theme's page: the binding
// side's margin wide enough for a 2-hole punch, and duplex printing. Applied once per run, before
// anything is laid out, so that every document, the render cache key and the workers see them.
import type { PrintSettings } from '../data/plan-model.ts';
import type { Theme } from './theme.ts';

/** A 2-hole punch's holes sit 6.5 ± 1.5 mm from the edge and are 6 mm wide: 20 mm clears them. */
export const DEFAULT_BINDING_MARGIN_MM = 20;
const POINTS_PER_MM = 72 / 25.4;

/**
 * The theme with its left (binding) margin at least the binding margin, and duplex when asked
 * for: the wider of the theme's own margin and the binding margin wins, so a town's theme with
 * a wider margin keeps it.
 */
export function withPrintSettings(theme: Theme, settings: PrintSettings = {}): Theme {
  const binding = (settings.bindingMargin ?? DEFAULT_BINDING_MARGIN_MM) * POINTS_PER_MM;
  const { page } = theme;
  return {
    ...theme,
    page: {
      ...page,
      margin: { ...page.margin, left: Math.max(page.margin.left, binding) },
      ...(settings.duplex ? { duplex: true } : {}),
    },
  };
}
