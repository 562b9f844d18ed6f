import { forkPreview, mergePopulations, preparePopulation, previewJourney, replayUser, runPopulation, syntheticUser, type PopulationResult, type PopulationSpec } from '../../../src-shared/engine/index';
import { forecastInFlight, mergeForecasts } from '../../../src-shared/engine/in-flight-forecast';
import { moveCheck } from '../../../src-shared/engine/journey-move';
import type { FlowDocument } from '../../../src-shared/flow/index';
import type { SimulationRecord } from '../../db/simulation-records';
import { ENGINE_CHANNELS, UNKNOWN_RUN, type EngineCall, type EngineChannel, type EngineContract, type EngineMessage, type EngineResult, type PopulationView, type TimelineTable } from './engine-protocol';
import { createDrillDown, toPopulationView } from '../population/population-data';
import { mergeParts, partBuffers, toPart } from '../population/population-parallel';
import { combineRuns } from '../population/forecast-runs';
import { toPreviewView } from './preview-data';
import { decodeCall, type WireCall } from './flow-wire';

export type Post = (message: EngineMessage, transfer?: Transferable[]) => void;

export interface HandlerOptions {
  /** Users per slice: the worker lets messages (a cancel) in between slices. */
  sliceUsers?: number;
  /** Lets queued messages run; a macrotask in the worker, injectable for tests. */
  yieldNow?: () => Promise<void>;
  now?: () => number;
  /** Writes a saved run to the database (the simulation repository); without it `population.save` answers null. */
  saveRun?: (record: Omit<SimulationRecord, 'id' | 'createdAt'>) => Promise<number>;
}

interface HeldRun {
  doc: FlowDocument;
  spec: PopulationSpec;
  result: PopulationResult;
  drill: ReturnType<typeof createDrillDown>;
  /** A merged run's view as sent (its arrays copied: the sent ones move), until it is saved or released. */
  view?: PopulationView;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The engine worker's behaviour, free of the Worker API so it runs and is tested in Node: give
 * it each incoming call, it posts results, progress and errors. Population runs go in slices of
 * users (`preparePopulation(doc, spec).run({ from, to, signal })`, set up once) with a yield between slices, so a cancel sent
 * mid-run is seen; their traces stay here for drill-down and replay.
 */
export function createEngineHandler(post: Post, o: HandlerOptions = {}) {
  const slice = o.sliceUsers ?? 1000;
  const yieldNow = o.yieldNow ?? macrotask;
  const now = o.now ?? (() => performance.now());
  const runs = new Map<string, HeldRun>();
  const running = new Map<string, { aborted: boolean }>();
  /** Runs whose slices are running elsewhere: their flow and settings, for the merge. */
  const prepared = new Map<string, { doc: FlowDocument; spec: PopulationSpec }>();

  const held = (runId: string): HeldRun => {
    const run = runs.get(runId);
    if (!run) throw new Error(UNKNOWN_RUN);
    return run;
  };

  /** Keeps a finished run for drill-down and replay, and its view (arrays copied: the sent ones move) to combine or save. */
  const hold = (runId: string, doc: FlowDocument, spec: PopulationSpec, result: PopulationResult, view: PopulationView) =>
    runs.set(runId, { doc, spec, result, drill: createDrillDown(doc, spec, result), view: { ...view, timeline: copyTimeline(view.timeline) } });

  const handlers: { [C in EngineChannel]: (args: EngineContract[C]['args'], id: number) => EngineResult<C> | Promise<EngineResult<C>> } = {
    'preview.run': ({ doc, options }) => toPreviewView(previewJourney(doc, options), options.profile, options.script),
    'preview.fork': ({ doc, options, step, change }) => {
      const f = forkPreview(doc, options, step, change);
      const t = f.original.steps[step]?.t ?? change.at;
      const forkScript = [...options.script, { ...change, at: t }];
      return { original: toPreviewView(f.original, options.profile, options.script), fork: toPreviewView(f.fork, options.profile, forkScript), divergesAt: f.divergesAt, step, change: { ...change, at: t } };
    },
    'population.run': async ({ runId, doc, spec }, id) => {
      const signal = { aborted: false };
      running.set(runId, signal);
      const started = now();
      const parts: PopulationResult[] = [];
      const prepared = preparePopulation(doc, spec);
      try {
        for (let from = 0; from < spec.users; from += slice) {
          const to = Math.min(spec.users, from + slice);
          parts.push(prepared.run({ from, to, signal, progressEvery: Math.max(1, Math.floor(slice / 4)), onProgress: (done) => post({ id, kind: 'progress', done: from + done, total: spec.users }) }));
          await yieldNow();
          if (signal.aborted) break;
        }
      } finally {
        running.delete(runId);
      }
      const result = parts.length ? mergePopulations(parts) : prepared.run({ to: 0 });
      if (signal.aborted) result.cancelled = true;
      const view = toPopulationView(runId, doc, spec, result, now() - started);
      if (!result.cancelled) hold(runId, doc, spec, result, view);
      return view;
    },
    'population.slice': ({ doc, spec, from, to }, id) => {
      const result = runPopulation(doc, spec, { from, to, progressEvery: Math.max(1, Math.min(500, Math.floor((to - from) / 50))), onProgress: (done) => post({ id, kind: 'progress', done, total: to - from }) });
      return toPart(result).part;
    },
    'population.prepare': ({ runId, doc, spec }) => {
      prepared.set(runId, { doc, spec });
      return null;
    },
    'population.merge': ({ runId, parts, elapsedMs }) => {
      const run = prepared.get(runId);
      if (!run) throw new Error(`Population run ${runId} was not prepared for merging.`);
      prepared.delete(runId);
      const { doc, spec } = run;
      const started = now();
      const result = mergeParts(parts);
      const view = toPopulationView(runId, doc, spec, result, elapsedMs + now() - started);
      hold(runId, doc, spec, result, view);
      return view;
    },
    'population.combine': ({ runIds, seeds }) => {
      const views = runIds.map((id) => {
        const view = held(id).view;
        if (!view) throw new Error(`Run ${id} has no view to combine (saved already, or not merged here).`);
        return view;
      });
      const { kept, spread } = combineRuns(views, seeds);
      return { kept, spread: { ...spread, timeline: { outcomes: spread.timeline.outcomes } } };
    },
    'population.save': ({ runId, record }) => {
      const run = held(runId);
      const view = run.view;
      if (!view) throw new Error(`Population run ${runId} has no view to save (saved already, or not merged here).`);
      // Everything is taken now, before a release queued behind this call lets the other runs go.
      const tables = record.forecast?.timeline.runIds.map((id) => {
        const table = runs.get(id)?.view?.timeline;
        if (!table) throw new Error(`Run ${id} of the forecast is no longer held; save before releasing it.`);
        return table;
      });
      if (!o.saveRun) return null;
      run.view = undefined;
      const { runId: _runId, fingerprint: _fingerprint, ...kept } = view;
      const { forecast, audience, ...meta } = record;
      return o.saveRun({
        ...meta,
        document: run.doc,
        spec: view.spec,
        view: kept,
        ...(forecast && tables ? { forecast: { ...forecast, timeline: { tables, outcomes: forecast.timeline.outcomes } } } : {}),
        ...(audience ? { audience } : {}),
      });
    },
    'population.cancel': ({ runId }) => {
      const signal = running.get(runId);
      if (signal) signal.aborted = true;
      return { cancelled: signal !== undefined };
    },
    'population.users': ({ runId, query }) => held(runId).drill(query),
    'population.replay': ({ runId, userIndex }) => {
      const run = held(runId);
      const user = syntheticUser(run.doc.campaign, run.spec, userIndex);
      return toPreviewView(replayUser(run.doc, run.spec, userIndex), user.profile, user.actions);
    },
    'population.release': ({ runId }) => {
      runs.delete(runId);
      prepared.delete(runId);
      return null;
    },
    'forecast.inFlight': ({ live, next, groups, days }) => {
      const started = now();
      const movable = [...new Set(groups.map((g) => g.nodeId))].filter((id) => moveCheck(live, next, id).ok);
      const stay = forecastInFlight(live, groups, { days });
      const staying = forecastInFlight(live, groups.filter((g) => !movable.includes(g.nodeId)), { days });
      const moving = forecastInFlight(next, groups.filter((g) => movable.includes(g.nodeId)), { days });
      return { stay, moved: mergeForecasts(staying, moving), movable, elapsedMs: now() - started };
    },
  };

  /** Takes each call as posted (flow documents as their text, see flow-wire.ts). */
  return async function handle(wire: WireCall): Promise<void> {
    if (!ENGINE_CHANNELS.includes(wire.channel)) return post({ id: wire.id, kind: 'error', message: `Unknown engine channel: ${String(wire.channel)}` });
    try {
      const call: EngineCall = decodeCall(wire);
      const handler = handlers[call.channel] as (args: unknown, id: number) => unknown;
      const result = await handler(call.args, call.id);
      post({ id: call.id, kind: 'result', result }, transferables(result));
    } catch (e) {
      post({ id: wire.id, kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
}

/** A timeline whose arrays are copies (the originals are moved to the main thread). */
function copyTimeline(t: TimelineTable): TimelineTable {
  const copy: TimelineTable = { ...t };
  for (const key of ['arrivals', 'waitStarts', 'waitEnds', 'edgeTimes'] as const) {
    const c = t[key];
    if (c) copy[key] = { times: c.times.slice(), offsets: c.offsets.slice() };
  }
  for (const key of ['entered', 'waiting', 'edges', 'outcomes'] as const) {
    const a = t[key];
    if (a) copy[key] = a.slice();
  }
  return copy;
}

/** The typed arrays of a population view or part, moved rather than copied. */
function transferables(result: unknown): Transferable[] {
  const part = result as { traces?: { buf?: unknown } } | null;
  if (part?.traces?.buf instanceof Int32Array) return partBuffers(result as Parameters<typeof partBuffers>[0]);
  const timeline = (result as { timeline?: TimelineTable } | null)?.timeline;
  if (!timeline) return [];
  const columns = [timeline.arrivals, timeline.waitStarts, timeline.waitEnds, timeline.edgeTimes].flatMap((c) => (c ? [c.times, c.offsets] : []));
  return [...columns, timeline.entered, timeline.waiting, timeline.edges, timeline.outcomes].filter((a) => a instanceof Int32Array).map((a) => a.buffer as ArrayBuffer);
}
