import type { CompetitionKind, Limits, Problem, SubmissionFields } from './types';

const blank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const empty = (v: unknown): boolean => !Array.isArray(v) || v.length === 0;

/**
 * What a draft still lacks before it can be submitted, one entry per field. Drafts may be
 * incomplete; only `submit` asks this question.
 */
export function completenessProblems(
  kind: CompetitionKind,
  title: string,
  fields: SubmissionFields,
  limits: Limits,
  assetRoles: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const missing = (path: string, message: string) =>
    problems.push({ path, message, code: 'REQUIRED' });
  if (blank(title)) missing('title', 'title is required');
  if (kind === 'short_movie') {
    if (blank(fields.logline)) missing('logline', 'a logline is required');
    if (blank(fields.synopsis)) missing('synopsis', 'a synopsis is required');
    if (blank(fields.runtimeSeconds)) {
      missing('runtimeSeconds', 'the runtime is required');
    } else if (
      limits.maxRuntimeSeconds !== undefined &&
      (fields.runtimeSeconds as number) > limits.maxRuntimeSeconds
    ) {
      problems.push({
        path: 'runtimeSeconds',
        code: 'TOO_LONG',
        message: `the runtime is ${fields.runtimeSeconds} s; this competition allows at most ${limits.maxRuntimeSeconds} s`,
      });
    }
    if (blank(fields.language)) missing('language', 'the spoken language is required');
    if (blank(fields.credits)) missing('credits', 'credits are required');
    if (fields.rightsConfirmed !== true) {
      missing(
        'rightsConfirmed',
        'confirm that the team holds the rights to everything in the film',
      );
    }
    if (blank(fields.videoUrl) && !assetRoles.includes('video')) {
      missing('video', 'upload the film or give an https videoUrl');
    }
  } else {
    if (blank(fields.problem)) missing('problem', 'describe the problem the project tackles');
    if (empty(fields.sdgs)) missing('sdgs', 'name at least one Sustainable Development Goal');
    if (empty(fields.targetCountries)) missing('targetCountries', 'name at least one country');
    if (blank(fields.plan)) missing('plan', 'a plan is required');
    if (empty(fields.milestones)) missing('milestones', 'list at least one milestone');
    if (blank(fields.budgetUsd)) missing('budgetUsd', 'a budget in US dollars is required');
  }
  return problems;
}
