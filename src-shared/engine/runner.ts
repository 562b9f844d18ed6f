import type { FlowDocument } from '../flow';
import { entryDecision, scheduledAt, triggerFires } from './entry';
import { compileFlow } from './graph';
import type { EventRecord, JourneyData, JourneyInput, Millis, SentMessage, UserAction, UserProfile } from './types';

/** One journey being stepped: by the XState machine or by the fast path (same semantics). */
export interface Stepper {
  readonly data: JourneyData;
  readonly running: boolean;
  start(): void;
  tick(at: Millis): void;
  act(action: UserAction): void;
  /** The earliest timer among waiting nodes, or null (nothing to wake up for). */
  nextDue(): Millis | null;
}

/** One input given to one journey (index into `journeys`): what rewind replays. */
export type JourneyInputRecord = { journey: number } & ({ kind: 'entry'; at: Millis } | { kind: 'tick'; at: Millis } | { kind: 'action'; action: UserAction });

export type StepperFactory = (input: JourneyInput) => Stepper;

export interface UserRunOptions {
  profile: UserProfile;
  /** What the user does, any order (sorted here, stably). */
  actions: readonly UserAction[];
  /** Simulated period: [from, until]. */
  from: Millis;
  until: Millis;
  explain: boolean;
  stepper: StepperFactory;
  /** Called with each message a journey sends; may return what the user does in response. */
  onSend?: (message: SentMessage) => UserAction[] | undefined;
}

export interface UserRun {
  journeys: Stepper[];
  /** Entry attempts the audience or entry frequency refused, with why. */
  refused: { at: Millis; why: string }[];
  /** External inputs processed, in order (ticks included), for replay and rewind. */
  inputs: JourneyInputRecord[];
}

/**
 * Runs one user through a campaign: entries (trigger, audience, entry frequency), then every
 * journey stepped through timers and the user's actions in time order. At one instant, due
 * timers go first (journeys in entry order), then the user's action, delivered to running
 * journeys before it may start a new one.
 */
export function runUser(doc: FlowDocument, o: UserRunOptions): UserRun {
  const c = compileFlow(doc).doc.campaign;
  const queue = [...o.actions].filter((a) => a.at >= o.from && a.at <= o.until).sort((a, b) => a.at - b.at);
  const run: UserRun = { journeys: [], refused: [], inputs: [] };
  const profile = { ...o.profile, attributes: { ...o.profile.attributes }, tags: [...o.profile.tags], segments: [...o.profile.segments] };
  const events: EventRecord[] = [];
  const entries: Millis[] = [];
  let scheduled = scheduledAt(c);
  if (scheduled !== null && (scheduled < o.from || scheduled > o.until)) scheduled = null;
  let qi = 0;
  /** Per journey: how many of its messages `onSend` has seen. */
  const seen: number[] = [];

  const enter = (at: Millis): void => {
    const d = entryDecision(c, profile, events, at, entries, o.explain);
    if (!d.enters) {
      run.refused.push({ at, why: d.why });
      return;
    }
    entries.push(at);
    // Copies: the user's record keeps changing after this journey starts.
    const snapshot = { ...profile, attributes: { ...profile.attributes }, tags: [...profile.tags], segments: [...profile.segments] };
    const j = o.stepper({ journeyId: `${profile.id}:j${entries.length}`, flowId: c.id, time: at, profile: snapshot, events: [...events], explain: o.explain });
    run.journeys.push(j);
    j.start();
    run.inputs.push({ kind: 'entry', at, journey: run.journeys.length - 1 });
    seen.push(0);
    after(j, run.journeys.length - 1);
  };
  const after = (j: Stepper, k: number): void => {
    const sent = j.data.messages;
    if (!o.onSend || sent.length === seen[k]) return;
    for (let i = seen[k]!; i < sent.length; i++) for (const a of o.onSend(sent[i]!) ?? []) insert(queue, qi, a);
    seen[k] = sent.length;
  };

  for (;;) {
    let due: Millis | null = null;
    for (const j of run.journeys) {
      const t = j.nextDue();
      if (t !== null && (due === null || t < due)) due = t;
    }
    if (scheduled !== null && (due === null || scheduled < due)) due = scheduled;
    const action = qi < queue.length ? queue[qi]! : null;
    if (due !== null && due <= o.until && (action === null || due <= action.at)) {
      if (due === scheduled) {
        scheduled = null;
        enter(due);
        continue;
      }
      run.journeys.forEach((j, k) => {
        if (j.nextDue() === due) {
          j.tick(due);
          run.inputs.push({ kind: 'tick', at: due, journey: k });
          after(j, k);
        }
      });
      continue;
    }
    if (!action) break;
    qi++;
    applyToProfile(profile, events, action);
    run.journeys.forEach((j, k) => {
      if (!j.running) return;
      j.act(action);
      run.inputs.push({ kind: 'action', action, journey: k });
      after(j, k);
    });
    if (triggerFires(c.trigger, action)) enter(action.at);
  }
  return run;
}

function insert(queue: UserAction[], from: number, a: UserAction): void {
  let i = queue.length;
  while (i > from && queue[i - 1]!.at > a.at) i--;
  queue.splice(i, 0, a);
}

/** The user's own record, which journeys that start later copy. */
function applyToProfile(p: UserProfile, events: EventRecord[], a: UserAction): void {
  if (a.type === 'event') events.push({ name: a.name, at: a.at, properties: a.properties ?? {} });
  else if (a.type === 'page_visit') events.push({ name: 'page.visited', at: a.at, properties: { url: a.url, seconds: a.seconds } });
  else if (a.type === 'attribute') {
    if (a.value === null) delete p.attributes[a.name];
    else p.attributes[a.name] = a.value;
  } else if (a.type === 'tag' || a.type === 'segment') {
    const list = a.type === 'tag' ? p.tags : p.segments;
    const item = a.type === 'tag' ? a.tag : a.segment;
    const i = list.indexOf(item);
    if (a.present && i < 0) list.push(item);
    if (!a.present && i >= 0) list.splice(i, 1);
  }
}
