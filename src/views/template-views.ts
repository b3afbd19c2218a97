// Which view each main template reads: the typed boundary between the views and templates/.
// Template authors find every value a template may use in these types (templates/README.md).
import type { DiffView } from './diff-view.ts';
import type { ExcerptView } from './excerpt-view.ts';
import type { PlanView } from './plan-view.ts';

export interface TemplateViews {
  /** templates/plan.hbs: the whole plan, or some of its 施策 (--measure). */
  readonly plan: PlanView;
  /** templates/excerpt.hbs: one 担当課's excerpt. */
  readonly excerpt: ExcerptView;
  /** templates/diff.hbs: the 新旧対照表. */
  readonly diff: DiffView;
}

export type TemplateName = keyof TemplateViews;
