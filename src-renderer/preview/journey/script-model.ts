import { TZDate } from '@date-fns/tz';
import type { UserAction, UserProfile } from '../../../src-shared/engine/index';
import type { CampaignSettings, Scalar } from '../../../src-shared/flow/index';

/** The first day of every preview: a Monday, so weekday rules read naturally. */
export const SCRIPT_START_DATE = { year: 2026, month: 10, day: 23 } as const;

export type ScriptKind = 'event' | 'message' | 'page_visit' | 'attribute' | 'tag' | 'segment';

/** One line of a test user's script, as the form edits it: on day `day` (1 = first) at `time` on the user's clock. */
export type ScriptItem = { id: string; day: number; time: string } & (
  | { kind: 'event'; name: string; properties: string }
  | { kind: 'message'; text: string }
  | { kind: 'page_visit'; url: string; seconds: number }
  | { kind: 'attribute'; name: string; value: string }
  | { kind: 'tag'; tag: string; present: boolean }
  | { kind: 'segment'; segment: string; present: boolean }
);

export const SCRIPT_KIND_LABELS: Record<ScriptKind, string> = {
  event: 'Performs an event',
  message: 'Sends a message',
  page_visit: 'Visits a page',
  attribute: 'Attribute changes',
  tag: 'Tag changes',
  segment: 'Segment changes',
};

export interface TestUser {
  key: string;
  label: string;
  profile: UserProfile;
}

/** Ready-made test users; the form edits a copy. */
export const PRESET_USERS: readonly TestUser[] = [
  { key: 'ada', label: 'Ada · trial · London', profile: { id: 'ada', attributes: { first_name: 'Ada', plan: 'trial', email: 'ada@example.com' }, tags: [], segments: [], timezone: 'Europe/London' } },
  { key: 'linus', label: 'Linus · trial · New York', profile: { id: 'linus', attributes: { first_name: 'Linus', plan: 'trial', email: 'linus@example.com' }, tags: ['beta'], segments: [], timezone: 'America/New_York' } },
  { key: 'grace', label: 'Grace · growth · Tokyo', profile: { id: 'grace', attributes: { first_name: 'Grace', plan: 'growth', email: 'grace@example.com' }, tags: [], segments: [], timezone: 'Asia/Tokyo' } },
];

/** "true"/"false" → boolean, numbers → number, anything else stays text. */
export function parseScalar(text: string): Scalar {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (t !== '' && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** "plan=trial, seats=3" → { plan: 'trial', seats: 3 }. */
export function parseProperties(text: string): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const part of text.split(',')) {
    const [k, ...v] = part.split('=');
    if (k?.trim()) out[k.trim()] = parseScalar(v.join('='));
  }
  return out;
}

/** The instant of day `day` (1-based) at `time` ("HH:MM") on the clock of `timezone`. */
export function instantOf(day: number, time: string, timezone: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const { year, month, day: d } = SCRIPT_START_DATE;
  return new TZDate(year, month, d + Math.max(1, Math.floor(day)) - 1, h || 0, m || 0, 0, timezone).getTime();
}

/** The script as engine actions, in time order. */
export function toActions(items: readonly ScriptItem[], timezone: string): UserAction[] {
  return items
    .map((item): UserAction => {
      const at = instantOf(item.day, item.time, timezone);
      switch (item.kind) {
        case 'event':
          return { type: 'event', at, name: item.name.trim(), properties: parseProperties(item.properties) };
        case 'message':
          return { type: 'message', at, text: item.text };
        case 'page_visit':
          return { type: 'page_visit', at, url: item.url, seconds: item.seconds };
        case 'attribute':
          return { type: 'attribute', at, name: item.name.trim(), value: item.value.trim() === '' ? null : parseScalar(item.value) };
        case 'tag':
          return { type: 'tag', at, tag: item.tag.trim(), present: item.present };
        case 'segment':
          return { type: 'segment', at, segment: item.segment.trim(), present: item.present };
      }
    })
    .sort((a, b) => a.at - b.at);
}

/** Problems that stop a script from running, one per line at fault. */
export function scriptProblems(items: readonly ScriptItem[]): { id: string; message: string }[] {
  const out: { id: string; message: string }[] = [];
  for (const i of items) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(i.time)) out.push({ id: i.id, message: 'Time must look like 09:30.' });
    else if (!(i.day >= 1 && i.day <= 365)) out.push({ id: i.id, message: 'Day must be between 1 and 365.' });
    else if (i.kind === 'event' && !i.name.trim()) out.push({ id: i.id, message: 'Name the event.' });
    else if (i.kind === 'attribute' && !i.name.trim()) out.push({ id: i.id, message: 'Name the attribute.' });
    else if (i.kind === 'tag' && !i.tag.trim()) out.push({ id: i.id, message: 'Name the tag.' });
    else if (i.kind === 'segment' && !i.segment.trim()) out.push({ id: i.id, message: 'Name the segment.' });
  }
  return out;
}

let idSeq = 0;
export const scriptItemId = () => `s${++idSeq}`;

/** A new line of the given kind, on the same day as the last one, an hour later. */
export function newScriptItem(kind: ScriptKind, after?: ScriptItem): ScriptItem {
  const day = after?.day ?? 1;
  const [h = 9, m = 0] = (after?.time ?? '08:00').split(':').map(Number);
  const time = `${String(Math.min(23, h + 1)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  const base = { id: scriptItemId(), day, time };
  switch (kind) {
    case 'event':
      return { ...base, kind, name: '', properties: '' };
    case 'message':
      return { ...base, kind, text: 'yes' };
    case 'page_visit':
      return { ...base, kind, url: 'https://example.com/pricing', seconds: 30 };
    case 'attribute':
      return { ...base, kind, name: 'plan', value: 'starter' };
    case 'tag':
      return { ...base, kind, tag: 'vip', present: true };
    case 'segment':
      return { ...base, kind, segment: 'active-users', present: true };
  }
}

/** What makes the campaign's trigger fire, on day 1 at 09:00 (nothing for scheduled campaigns). */
export function triggerScript(c: CampaignSettings): ScriptItem[] {
  const t = c.trigger;
  const base = { id: scriptItemId(), day: 1, time: '09:00' };
  if (t.type === 'event') {
    const props = t.properties.filter((p) => p.operator === 'equals' || p.operator === 'in_list').map((p) => `${p.property}=${String(Array.isArray(p.value) ? p.value[0] : p.value)}`);
    return [{ ...base, kind: 'event', name: t.event, properties: props.join(', ') }];
  }
  if (t.type === 'page_visit') return [{ ...base, kind: 'page_visit', url: t.urlPattern.replace(/\*/g, ''), seconds: t.secondsOnPage + 5 }];
  if (t.type === 'segment_entered') return [{ ...base, kind: 'segment', segment: t.segment, present: true }];
  return [];
}

/** One line in words, for the timeline and saved previews: "Day 2, 10:00 · sends “yes”". */
export function describeItem(item: ScriptItem): string {
  const when = `Day ${item.day}, ${item.time}`;
  switch (item.kind) {
    case 'event':
      return `${when} · does ${item.name || 'an event'}`;
    case 'message':
      return `${when} · sends “${item.text}”`;
    case 'page_visit':
      return `${when} · visits ${item.url}`;
    case 'attribute':
      return `${when} · ${item.name} = ${item.value || '(none)'}`;
    case 'tag':
      return `${when} · ${item.present ? 'gets' : 'loses'} tag ${item.tag}`;
    case 'segment':
      return `${when} · ${item.present ? 'enters' : 'leaves'} segment ${item.segment}`;
  }
}
