import { compileCampaignPattern } from '../campaigns/url-match';
import { zonedLocalToInstant } from '../time/zoned';
import type { CampaignSettings } from './campaign';
import type { ConditionGroup, Rule } from './conditions';
import type { FlowDocument } from './document';
import { conditionProblems } from './nodes/condition-checks';
import { durationSeconds, isKnownTimezone, minutesOfDay } from './primitives';
import type { NodeProblem, Problem } from './problems';

/** Problems in the campaign settings: `$.campaign…` paths. */
export function campaignProblems(doc: FlowDocument, now: Date): Problem[] {
  const c = doc.campaign;
  const out: Problem[] = [];
  const add = (severity: Problem['severity'], code: string, message: string, path: string) => out.push({ severity, code, message, path: `$.campaign${path}` });
  const addAll = (problems: NodeProblem[], base: string) => {
    for (const p of problems) out.push({ severity: p.severity, code: p.code, message: p.message, path: `$.campaign.${p.field ?? base}` });
  };

  if (!c.name.trim()) add('error', 'field.required', 'Give the campaign a name.', '.name');
  const tzOk = isKnownTimezone(c.timezone);
  if (!tzOk) add('error', 'timezone.unknown', `"${c.timezone}" is not a timezone this app knows (use a name like "Europe/Paris").`, '.timezone');

  if (c.businessHours) {
    const bh = c.businessHours;
    if (bh.timezone && !isKnownTimezone(bh.timezone)) add('error', 'timezone.unknown', `"${bh.timezone}" is not a timezone this app knows.`, '.businessHours.timezone');
    bh.intervals.forEach((iv, i) => {
      if (minutesOfDay(iv.open) >= minutesOfDay(iv.close)) {
        add('error', 'business-hours.empty-interval', `Opening hours on ${iv.day} close (${iv.close}) before they open (${iv.open}).`, `.businessHours.intervals[${i}].close`);
      }
    });
    if (bh.intervals.length === 0) add('warning', 'business-hours.never-open', 'Business hours are on but no opening hours are set, so it is never open.', '.businessHours.intervals');
  }

  const t = c.trigger;
  switch (t.type) {
    case 'segment_entered':
      if (!t.segment.trim()) add('error', 'field.required', 'Choose the segment whose new members enter.', '.trigger.segment');
      break;
    case 'event':
      if (!t.event.trim()) add('error', 'field.required', 'Name the event that makes users enter.', '.trigger.event');
      break;
    case 'page_visit':
      if (!t.urlPattern.trim()) add('error', 'field.required', 'Enter the URL pattern of the pages where this campaign shows.', '.trigger.urlPattern');
      else {
        const problem = urlPatternProblem(t.urlPattern);
        if (problem) add('error', 'trigger.invalid-url-pattern', problem, '.trigger.urlPattern');
      }
      break;
    case 'scheduled': {
      const tz = t.timezone ?? c.timezone;
      if (t.timezone && !isKnownTimezone(t.timezone)) add('error', 'timezone.unknown', `"${t.timezone}" is not a timezone this app knows.`, '.trigger.timezone');
      else if (!t.at) add('error', 'field.required', 'Choose when to send.', '.trigger.at');
      else if (tzOk || t.timezone) {
        const at = zonedLocalToInstant(t.at, tz);
        if (!at) add('error', 'datetime.invalid', `${t.at} is not a real date.`, '.trigger.at');
        else if (at.getTime() <= now.getTime() && c.status !== 'completed') {
          add('error', 'schedule.in-past', `${t.at.replace('T', ' ')} (${tz}) is in the past: a campaign cannot be sent back in time.`, '.trigger.at');
        }
      }
      break;
    }
  }

  if (c.kind === 'live-chat' && t.type !== 'page_visit') add('error', 'kind.trigger', 'A live-chat campaign starts from a page visit (URL pattern and time on page).', '.trigger.type');
  if (c.kind === 'one-off' && t.type !== 'scheduled') add('error', 'kind.trigger', 'A one-off campaign starts at a scheduled time.', '.trigger.type');
  if (c.kind === 'one-off' && c.entryFrequency.type !== 'once') add('warning', 'kind.frequency', 'A one-off campaign reaches each contact once; the entry frequency is ignored.', '.entryFrequency');

  if (c.audience) addAll(conditionProblems(c.audience, 'audience', { allowMessage: false }), 'audience');

  const exitIds = new Set<string>();
  c.globalExits.forEach((exit, i) => {
    const base = `globalExits[${i}]`;
    if (exitIds.has(exit.id)) add('error', 'exit.duplicate-id', `Two global exits share the id "${exit.id}".`, `.${base}.id`);
    exitIds.add(exit.id);
    if (exit.condition.rules.length === 0) {
      add('error', 'exit.always-matches', `Global exit ${exitName(exit, i)} has no rules, so it would remove every user the moment they enter.`, `.${base}.condition`);
      return;
    }
    addAll(conditionProblems(exit.condition, `${base}.condition`, { allowMessage: true }), `${base}.condition`);
    const why = contradiction(exit.condition);
    if (why) add('error', 'exit.never-matches', `Global exit ${exitName(exit, i)} can never match: ${why}.`, `.${base}.condition`);
  });
  if (c.goal) {
    if (c.goal.condition.rules.length === 0) add('error', 'goal.no-condition', 'The conversion goal has no condition: say what a converted contact does (an event, an attribute).', '.goal.condition');
    else addAll(conditionProblems(c.goal.condition, 'goal.condition', { allowMessage: true }), 'goal.condition');
    if (durationSeconds(c.goal.within) === 0) add('error', 'goal.zero-window', 'The conversion goal has a window of zero: nobody could convert.', '.goal.within.amount');
  }
  return out;
}

function exitName(exit: CampaignSettings['globalExits'][number], i: number): string {
  return exit.name ? `"${exit.name}"` : `#${i + 1}`;
}

/** Why a live-chat URL pattern cannot be used, or null (the widget's own rules: see campaigns/url-match). */
export function urlPatternProblem(pattern: string): string | null {
  const compiled = compileCampaignPattern(pattern);
  return compiled.ok ? null : compiled.reason;
}

/**
 * Why an `all` group can never be true (two of its rules contradict each other), or null.
 * Only direct leaf rules of `all` groups are compared; an `any` group fails only when every
 * branch fails.
 */
export function contradiction(group: ConditionGroup): string | null {
  if (group.match === 'any') {
    const reasons = group.rules.map((r) => (r.type === 'group' ? contradiction(r) : null));
    return group.rules.length > 0 && reasons.every(Boolean) ? reasons[0]! : null;
  }
  const leaves = group.rules.filter((r): r is Exclude<Rule, ConditionGroup> => r.type !== 'group');
  for (const g of group.rules) {
    if (g.type === 'group') {
      const inner = contradiction(g);
      if (inner) return inner;
    }
  }
  for (let i = 0; i < leaves.length; i++) {
    for (let j = i + 1; j < leaves.length; j++) {
      const why = clash(leaves[i]!, leaves[j]!) ?? clash(leaves[j]!, leaves[i]!);
      if (why) return why;
    }
  }
  return null;
}

function clash(a: Exclude<Rule, ConditionGroup>, b: Exclude<Rule, ConditionGroup>): string | null {
  if (a.type === 'tag' && b.type === 'tag' && a.tag === b.tag && a.operator !== b.operator) return `it needs tag "${a.tag}" both present and absent`;
  if (a.type === 'segment' && b.type === 'segment' && a.segment === b.segment && a.operator !== b.operator) return `it needs segment "${a.segment}" both in and not in`;
  if (a.type === 'conversation' && b.type === 'conversation' && a.operator !== b.operator) return 'it needs an open conversation and none at once';
  if (a.type === 'attribute' && b.type === 'attribute' && a.attribute === b.attribute) {
    const name = a.attribute;
    if (a.operator === 'exists' && b.operator === 'not_exists') return `${name} must be both set and not set`;
    if (a.operator === 'equals' && b.operator === 'equals' && a.value !== b.value) return `${name} cannot equal both ${String(a.value)} and ${String(b.value)}`;
    if (a.operator === 'equals' && b.operator === 'not_equals' && a.value === b.value) return `${name} must both equal and not equal ${String(a.value)}`;
    if (a.operator === 'not_exists' && b.operator !== 'not_exists' && b.operator !== 'not_equals') return `${name} must be unset yet compared`;
    if (a.operator === 'greater_than' && b.operator === 'less_than' && typeof a.value === 'number' && typeof b.value === 'number' && a.value >= b.value) {
      return `${name} cannot be greater than ${a.value} and less than ${b.value}`;
    }
  }
  return null;
}
