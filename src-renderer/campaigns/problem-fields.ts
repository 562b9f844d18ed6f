import type { Problem } from '../../src-shared/flow/index';

/** Which form field a validation problem belongs to, by its JSON path; unplaced ones go to `general`. */
export function problemsByField<F extends string>(problems: readonly Problem[], fields: readonly (readonly [RegExp, F])[]): { byField: Partial<Record<F, string>>; general: Problem[] } {
  const byField: Partial<Record<F, string>> = {};
  const general: Problem[] = [];
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const hit = fields.find(([pattern]) => pattern.test(problem.path));
    if (!hit) general.push(problem);
    else byField[hit[1]] ??= problem.message;
  }
  return { byField, general };
}

export const LIVE_CHAT_FIELDS = [
  [/^\$\.campaign\.name/, 'title'],
  [/^\$\.campaign\.trigger\.urlPattern/, 'urlPattern'],
  [/^\$\.campaign\.trigger\.secondsOnPage/, 'timeOnPage'],
  [/^\$\.campaign\.businessHours/, 'businessHours'],
  [/^\$\.campaign\.timezone/, 'businessHours'],
  [/^\$\.campaign\.audience/, 'conditions'],
  [/^\$\.nodes\[\d+\]\.data\.body/, 'message'],
] as const;

export const ONE_OFF_FIELDS = [
  [/^\$\.campaign\.name/, 'title'],
  [/^\$\.campaign\.trigger\./, 'scheduledAt'],
  [/^\$\.campaign\.timezone/, 'scheduledAt'],
  [/^\$\.campaign\.audience/, 'labels'],
  [/^\$\.nodes\[\d+\]\.data\.body/, 'message'],
] as const;
