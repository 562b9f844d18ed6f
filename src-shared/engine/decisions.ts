import type { FlowNode, NodeOfKind } from '../flow';
import { describeCondition, formatDuration } from '../flow';
import { formatLocalTime } from '../time/format';
import { addDuration, cachedWindow, localInstant, nextOpening } from './calendar';
import { evaluateCondition, type ConditionEnv } from './conditions';
import type { CompiledFlow } from './graph';
import type { JourneyData, Millis } from './types';

/**
 * The decisions of each node kind, as pure functions of the journey data. The XState machine's
 * guards and actions and the fast stepper both call these, so they cannot disagree.
 */
export type Arrival =
  | { kind: 'complete'; handle: string; why: string }
  | { kind: 'wait'; due: Millis | null; why: string }
  | { kind: 'end'; why: string };

export function envOf(d: JourneyData, message: string | null = null): ConditionEnv {
  return { profile: d.profile, events: d.events, conversations: d.conversations, message, now: d.time };
}

/**
 * What a node does the moment one of its inbound edges fires. Instants in `why` read on the
 * flow's clock (the timezone of a rule is named beside it), as every text people read does.
 */
export function arrival(flow: CompiledFlow, d: JourneyData, node: FlowNode): Arrival {
  switch (node.type) {
    case 'trigger':
    case 'assign':
      return { kind: 'complete', handle: 'next', why: '' };
    case 'end':
      return { kind: 'end', why: d.explain ? 'end node: the whole journey ends' : '' };
    case 'filter': {
      const r = evaluateCondition(node.data.condition, envOf(d), d.explain);
      return { kind: 'complete', handle: r.matched ? 'match' : 'else', why: r.why };
    }
    case 'wait':
      return waitArrival(flow, d, node);
    case 'inbound-message': {
      const due = node.data.timeout ? addDuration(d.time, node.data.timeout, flow.doc.campaign.timezone) : null;
      if (!d.explain) return { kind: 'wait', due, why: '' };
      const what = node.data.condition ? describeCondition(node.data.condition) : 'any message';
      return { kind: 'wait', due, why: `waiting for ${what}${due === null ? '' : ` until ${formatLocalTime(due, flow.doc.campaign.timezone)}`}` };
    }
    case 'send': {
      const c = flow.doc.campaign;
      if (!c.businessHours || c.outsideBusinessHours === 'send_anyway') return { kind: 'complete', handle: 'next', why: d.explain ? 'sent' : '' };
      const tz = c.businessHours.timezone ?? c.timezone;
      const open = nextOpening(d.time, c.businessHours.intervals, tz);
      if (open === null || open <= d.time) return { kind: 'complete', handle: 'next', why: d.explain ? (open === null ? 'sent (business hours never open)' : `sent (business hours open, ${tz})`) : '' };
      return { kind: 'wait', due: open, why: d.explain ? `outside business hours (${tz}): held until ${formatLocalTime(open, c.timezone)}` : '' };
    }
  }
}

function waitArrival(flow: CompiledFlow, d: JourneyData, node: NodeOfKind<'wait'>): Arrival {
  const c = flow.doc.campaign;
  const w = node.data.wait;
  let due: Millis | null;
  // What is waited for, in words: built only when explaining (population runs do not).
  let what: () => string;
  switch (w.mode) {
    case 'duration':
      due = addDuration(d.time, w.duration, c.timezone);
      what = () => `${formatDuration(w.duration)} (${c.timezone})`;
      break;
    case 'until': {
      const tz = w.timezone ?? c.timezone;
      due = w.at ? localInstant(w.at, tz) : null;
      due = due === null ? d.time : Math.max(d.time, due);
      what = () => `${w.at?.replace('T', ' ')} (${tz})`;
      break;
    }
    case 'business_hours': {
      const tz = w.clock === 'user' ? d.profile.timezone : (c.businessHours?.timezone ?? c.timezone);
      due = c.businessHours ? nextOpening(d.time, c.businessHours.intervals, tz) : d.time;
      what = () => `business hours (${tz})`;
      break;
    }
    case 'time_of_day': {
      const tz = w.clock === 'user' ? d.profile.timezone : c.timezone;
      due = nextOpening(d.time, cachedWindow(w.from, w.to, w.days), tz);
      what = () => `${w.from}-${w.to}${w.days.length ? ` on ${w.days.join(',')}` : ''} (${tz})`;
      break;
    }
  }
  if (due !== null && due <= d.time) return { kind: 'complete', handle: 'next', why: d.explain ? `no wait: ${what()} already open` : '' };
  return { kind: 'wait', due, why: d.explain ? `waiting for ${what()}${due === null ? ' (never)' : ` until ${formatLocalTime(due, c.timezone)}`}` : '' };
}

/** The handle a waiting node completes with when its timer is due. */
export function timerHandle(node: FlowNode): string {
  return node.type === 'inbound-message' ? 'timeout' : 'next';
}

/** Whether a user's message completes a waiting inbound-message node. */
export function messageDecision(node: FlowNode, d: JourneyData, text: string): { matched: boolean; why: string } {
  if (node.type !== 'inbound-message') return { matched: false, why: '' };
  if (!node.data.condition) return { matched: true, why: d.explain ? `any message (seen '${text}')` : '' };
  return evaluateCondition(node.data.condition, envOf(d, text), d.explain);
}

/** The first global exit that matches now, with why. `message` is the input being handled, if any. */
export function globalExit(flow: CompiledFlow, d: JourneyData): { id: string; why: string } | null {
  const exits = flow.doc.campaign.globalExits;
  if (exits.length === 0) return null;
  // One view of the journey for all exits: nothing changes while they are checked.
  const env = envOf(d, d.inputMessage);
  for (const exit of exits) {
    const r = evaluateCondition(exit.condition, env, d.explain);
    if (r.matched) return { id: exit.id, why: d.explain ? `global exit${exit.name ? ` "${exit.name}"` : ''}: ${r.why}` : '' };
  }
  return null;
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
