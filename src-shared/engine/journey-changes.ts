import { stepName, type Scalar } from '../flow';
import type { ConditionEnv } from './conditions';
import type { CompiledFlow } from './graph';
import type { EventRecord, JourneyData, JourneyInput, Millis, UserAction, UserProfile } from './types';

/**
 * The changes a journey undergoes, as mutations of a draft. The machine applies them to a copy
 * (`draft()`), the fast stepper in place: one implementation, two ways of sequencing it. What
 * each node kind does lives in its runtime (src-shared/flow/nodes/<kind>-runtime.ts), which
 * builds on these; this module imports no runtime, so runtimes can import it.
 */
export function initialData(input: JourneyInput, shareRecords = false): JourneyData {
  // `shareRecords`: the fast path's journeys on live records (see `JourneyInput.liveRecords`).
  const live = shareRecords && input.events ? input.events : null;
  return {
    journeyId: input.journeyId,
    flowId: input.flowId ?? '',
    time: input.time,
    profile: live ? input.profile : copyProfile(input.profile),
    events: live ?? (input.events ? [...input.events] : []),
    lastMessage: null,
    conversations: [],
    via: {},
    due: {},
    trace: [],
    messages: [],
    status: 'running',
    reason: null,
    cause: 'journey.start',
    inputMessage: null,
    explain: input.explain ?? true,
    converted: null,
  };
}

/** A profile that may be changed without touching `p` (its attributes, tags and segments are copied too). */
export function copyProfile(p: UserProfile): UserProfile {
  return { ...p, attributes: { ...p.attributes }, tags: [...p.tags], segments: [...p.segments] };
}

/** A copy that may be mutated without touching the original (XState contexts are immutable). */
export function draft(d: JourneyData): JourneyData {
  return {
    ...d,
    profile: copyProfile(d.profile),
    events: [...d.events],
    conversations: d.conversations.map((c) => ({ ...c })),
    via: { ...d.via },
    due: { ...d.due },
    trace: [...d.trace],
    messages: [...d.messages],
  };
}

/** Name of the machine event for a user action. */
export function inputEventName(a: UserAction): string {
  return a.type === 'message' ? 'user.messaged' : a.type === 'event' ? 'user.event' : a.type === 'page_visit' ? 'user.visited' : a.type === 'attribute' ? 'user.attribute' : a.type === 'tag' ? 'user.tagged' : 'user.segment';
}

/**
 * Applies what the user did to the journey's view of them: the input's time and name, the
 * message being handled, and (unless `records` is false: the journey reads the contact's live
 * records, already brought up to date, see `JourneyInput.liveRecords`) their profile and events.
 */
export function recordAction(d: JourneyData, a: UserAction, records = true): void {
  d.time = a.at;
  d.cause = inputEventName(a);
  d.inputMessage = null;
  if (a.type === 'message') {
    d.lastMessage = a.text;
    d.inputMessage = a.text;
  } else if (records) applyToProfile(d.profile, d.events, a);
}

/**
 * Applies one action to a contact's record (profile and event history): the user's own, which
 * journeys that start later copy (the preview's users and the runner's stored contacts alike),
 * and each journey's copy.
 */
export function applyToProfile(p: UserProfile, events: EventRecord[], a: UserAction): void {
  if (a.type === 'event') events.push({ name: a.name, at: a.at, properties: a.properties ?? {} });
  else if (a.type === 'page_visit') events.push({ name: 'page.visited', at: a.at, properties: { url: a.url, seconds: a.seconds } });
  else if (a.type === 'attribute') {
    if (a.value === null) delete p.attributes[a.name];
    else p.attributes[a.name] = a.value as Scalar;
  } else if (a.type === 'tag' || a.type === 'segment') {
    const list = a.type === 'tag' ? p.tags : p.segments;
    const item = a.type === 'tag' ? a.tag : a.segment;
    const i = list.indexOf(item);
    if (a.present && i < 0) list.push(item);
    if (!a.present && i >= 0) list.splice(i, 1);
  }
}

export function recordTick(d: JourneyData, at: Millis): void {
  d.time = at;
  d.cause = 'clock.tick';
  d.inputMessage = null;
}

export function step(d: JourneyData, node: string, outcome: string, why: string): void {
  d.trace.push({ t: d.time, node, event: d.cause, outcome, why });
}

/** A conversation as people read it: "the conversation of "Welcome" (Send message)", never its id. */
export function conversationName(flow: CompiledFlow, d: JourneyData, id: string): string {
  const opener = d.conversations.find((c) => c.id === id)?.nodeId;
  const at = opener === undefined ? undefined : flow.index.get(opener);
  return at === undefined ? 'an earlier conversation' : `the conversation of ${stepName(flow.nodes[at]!)}`;
}

/** Fills `{{ contact.x }}` variables from the profile. */
export function render(body: string, d: JourneyData, campaignName: string): string {
  return body.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (_m, name: string) => {
    if (name === 'campaign.name') return campaignName;
    const key = name.startsWith('contact.custom_attributes.') ? name.slice(26) : name.startsWith('contact.') ? name.slice(8) : name;
    const v = d.profile.attributes[key];
    if (v === undefined && key === 'name') return [d.profile.attributes.first_name, d.profile.attributes.last_name].filter((x) => x !== undefined).join(' ');
    return v === undefined ? '' : String(v);
  });
}

export function startWait(d: JourneyData, node: string, due: Millis | null, why: string): void {
  d.due[node] = due;
  step(d, node, 'waiting', why);
}

/** The journey is over: nothing waits any more. */
export function finish(d: JourneyData, status: 'ended' | 'exited', reason: string, node: string, why: string): void {
  close(d, status, reason);
  step(d, node, status, why);
}

/** {@link finish} without its step, for a stepper that records steps elsewhere (`StepBuffer`). */
export function close(d: JourneyData, status: 'ended' | 'exited', reason: string): void {
  d.due = {};
  d.status = status;
  d.reason = reason;
}

/** When the journey started: its first step (the trigger's), or now before it has one. */
export function enteredAt(d: JourneyData): Millis {
  return d.trace.length ? d.trace[0]!.t : d.time;
}

/** The earliest timer among waiting nodes, or null. */
export function nextDue(d: JourneyData): Millis | null {
  let best: Millis | null = null;
  for (const k in d.due) {
    const t = d.due[k];
    if (t !== null && t !== undefined && (best === null || t < best)) best = t;
  }
  return best;
}

/** The view of the journey that conditions read; `message` is the user's message being handled. */
export function envOf(d: JourneyData, message: string | null = null): ConditionEnv {
  return { profile: d.profile, events: d.events, conversations: d.conversations, message, now: d.time };
}

/** The conversation opened by the closest upstream send on the path this journey took. */
export function closestConversation(d: JourneyData, nodeId: string): string | null {
  for (let cur = d.via[nodeId]; cur !== undefined; cur = d.via[cur]) {
    const c = d.conversations.find((x) => x.nodeId === cur);
    if (c) return c.id;
    if (cur === d.via[cur]) break;
  }
  return null;
}
