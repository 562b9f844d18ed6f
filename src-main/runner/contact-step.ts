import type { FlowDocument } from '../../src-shared/flow';
import { FastJourney, persistJourney, restoreFastJourney, type PersistedJourney } from '../../src-shared/engine';
import { applyToProfile, closestConversation } from '../../src-shared/engine/journey-changes';
import { checkGoalAfterEnd } from '../../src-shared/engine/decisions';
import { entryDecision, triggerFires } from '../../src-shared/engine/entry';
import { compileFlow } from '../../src-shared/engine/graph';
import type { EventRecord, Millis, UserAction, UserProfile } from '../../src-shared/engine/types';

/**
 * What the runner does with one contact's input, without the database: the same sequence as
 * the preview's `runUser` (due timers first, then the action applied to the contact's record,
 * to every running journey in entry order, then entry into the flows it triggers), over
 * journeys restored from and persisted to plain values. The property test runs this against
 * `previewJourney` with a JSON round trip between inputs.
 *
 * Journeys step on the fast path (`FastJourney`, several times cheaper per step than restoring
 * an XState actor, which was most of the engine's share of a step's CPU) and are stored in the
 * machine's snapshot format, so previews, rewind and journeys stored earlier read them as ever.
 */

/** The contact's record: what journeys that start later copy, and its entries per flow. */
export interface ContactRecord {
  profile: UserProfile;
  events: EventRecord[];
  /** Per flow id: when the contact entered it (entry frequency counts them). */
  entries: Record<string, Millis[]>;
}

/** A published flow version new journeys enter with. */
export interface LiveFlow {
  flowId: string;
  revision: string;
  doc: FlowDocument;
}

/** One journey of the contact as stored: its persisted state, or the error that stopped it. */
export interface StoredJourney {
  /** The store's id; null for a journey created by this step. */
  id: string | null;
  flowId: string;
  revision: string;
  state: PersistedJourney | null;
  status: 'running' | 'ended' | 'exited' | 'failed';
  error: string | null;
  /** The Chatwoot conversation the journey started from, if any. */
  upstream: string | null;
}

/** A side effect a journey decided: sent through the outbox, keyed by (journey, node). */
export type Outbound =
  | { kind: 'message'; nodeId: string; conversation: string; opensConversation: boolean; followUp: boolean; channel: string; body: string; inbox: string | null }
  | { kind: 'assign'; nodeId: string; conversation: string | null; team: string | null; agent: string | null };

/** A journey during one step: its stepper (null once failed) and what it had before the step. */
export interface ActiveJourney {
  stored: StoredJourney;
  stepper: FastJourney | null;
  doc: FlowDocument | null;
  changed: boolean;
  /** Read already ended (for its conversion goal): the step can only convert it. */
  endedBefore: boolean;
  traceBefore: number;
  messagesBefore: number;
}

/** Looks up a flow version's document (journeys are pinned to theirs). */
export type DocLookup = (flowId: string, revision: string) => FlowDocument | null;

/** Restores a stored journey; an incompatible state marks it failed with the reason (never throws). */
export function activate(stored: StoredJourney, docs: DocLookup): ActiveJourney {
  const a: ActiveJourney = { stored, stepper: null, doc: null, changed: false, endedBefore: stored.status !== 'running', traceBefore: 0, messagesBefore: 0 };
  if (stored.status === 'failed' || !stored.state) return a;
  const doc = docs(stored.flowId, stored.revision);
  if (!doc) return fail(a, `Revision ${stored.revision} of flow "${stored.flowId}" is not stored any more.`);
  // (compileFlow keeps each document's compiled form: flow versions are cached documents.)
  const r = restoreFastJourney(doc, stored.revision, stored.state);
  if (!r.ok) return fail(a, r.error);
  a.stepper = r.stepper;
  a.doc = doc;
  a.traceBefore = r.stepper.data.trace.length;
  a.messagesBefore = r.stepper.data.messages.length;
  return a;
}

function fail(a: ActiveJourney, error: string): ActiveJourney {
  a.stored = { ...a.stored, status: 'failed', error };
  a.changed = true;
  return a;
}

/**
 * Whether the engine may step the journey: its row is running. A row ended from outside (a
 * stop, a deleted flow) keeps the state it had, which may still say running; it never steps.
 */
const steps = (j: ActiveJourney): boolean => !j.endedBefore;

/** Ticks every journey's timers due at or before `until`, earliest first (journeys in entry order). */
export function catchUp(journeys: ActiveJourney[], until: Millis): void {
  for (;;) {
    let due: Millis | null = null;
    for (const j of journeys) {
      const t = steps(j) ? (j.stepper?.nextDue() ?? null) : null;
      if (t !== null && t <= until && (due === null || t < due)) due = t;
    }
    if (due === null) return;
    for (const j of journeys) {
      if (j.stepper && steps(j) && j.stepper.nextDue() === due) {
        j.stepper.tick(due);
        j.changed = true;
      }
    }
  }
}

/**
 * Applies one action: to the contact's record, to each running journey, then starts a journey
 * in every live flow whose trigger it fires and whose audience and entry frequency allow it.
 * A journey that has already ended (or exited) is converted when the action meets its flow's
 * goal within the window, as the preview's `runUser` does (`checkGoalAfterEnd`).
 */
export function applyAction(contact: ContactRecord, journeys: ActiveJourney[], flows: readonly LiveFlow[], action: UserAction, upstream: string | null): void {
  applyToRecord(contact, action);
  for (const j of journeys) {
    if (!j.stepper) continue;
    if (!j.stepper.running) convertAfterEnd(j, contact, action);
    else if (steps(j)) {
      j.stepper.act(action);
      j.changed = true;
    }
  }
  for (const f of flows) {
    if (triggerFires(f.doc.campaign.trigger, action)) enterFlow(contact, journeys, f, action.at, upstream);
  }
}

/** The goal met after the journey ended: `converted` set, the journey written (no machine step). */
function convertAfterEnd(j: ActiveJourney, contact: ContactRecord, action: UserAction): void {
  const d = j.stepper!.data;
  if (!j.doc?.campaign.goal || d.converted !== null) return;
  checkGoalAfterEnd(j.stepper!.flow, d, contact.profile, contact.events, action.at, action.type === 'message' ? action.text : null);
  if (d.converted !== null) j.changed = true;
}

/**
 * A scheduled flow's time comes for the contact, as the preview's `runUser` makes it: timers due
 * before the instant fire first, then the contact enters `f` if its audience and entry
 * frequency allow it at that instant, then timers due at the instant fire.
 */
export function applyScheduled(contact: ContactRecord, journeys: ActiveJourney[], f: LiveFlow, at: Millis): void {
  catchUp(journeys, at - 1);
  enterFlow(contact, journeys, f, at, null);
  catchUp(journeys, at);
}

/**
 * Starts a journey of `f` for the contact at `at` if the flow's audience and entry frequency
 * allow it (the trigger has fired: an action, or the flow's scheduled time).
 */
export function enterFlow(contact: ContactRecord, journeys: ActiveJourney[], f: LiveFlow, at: Millis, upstream: string | null): boolean {
  const c = f.doc.campaign;
  const entries = (contact.entries[f.flowId] ??= []);
  if (!entryDecision(c, contact.profile, contact.events, at, entries, true).enters) return false;
  entries.push(at);
  const p = contact.profile;
  const stepper = new FastJourney(compileFlow(f.doc), {
    journeyId: `${p.id}:j${entries.length}`,
    flowId: c.id,
    time: at,
    // The journey copies the contact's records (initialData).
    profile: p,
    events: contact.events,
    explain: true,
  });
  stepper.start();
  const stored: StoredJourney = { id: null, flowId: f.flowId, revision: f.revision, state: null, status: 'running', error: null, upstream };
  journeys.push({ stored, stepper, doc: f.doc, changed: true, endedBefore: false, traceBefore: 0, messagesBefore: 0 });
  return true;
}

/** The stored form of a journey after the step. */
export function settle(j: ActiveJourney): StoredJourney {
  if (!j.stepper) return j.stored;
  const d = j.stepper.data;
  return { ...j.stored, state: persistJourney(j.stepper, j.stored.flowId, j.stored.revision), status: d.status };
}

/** What the step decided to send or do, from the messages and trace steps it added. */
export function outboundOf(j: ActiveJourney): Outbound[] {
  if (!j.stepper || !j.doc) return [];
  const d = j.stepper.data;
  const nodes = new Map(j.doc.nodes.map((n) => [n.id, n]));
  const out: Outbound[] = [];
  for (const m of d.messages.slice(j.messagesBefore)) {
    const n = nodes.get(m.nodeId);
    const conv = d.conversations.find((c) => c.id === m.conversationId);
    const followUp = n?.type === 'send' && n.data.conversation === 'follow_up';
    const inbox = (n?.type === 'send' ? n.data.inboxId : undefined) ?? j.doc.campaign.channelDefaults.inboxId ?? null;
    out.push({ kind: 'message', nodeId: m.nodeId, conversation: m.conversationId, opensConversation: conv?.nodeId === m.nodeId, followUp, channel: m.channel, body: m.body, inbox });
  }
  for (const s of d.trace.slice(j.traceBefore)) {
    const n = nodes.get(s.node);
    if (n?.type !== 'assign' || s.outcome === 'waiting') continue;
    const t = n.data.target;
    out.push({
      kind: 'assign',
      nodeId: n.id,
      conversation: closestConversation(d, n.id),
      team: t?.type === 'team' ? t.teamId : null,
      agent: t?.type === 'agent' ? t.agentId : null,
    });
  }
  return out;
}

/** The contact's own record, which journeys that start later copy (as `runUser` keeps it). */
export function applyToRecord(c: ContactRecord, a: UserAction): void {
  applyToProfile(c.profile, c.events, a);
}
