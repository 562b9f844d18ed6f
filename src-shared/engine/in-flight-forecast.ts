import type { FlowDocument, FlowEdge } from '../flow';
import { runtimeOf } from '../flow/nodes/runtimes';
import { mixSeed } from '../random/prng';
import { runUser } from './runner';
import { fastSteppers } from './steppers';
import { DEFAULT_START, syntheticUsers, type PopulationSpec } from './synth';
import type { UserAction } from './types';

/** Journeys in flight at one step (from the runner's figures). */
export interface InFlightGroup {
  nodeId: string;
  count: number;
}

/** What the journeys do from now on, per step of the version they run. */
export interface ForecastFigures {
  sent: number;
  /** Journeys that left the flow here (a global exit, the goal). */
  exited: number;
  /** Journeys that finished here (an End step, or nothing left to do). */
  completed: number;
  /** Still waiting here at the end of the horizon. */
  waiting: number;
}

export interface InFlightForecast {
  /** Per step id; steps with nothing to count are left out. */
  nodes: Record<string, ForecastFigures>;
  totals: ForecastFigures;
  /** Contacts simulated; fewer than the journeys when `sampleLimit` capped a step (figures are scaled). */
  simulated: number;
  journeys: number;
}

export interface ForecastOptions {
  /** Days simulated from now (default 14). */
  days?: number;
  seed?: number;
  /** Contacts simulated at most per step; larger groups are sampled and scaled (default 2000). */
  sampleLimit?: number;
  /** How synthetic contacts look and reply (the preview population's defaults otherwise). */
  spec?: Omit<PopulationSpec, 'users' | 'days' | 'seed' | 'start'>;
}

const ENTER = 'forecast.enter';
const zero = (): ForecastFigures => ({ sent: 0, exited: 0, completed: 0, waiting: 0 });

/**
 * `doc` with its start step leading straight to `nodeId`, entered by a private event, with no
 * audience and no entry limit: a contact entering it arrives at `nodeId` at once, as a journey
 * waiting there would be now. The steps before it are not replayed (their sends went already).
 */
export function startingAt(doc: FlowDocument, nodeId: string): FlowDocument {
  const start = doc.nodes.find((n) => runtimeOf(n).starts);
  if (!start) return doc;
  const first = doc.edges.find((e) => e.source === start.id);
  const edge: FlowEdge = { ...(first ?? { id: 'forecast-start', source: start.id, sourceHandle: 'next' }), id: 'forecast-start', target: nodeId } as FlowEdge;
  return {
    ...doc,
    campaign: { ...doc.campaign, trigger: { type: 'event', event: ENTER, properties: [] }, audience: null, entryFrequency: { type: 'every_time' } },
    edges: [...doc.edges.filter((e) => e.source !== start.id), edge],
  };
}

/**
 * The journeys in flight simulated forward on `doc`: each waiting contact is a synthetic contact
 * (attributes, replies and exits drawn as the population preview draws them, seeded) who arrives
 * now at the step it waits at. Time already spent waiting is not known here, so a timer starts
 * over; a contact waiting for a reply answers the message before that step with the preview's
 * reply chance and delay, counted from now. Same inputs, same result.
 *
 * @example forecastInFlight(r2, [{ nodeId: 'name-reply', count: 40 }], { days: 7 }).nodes['ask-email'].sent
 */
export function forecastInFlight(doc: FlowDocument, groups: readonly InFlightGroup[], o: ForecastOptions = {}): InFlightForecast {
  const days = o.days ?? 14;
  const limit = o.sampleLimit ?? 2000;
  const start = DEFAULT_START;
  const until = start + days * 86_400_000;
  const out: InFlightForecast = { nodes: {}, totals: zero(), simulated: 0, journeys: 0 };
  const add = (node: string, key: keyof ForecastFigures, n: number) => {
    (out.nodes[node] ??= zero())[key] += n;
    out.totals[key] += n;
  };
  for (const g of groups) {
    if (g.count <= 0 || !doc.nodes.some((n) => n.id === g.nodeId)) continue;
    const at = startingAt(doc, g.nodeId);
    const stepper = fastSteppers(at);
    const users = syntheticUsers(at.campaign, { ...o.spec, users: g.count, days, seed: mixSeed(o.seed ?? 1, idSeed(g.nodeId)), start });
    const n = Math.min(g.count, limit);
    const scale = g.count / n;
    const before = doc.edges.find((e) => e.target === g.nodeId && doc.nodes.find((x) => x.id === e.source)?.type === 'send')?.source;
    const awaitsReply = doc.nodes.find((x) => x.id === g.nodeId)?.type === 'inbound-message';
    for (let i = 0; i < n; i++) {
      const u = users(i);
      const actions: UserAction[] = u.actions.map((a) => (a.type === 'event' && a.name === ENTER ? { ...a, at: start } : a));
      if (awaitsReply && before) actions.push(...(u.onSend({ at: start, nodeId: before, channel: 'chat', body: '', sender: '', conversationId: '' }) ?? []));
      const run = runUser(at, { profile: u.profile, actions, from: start, until, explain: false, stepper, onSend: u.onSend, recordInputs: false });
      for (const j of run.journeys) {
        const d = j.data;
        for (const m of d.messages) add(m.nodeId, 'sent', scale);
        const last = d.trace.findLast((s) => s.node)?.node ?? g.nodeId;
        if (d.status === 'exited') add(last, 'exited', scale);
        else if (d.status === 'ended') add(last, 'completed', scale);
        else for (const w of Object.keys(d.due)) add(w, 'waiting', scale);
      }
    }
    out.simulated += n;
    out.journeys += g.count;
  }
  return out;
}

/** A step's own seed, so its contacts are drawn alike whichever other steps are simulated with it. */
function idSeed(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Two forecasts added up (journeys staying on one version, journeys moved to another). */
export function mergeForecasts(a: InFlightForecast, b: InFlightForecast): InFlightForecast {
  const out: InFlightForecast = { nodes: {}, totals: zero(), simulated: a.simulated + b.simulated, journeys: a.journeys + b.journeys };
  for (const f of [a, b]) {
    for (const [id, fig] of Object.entries(f.nodes)) {
      const to = (out.nodes[id] ??= zero());
      for (const k of Object.keys(fig) as (keyof ForecastFigures)[]) to[k] += fig[k];
    }
    for (const k of Object.keys(f.totals) as (keyof ForecastFigures)[]) out.totals[k] += f.totals[k];
  }
  return out;
}
