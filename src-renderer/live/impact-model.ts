import type { ForecastFigures, InFlightForecast, InFlightGroup } from '../../src-shared/engine/in-flight-forecast';
import { moveCheck, type MoveCheck } from '../../src-shared/engine/journey-move';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { LiveStats } from '../../src-shared/host/live-contract';
import type { SyncOptions } from '../../src-shared/sync/index';
import { inFlightRows } from './live-model';

/** One step of one revision with journeys in flight, and whether they can move to the new version. */
export interface ImpactRow {
  nodeId: string;
  label: string;
  revision: string;
  inFlight: number;
  inNewVersion: boolean;
  move: MoveCheck;
}

const UNREAD: MoveCheck = { ok: false, why: 'The live version could not be read, so nothing can be moved.' };

/**
 * The in-flight table of the publish panel: per revision and step, the journeys waiting there
 * and whether they may move to the same step of `next` (`moveCheck` against the live document).
 */
export function impactRows(live: FlowDocument | null, next: FlowDocument, byRevision: readonly LiveStats[], label: (id: string) => string): ImpactRow[] {
  return byRevision.flatMap((stats) => inFlightRows(next, stats, label).map((r) => ({ ...r, revision: stats.revision, move: live ? moveCheck(live, next, r.nodeId) : UNREAD })));
}

/** Journeys in flight per step, over every revision: what the forecast simulates. */
export function forecastGroups(rows: readonly ImpactRow[]): InFlightGroup[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.nodeId, (by.get(r.nodeId) ?? 0) + r.inFlight);
  return [...by].map(([nodeId, count]) => ({ nodeId, count }));
}

/** One step of the side-by-side forecast: what happens there if the journeys stay, and if they move. */
export interface ForecastRow {
  nodeId: string;
  label: string;
  stay: ForecastFigures;
  moved: ForecastFigures;
  /** Whether moving changes anything at this step. */
  differs: boolean;
}

const NONE: ForecastFigures = { sent: 0, exited: 0, completed: 0, waiting: 0 };
const same = (a: ForecastFigures, b: ForecastFigures) => Math.round(a.sent) === Math.round(b.sent) && Math.round(a.exited) === Math.round(b.exited) && Math.round(a.completed) === Math.round(b.completed) && Math.round(a.waiting) === Math.round(b.waiting);

/** Steps that send, end or hold a journey in either forecast: the new version's order, then steps only the live one has. */
export function forecastRows(stay: InFlightForecast, moved: InFlightForecast, docs: { live: Pick<FlowDocument, 'nodes'> | null; next: Pick<FlowDocument, 'nodes'> }, label: (id: string) => string): ForecastRow[] {
  const ids = [...docs.next.nodes.map((n) => n.id), ...(docs.live?.nodes.map((n) => n.id) ?? [])];
  const seen = new Set<string>();
  const rows: ForecastRow[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const a = stay.nodes[id] ?? NONE;
    const b = moved.nodes[id] ?? NONE;
    if (same(a, NONE) && same(b, NONE)) continue;
    rows.push({ nodeId: id, label: label(id), stay: a, moved: b, differs: !same(a, b) });
  }
  return rows;
}

/** A forecast figure as shown: whole contacts, "≈" when it was scaled from a sample. */
export function figure(n: number, sampled: boolean): string {
  const whole = Math.round(n);
  return sampled && whole > 0 ? `≈ ${whole}` : String(whole);
}

/** The steps chosen to move for the publish over `over` (a choice made over another revision is stale). */
export function chosenMoves(options: SyncOptions | undefined, over: string): ReadonlySet<string> {
  const m = options?.moveWaiting;
  return new Set(m && m.over === over ? m.nodes : []);
}

/** The sync option that sends the choice with the next publish over `over`. */
export function moveOption(over: string, nodes: Iterable<string>): Pick<SyncOptions, 'moveWaiting'> {
  return { moveWaiting: { over, nodes: [...new Set(nodes)].sort() } };
}
