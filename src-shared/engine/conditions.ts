import type { AttributeOperator, ConditionGroup, PropertyCondition, Rule, Scalar } from '../flow';
import { describeComparison, durationSeconds } from '../flow';
import type { Conversation, EventRecord, Millis, UserProfile } from './types';

/** What a condition may look at, at one instant. */
export interface ConditionEnv {
  profile: UserProfile;
  events: readonly EventRecord[];
  conversations: readonly Conversation[];
  /** The message being looked at (inbound-message nodes, global exits on a message), or null. */
  message: string | null;
  now: Millis;
}

/** A rule's verdict and, when explaining, the values seen: "plan = 'trial' ✗ (seen 'pro')". */
export interface ConditionResult {
  matched: boolean;
  why: string;
}

/**
 * Evaluates a condition group. With `explain`, every rule is evaluated and described with the
 * values seen; without it, evaluation short-circuits and `why` is empty (population runs).
 *
 * @example evaluateCondition(filter.data.condition, env, true) // { matched: false, why: "plan = 'trial' ✗ (seen 'pro')" }
 */
export function evaluateCondition(group: ConditionGroup, env: ConditionEnv, explain: boolean): ConditionResult {
  if (!explain) return { matched: matchGroup(group, env), why: '' };
  return explainGroup(group, env);
}

/** {@link evaluateCondition}'s verdict without explanation and without a result object (population runs). */
export function conditionHolds(group: ConditionGroup, env: ConditionEnv): boolean {
  return matchGroup(group, env);
}

function matchGroup(group: ConditionGroup, env: ConditionEnv): boolean {
  if (group.rules.length === 0) return true;
  if (group.match === 'all') {
    for (const r of group.rules) if (!matchRule(r, env)) return false;
    return true;
  }
  for (const r of group.rules) if (matchRule(r, env)) return true;
  return false;
}

function matchRule(rule: Rule, env: ConditionEnv): boolean {
  return rule.type === 'group' ? matchGroup(rule, env) : holds(rule, env);
}

/**
 * One rule's verdict without explanation: the population path, which must not allocate a
 * result per rule. `leaf` gives the same verdict with the values seen (tested on random flows).
 */
function holds(rule: Exclude<Rule, ConditionGroup>, env: ConditionEnv): boolean {
  switch (rule.type) {
    case 'attribute':
      return compare(env.profile.attributes[rule.attribute], rule.operator, rule.value);
    case 'tag':
      return env.profile.tags.includes(rule.tag) === (rule.operator === 'has');
    case 'segment':
      return env.profile.segments.includes(rule.segment) === (rule.operator === 'in');
    case 'event':
      return countHolds(rule, eventCount(rule, env));
    case 'conversation':
      return env.conversations.some((c) => c.open) === (rule.operator === 'has_open');
    case 'message':
      return env.message !== null && messageMatches(rule.operator, rule.value, rule.caseSensitive, env.message);
  }
}

type EventRule = Extract<Rule, { type: 'event' }>;

/** How many of the user's events an event rule counts now. */
function eventCount(rule: EventRule, env: ConditionEnv): number {
  const since = rule.within ? env.now - durationSeconds(rule.within) * 1000 : -Infinity;
  let n = 0;
  for (const e of env.events) {
    if (e.name === rule.event && e.at >= since && e.at <= env.now && propertiesMatch(rule.properties, e.properties)) n++;
  }
  return n;
}

function countHolds(rule: EventRule, n: number): boolean {
  const want = rule.count.value;
  return rule.count.operator === 'at_least' ? n >= want : rule.count.operator === 'at_most' ? n <= want : n === want;
}

function explainGroup(group: ConditionGroup, env: ConditionEnv): ConditionResult {
  if (group.rules.length === 0) return { matched: true, why: 'no rules (everyone)' };
  const parts = group.rules.map((r) => (r.type === 'group' ? wrap(explainGroup(r, env)) : leaf(r, env, true)));
  const matched = group.match === 'all' ? parts.every((p) => p.matched) : parts.some((p) => p.matched);
  return { matched, why: parts.map((p) => p.why).join(group.match === 'all' ? ' and ' : ' or ') };
}

const wrap = (r: ConditionResult): ConditionResult => ({ matched: r.matched, why: `(${r.why})` });
const mark = (ok: boolean): string => (ok ? '✓' : '✗');
const show = (v: unknown): string => (v === undefined || v === null ? 'nothing' : typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** One rule's verdict with the values seen (previews); `holds` is the same verdict, unexplained. */
function leaf(rule: Exclude<Rule, ConditionGroup>, env: ConditionEnv, explain: boolean): ConditionResult {
  switch (rule.type) {
    case 'attribute': {
      const seen = env.profile.attributes[rule.attribute];
      const ok = compare(seen, rule.operator, rule.value);
      return { matched: ok, why: explain ? `${describeComparison(rule.attribute, rule.operator, rule.value)} ${mark(ok)} (seen ${show(seen)})` : '' };
    }
    case 'tag': {
      const has = env.profile.tags.includes(rule.tag);
      const ok = rule.operator === 'has' ? has : !has;
      return { matched: ok, why: explain ? `${rule.operator === 'has' ? 'tagged' : 'not tagged'} ${rule.tag} ${mark(ok)}` : '' };
    }
    case 'segment': {
      const inIt = env.profile.segments.includes(rule.segment);
      const ok = rule.operator === 'in' ? inIt : !inIt;
      return { matched: ok, why: explain ? `${rule.operator === 'in' ? 'in' : 'not in'} ${rule.segment} ${mark(ok)}` : '' };
    }
    case 'event': {
      const n = eventCount(rule, env);
      const ok = countHolds(rule, n);
      return { matched: ok, why: explain ? `did ${rule.event} ${rule.count.operator.replace('_', ' ')} ${rule.count.value}x ${mark(ok)} (seen ${n}x)` : '' };
    }
    case 'conversation': {
      const open = env.conversations.some((c) => c.open);
      const ok = rule.operator === 'has_open' ? open : !open;
      return { matched: ok, why: explain ? `${rule.operator === 'has_open' ? 'has' : 'has no'} open conversation ${mark(ok)}` : '' };
    }
    case 'message': {
      const ok = env.message !== null && messageMatches(rule.operator, rule.value, rule.caseSensitive, env.message);
      return { matched: ok, why: explain ? `message ${rule.operator.replace('_', ' ')} "${rule.value}" ${mark(ok)} (seen ${show(env.message)})` : '' };
    }
  }
}

/** Whether every property condition holds on an event's properties. */
export function propertiesMatch(conds: readonly PropertyCondition[], props: Record<string, Scalar>): boolean {
  for (const c of conds) if (!compare(props[c.property], c.operator, c.value)) return false;
  return true;
}

/** Compares a seen value with a rule's value; numbers compare as numbers, text case-insensitively for `contains`. */
export function compare(seen: Scalar | null | undefined, op: AttributeOperator, want: unknown): boolean {
  const present = seen !== undefined && seen !== null && seen !== '';
  switch (op) {
    case 'exists':
      return present;
    case 'not_exists':
      return !present;
    case 'equals':
      return present && String(seen) === String(want);
    case 'not_equals':
      return !present || String(seen) !== String(want);
    case 'contains':
      return present && String(seen).toLowerCase().includes(String(want).toLowerCase());
    case 'greater_than':
      return present && Number(seen) > Number(want);
    case 'less_than':
      return present && Number(seen) < Number(want);
    case 'in_list':
      if (!present || !Array.isArray(want)) return false;
      for (let i = 0; i < want.length; i++) if (String(want[i]) === String(seen)) return true;
      return false;
  }
}

const regexCache = new Map<string, RegExp | null>();

function messageMatches(op: 'contains' | 'not_contains' | 'matches' | 'equals', value: string, caseSensitive: boolean, text: string): boolean {
  if (op === 'matches') {
    const key = `${caseSensitive ? 's' : 'i'}:${value}`;
    let re = regexCache.get(key);
    if (re === undefined) {
      try {
        re = new RegExp(value, caseSensitive ? '' : 'i');
      } catch {
        re = null;
      }
      regexCache.set(key, re);
    }
    return re !== null && re.test(text);
  }
  const a = caseSensitive ? text : text.toLowerCase();
  const b = caseSensitive ? value : value.toLowerCase();
  if (op === 'equals') return a.trim() === b.trim();
  return op === 'contains' ? a.includes(b) : !a.includes(b);
}
