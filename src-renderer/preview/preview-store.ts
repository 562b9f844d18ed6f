import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PopulationSpec, UserAction, UserProfile } from '../../src-shared/engine/index';
import type { FlowDocument } from '../../src-shared/flow/index';
import { audienceSpec, type AudienceModel } from '../../src-shared/forecast/index';
import { derivedAudience } from './population/derived-audience';
import type { SavedPreviewRecord, SimulationRecord } from '../db/simulation-records';
import type { EngineClient } from './worker/engine-client';
import { UNKNOWN_RUN, type DrillOutcome, type DrillPage, type ForkView, type PopulationView, type PreviewView } from './worker/engine-protocol';
import { flowFingerprint, rememberFingerprint } from './flow-fingerprint';
import { journeyFrame, lastStep, type JourneyFrame } from './journey/journey-frame';
import { runAcrossWorkers, RunCancelled } from './population/population-parallel';
import { forecastSeeds, type ForecastSpread } from './population/forecast-runs';
import { bucketTime, journeyOverlay, populationOverlay, type CanvasOverlay } from './overlay-model';
import { instantOf, PRESET_USERS, scriptProblems, toActions, triggerScript, type ScriptItem } from './journey/script-model';
import { diffSteps, type StepDiff } from './saved/step-diff';
import { afterNextFrame, nextTask } from './next-task';
import { branchSteps } from './population/branch-steps';
import { flowLabels } from './flow-labels';
import { formatCount } from './preview-format';

export type PreviewTab = 'journey' | 'population' | 'saved';

/** A journey on screen: a scripted preview, a population user replayed, or a saved preview re-run. */
export interface ShownJourney {
  view: PreviewView;
  /** The flow it ran on (edges for the canvas; staleness). */
  doc: FlowDocument;
  fingerprint: string;
  title: string;
  source: 'scenario' | 'population' | 'saved' | 'live';
}

export type Status<T> = { status: 'idle' } | { status: 'running' } | { status: 'error'; message: string } | ({ status: 'ready' } & T);

export type PopulationState =
  | { status: 'idle' }
  | { status: 'running'; runId: string; done: number; total: number }
  | { status: 'cancelled'; done: number; total: number; /** Which of several runs was cancelled (`done`/`total` are its users). */ run?: { index: number; of: number } }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** One run: the only one, or the most typical of several (then `forecast` has their ranges). */
      view: PopulationView;
      doc: FlowDocument;
      fingerprint: string;
      savedId: number | null;
      /** Ranges over the runs; null for one run or a run re-opened from the database. */
      forecast?: ForecastSpread | null;
      /** The audience the run drew (absent for runs saved before audiences). */
      audience?: AudienceModel;
      /** Why the run could not be saved to the database (it is still shown). */
      saveError?: string;
    };

export interface DrillState {
  nodeId: string;
  outcome: DrillOutcome;
  search: string;
  /** First row of the page shown (a multiple of the page size). */
  offset: number;
  status: 'loading' | 'preparing' | 'ready' | 'error';
  page: DrillPage | null;
  progress: number;
  message?: string;
}

export type PopulationSettings = Required<Pick<PopulationSpec, 'users' | 'days' | 'seed' | 'replyProbability' | 'replyDelayMinutes' | 'exitChance'>>;

export interface Regression {
  record: SavedPreviewRecord;
  diff: StepDiff;
}

/** What Live mode (src-renderer/live/) lends the canvas: the runner's figures and where a click on one goes. */
export interface LiveHook {
  overlay: CanvasOverlay | null;
  openDrill(nodeId: string, count: LiveCount): void;
}
/** The figure of a node a badge click lists contacts for. */
export type LiveCount = 'entered' | 'active' | 'exited' | 'failed';

export type EditorMode = 'edit' | 'preview' | 'live';

export interface PreviewState {
  mode: EditorMode;
  tab: PreviewTab;
  userKey: string;
  profile: UserProfile;
  script: ScriptItem[];
  /** False while the script is the trigger's default: it then follows the trigger as it is edited. */
  scriptEdited: boolean;
  days: number;
  journey: Status<{ shown: ShownJourney }>;
  cursor: number;
  frame: JourneyFrame | null;
  fork: Status<{ view: ForkView; side: 'original' | 'fork' }>;
  regression: Regression | null;
  settings: PopulationSettings;
  /** The audience population runs draw; null: the one derived from the flow at run time. */
  audience: AudienceModel | null;
  /** Seeded runs per forecast (medians and p5-p95 ranges when more than one). */
  runs: number;
  population: PopulationState;
  bucket: number;
  drill: DrillState | null;
  overlay: CanvasOverlay | null;
  live: LiveHook | null;

  setMode(mode: EditorMode): void;
  /** Live mode hands its overlay and drill-down here (null when it closes). */
  setLive(live: LiveHook | null): void;
  /** Shows a journey that did not run here (a real one from the runner) on the timeline and canvas. */
  showExternalJourney(shown: ShownJourney): void;
  setTab(tab: PreviewTab): void;
  pickUser(key: string): void;
  setProfile(profile: UserProfile): void;
  setScript(script: ScriptItem[]): void;
  setDays(days: number): void;
  resetScript(doc: FlowDocument): void;
  /** Re-derives an unedited script from the flow's trigger (it may have changed since). */
  followTrigger(doc: FlowDocument): void;
  runPreview(doc: FlowDocument): Promise<void>;
  editScenario(): void;
  seek(cursor: number): void;
  forkAt(doc: FlowDocument, step: number, change: UserAction): Promise<void>;
  showForkSide(side: 'original' | 'fork'): void;
  closeFork(): void;
  setSettings(settings: Partial<PopulationSettings>): void;
  setAudience(audience: AudienceModel | null): void;
  setRuns(runs: number): void;
  runPopulation(doc: FlowDocument): Promise<void>;
  cancelPopulation(): void;
  setBucket(bucket: number): void;
  openDrill(nodeId: string): void;
  setDrillFilter(filter: { outcome?: DrillOutcome; search?: string }): void;
  /** Shows the page of users starting at `offset` (clamped to the list). */
  setDrillPage(offset: number): void;
  closeDrill(): void;
  openUser(userIndex: number, label: string): Promise<void>;
  openSavedRun(record: SimulationRecord): void;
  savePreview(name: string): Promise<number | null>;
  checkSavedPreview(doc: FlowDocument, record: SavedPreviewRecord): Promise<void>;
  acceptRegression(): Promise<void>;
  dispose(): void;
}

/**
 * Where saved previews go (the simulation repository; a stub in tests). Given, population runs are
 * saved too: by the engine worker that holds them (`population.save`).
 */
export interface PreviewPersistence {
  savePreview(record: Omit<SavedPreviewRecord, 'id' | 'createdAt'>): Promise<number>;
  updatePreview(id: number, changes: Pick<SavedPreviewRecord, 'fingerprint' | 'document' | 'steps' | 'outcome'>): Promise<void>;
}

export interface PreviewStoreOptions {
  /** The main engine worker: previews, and population runs kept for drill-down and replay. */
  client: EngineClient;
  /** Opens a slice worker for a population run (one per core; closed when the run ends). */
  openWorker: () => EngineClient;
  /** Slice workers per run (at most; small runs use fewer). */
  workers: number;
  minUsersPerWorker?: number;
  persistence?: PreviewPersistence;
  /** The flow the editor opened (default script from its trigger). */
  doc: FlowDocument;
}

const DEFAULT_SETTINGS: PopulationSettings = { users: 10_000, days: 30, seed: 1, replyProbability: 0.3, replyDelayMinutes: 120, exitChance: 0.05 };
/** Five runs give a usable p5-p95 range for five times one run's work. */
const DEFAULT_RUNS = 5;
export const DRILL_PAGE = 50;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Preview mode's state for one open flow: the test user and script, the journey shown and its
 * cursor, a fork, population runs with their slider and drill-down, and the overlay the canvas
 * draws. All engine work goes through `client` (the worker); the flow is passed in per action.
 */
export function createPreviewStore({ client, openWorker, workers, minUsersPerWorker, persistence, doc: initialDoc }: PreviewStoreOptions): StoreApi<PreviewState> {
  let runSeq = 0;
  let drillSeq = 0;
  let cancelRun: (() => void) | null = null;
  /** A run split over the slice workers, merged and kept in the main worker. */
  const runParallel = (runId: string, doc: FlowDocument, spec: PopulationSpec, onProgress: (done: number, total: number) => void) => {
    const run = runAcrossWorkers({ primary: client, openWorker, workers, minUsersPerWorker, runId, doc, spec, onProgress });
    cancelRun = run.cancel;
    return run.result.finally(() => {
      if (cancelRun === run.cancel) cancelRun = null;
    });
  };
  const preset = PRESET_USERS[0]!;

  return createStore<PreviewState>()((set, get) => {
    /** Re-derives the frame and the canvas overlay after anything they depend on changed. */
    const refresh = () => {
      const s = get();
      const shown = shownJourney(s);
      const frame = shown ? journeyFrame(shown.doc, shown.view, s.cursor) : null;
      let overlay: CanvasOverlay | null = null;
      if (s.mode === 'preview' && s.tab === 'journey' && shown && frame) overlay = journeyOverlay(shown.doc, frame);
      if (s.mode === 'preview' && s.tab === 'population' && s.population.status === 'ready') overlay = populationOverlay(s.population.doc, s.population.view, s.bucket);
      if (s.mode === 'live') overlay = shown?.source === 'live' && frame ? journeyOverlay(shown.doc, frame) : (s.live?.overlay ?? null);
      set({ frame, overlay });
    };

    const showJourney = (shown: ShownJourney) => {
      set({ journey: { status: 'ready', shown }, cursor: lastStep(shown.view), fork: { status: 'idle' }, tab: 'journey' });
      refresh();
    };

    const options = (doc: FlowDocument) => {
      const { profile, script, days } = get();
      const from = doc.campaign.trigger.type === 'scheduled' ? undefined : instantOf(1, '00:00', profile.timezone);
      const start = from ?? (script.length ? Math.min(...toActions(script, profile.timezone).map((a) => a.at)) : instantOf(1, '00:00', profile.timezone));
      return { profile, script: toActions(script, profile.timezone), ...(from === undefined ? {} : { from }), until: start + days * 86_400_000 };
    };

    /** The runs' ranges and the most typical run, worked out by the worker holding them; the timelines are the views' own. */
    const combineInWorker = async (views: PopulationView[], seeds: number[]): Promise<{ kept: number; spread: ForecastSpread }> => {
      const { kept, spread } = await client.call('population.combine', { runIds: views.map((v) => v.runId), seeds });
      return { kept, spread: { ...spread, timeline: { tables: views.map((v) => v.timeline), outcomes: spread.timeline.outcomes } } };
    };

    const queryDrill = async () => {
      const s = get();
      const d = s.drill;
      if (!d || s.population.status !== 'ready') return;
      const seq = ++drillSeq;
      const { view, doc } = s.population;
      // The list is of the slider's instant, like the badge that opened it.
      const at = bucketTime(view, s.bucket);
      const ask = () => client.call('population.users', { runId: view.runId, query: { nodeId: d.nodeId, outcome: d.outcome, search: d.search, offset: d.offset, limit: DRILL_PAGE, at } });
      const current = () => seq === drillSeq && get().drill !== null;
      set({ drill: { ...d, status: 'loading' } });
      try {
        let page: DrillPage;
        try {
          page = await ask();
        } catch (e) {
          if (message(e) !== UNKNOWN_RUN) throw e;
          // A run re-opened from the database: its users are rebuilt (same seed, same result) first.
          if (current()) set({ drill: { ...get().drill!, status: 'preparing', progress: 0 } });
          await runParallel(view.runId, doc, view.spec, (done, total) => current() && set({ drill: { ...get().drill!, progress: done / total } }));
          page = await ask();
        }
        if (current()) set({ drill: { ...get().drill!, status: 'ready', page } });
      } catch (e) {
        if (current()) set({ drill: { ...get().drill!, status: 'error', message: message(e) } });
      }
    };

    return {
      mode: 'edit',
      tab: 'journey',
      userKey: preset.key,
      profile: structuredClone(preset.profile),
      script: triggerScript(initialDoc.campaign),
      scriptEdited: false,
      days: 30,
      journey: { status: 'idle' },
      cursor: 0,
      frame: null,
      fork: { status: 'idle' },
      regression: null,
      settings: DEFAULT_SETTINGS,
      audience: null,
      runs: DEFAULT_RUNS,
      population: { status: 'idle' },
      bucket: 0,
      drill: null,
      overlay: null,
      live: null,

      setMode: (mode) => {
        set({ mode });
        refresh();
      },
      setLive: (live) => {
        set({ live });
        refresh();
      },
      showExternalJourney: (shown) => showJourney(shown),
      setTab: (tab) => {
        set({ tab });
        refresh();
      },
      pickUser: (key) => {
        const user = PRESET_USERS.find((u) => u.key === key);
        if (user) set({ userKey: key, profile: structuredClone(user.profile) });
      },
      setProfile: (profile) => set({ profile, userKey: 'custom' }),
      setScript: (script) => set({ script, scriptEdited: true }),
      setDays: (days) => set({ days: Math.max(1, Math.min(365, Math.floor(days) || 1)) }),
      resetScript: (doc) => set({ script: triggerScript(doc.campaign), scriptEdited: false }),
      followTrigger: (doc) => {
        if (get().scriptEdited) return;
        const next = triggerScript(doc.campaign);
        const same = JSON.stringify(next.map(({ id: _id, ...rest }) => rest)) === JSON.stringify(get().script.map(({ id: _id, ...rest }) => rest));
        if (!same) set({ script: next });
      },

      runPreview: async (doc) => {
        get().followTrigger(doc);
        const problems = scriptProblems(get().script);
        if (problems.length) return void set({ journey: { status: 'error', message: problems[0]!.message } });
        set({ journey: { status: 'running' }, regression: null, fork: { status: 'idle' } });
        try {
          const view = await client.call('preview.run', { doc, options: options(doc) });
          showJourney({ view, doc, fingerprint: flowFingerprint(doc), title: `${String(get().profile.attributes['first_name'] ?? get().profile.id)}’s journey`, source: 'scenario' });
        } catch (e) {
          set({ journey: { status: 'error', message: message(e) } });
        }
      },
      editScenario: () => {
        set({ journey: { status: 'idle' }, fork: { status: 'idle' }, regression: null });
        refresh();
      },
      seek: (cursor) => {
        const shown = shownJourney(get());
        if (!shown) return;
        const next = Math.max(0, Math.min(shown.view.steps.length - 1, cursor));
        if (next === get().cursor) return;
        set({ cursor: next });
        refresh();
      },

      forkAt: async (doc, step, change) => {
        const j = get().journey;
        if (j.status !== 'ready') return;
        set({ fork: { status: 'running' } });
        try {
          const base = j.shown.source === 'scenario' ? options(doc) : { profile: j.shown.view.profile, script: j.shown.view.script };
          const view = await client.call('preview.fork', { doc: j.shown.doc, options: base, step, change });
          set({ fork: { status: 'ready', view, side: 'fork' }, cursor: Math.min(step + 1, view.fork.steps.length - 1) });
        } catch (e) {
          set({ fork: { status: 'error', message: message(e) } });
        }
        refresh();
      },
      showForkSide: (side) => {
        const f = get().fork;
        if (f.status !== 'ready') return;
        const steps = (side === 'fork' ? f.view.fork : f.view.original).steps.length;
        set({ fork: { ...f, side }, cursor: Math.min(get().cursor, steps - 1) });
        refresh();
      },
      closeFork: () => {
        const j = get().journey;
        set({ fork: { status: 'idle' }, cursor: j.status === 'ready' ? Math.min(get().cursor, j.shown.view.steps.length - 1) : 0 });
        refresh();
      },

      setSettings: (settings) => set({ settings: { ...get().settings, ...settings } }),
      setAudience: (audience) => set({ audience, ...(audience ? { settings: { ...get().settings, users: audience.size } } : {}) }),
      setRuns: (runs) => set({ runs: forecastSeeds(0, runs).length }),
      runPopulation: async (doc) => {
        if (get().population.status === 'running') return;
        const previous = get().population;
        if (previous.status === 'ready') void client.call('population.release', { runId: previous.view.runId }).catch(() => undefined);
        const runId = `run-${Date.now().toString(36)}-${++runSeq}`;
        const { settings } = get();
        const audience = get().audience ?? derivedAudience(doc, settings.users);
        const built = audienceSpec(audience, doc, { days: settings.days, seed: settings.seed });
        if (built.problems.length) return void set({ population: { status: 'error', message: `The audience does not fit this flow: ${built.problems.map((p) => p.message).join(' ')}` } });
        const spec: PopulationSpec = built.spec;
        const seeds = forecastSeeds(settings.seed, get().runs);
        const total = spec.users * seeds.length;
        set({ population: { status: 'running', runId, done: 0, total }, drill: null, overlay: get().tab === 'population' ? null : get().overlay });
        // While the workers run, the main thread works out what the summary reads per flow, so the result's task has less to do.
        void nextTask().then(() => {
          branchSteps(doc);
          flowLabels(doc);
        });
        let lastShown = 0;
        let before = 0;
        const views: PopulationView[] = [];
        try {
          for (const [i, seed] of seeds.entries()) {
            const id = i === 0 ? runId : `${runId}-${i}`;
            const view = await runParallel(id, doc, { ...spec, seed }, (done) => {
              // Progress arrives often (from every worker); a repaint per 0.5 % is plenty.
              const all = before + done;
              if (all !== total && all - lastShown < total / 200) return;
              lastShown = all;
              const p = get().population;
              if (p.status === 'running' && p.runId === runId) set({ population: { ...p, done: all, total } });
            });
            // The workers are done: the bench counts main-thread long tasks from here.
            if (i === seeds.length - 1) performance.mark('cs:population-result');
            views.push(view);
            before += spec.users;
          }
          // The task that received the last run (and copied it from the worker) ends here.
          await nextTask();
          const combined = views.length > 1 ? await combineInWorker(views, seeds) : null;
          const view = views[combined?.kept ?? 0]!;
          // Only the run shown stays in the worker (drill-down, replay); the others gave their counts (released below).
          if (view.fingerprint) rememberFingerprint(doc, view.fingerprint);
          const fingerprint = flowFingerprint(doc);
          set({ population: { status: 'ready', view, doc, fingerprint, savedId: null, forecast: combined?.spread ?? null, audience }, bucket: view.timeline.buckets - 1 });
          // The summary is drawn first; the canvas's badges and volumes in a frame of their own.
          await afterNextFrame();
          refresh();
          if (persistence) {
            const runsText = seeds.length > 1 ? ` · ${seeds.length} runs, seed ${view.spec.seed} shown` : '';
            const name = `${formatCount(spec.users)} users · ${spec.days} days · seed ${settings.seed}${runsText}`;
            // The worker holding the run writes it (with the flow it has): serialising it for IndexedDB here took ~150 ms on 5,000 steps.
            const forecast = combined ? { ...combined.spread, timeline: { runIds: views.map((v) => v.runId), outcomes: combined.spread.timeline.outcomes } } : undefined;
            const saving = client.call('population.save', { runId: view.runId, record: { flowId: doc.campaign.id, name, fingerprint, ...(forecast ? { forecast } : {}), audience } });
            // The forecast's other runs are let go once the save has them.
            for (const v of views) if (v !== view) void client.call('population.release', { runId: v.runId }).catch(() => undefined);
            // A run that could not be saved is still shown, and says so.
            const saved = await saving.then(
              (savedId) => ({ savedId }),
              (e: unknown) => ({ savedId: null, saveError: message(e) }),
            );
            const p = get().population;
            if ((saved.savedId !== null || 'saveError' in saved) && p.status === 'ready' && p.view === view) set({ population: { ...p, ...saved } });
          } else {
            for (const v of views) if (v !== view) void client.call('population.release', { runId: v.runId }).catch(() => undefined);
          }
        } catch (e) {
          for (const v of views) void client.call('population.release', { runId: v.runId }).catch(() => undefined);
          if (e instanceof RunCancelled) set({ population: { status: 'cancelled', done: e.done, total: spec.users, ...(seeds.length > 1 ? { run: { index: views.length + 1, of: seeds.length } } : {}) } });
          else set({ population: { status: 'error', message: message(e) } });
        }
      },
      cancelPopulation: () => {
        if (get().population.status === 'running') cancelRun?.();
      },
      setBucket: (bucket) => {
        if (bucket === get().bucket) return;
        set({ bucket });
        refresh();
        const d = get().drill;
        if (d) {
          // Users who had not reached the step by the new instant drop out: the page may shrink.
          set({ drill: { ...d, offset: 0 } });
          void queryDrill();
        }
      },

      openDrill: (nodeId) => {
        set({ drill: { nodeId, outcome: 'all', search: '', offset: 0, status: 'loading', page: null, progress: 0 }, tab: 'population' });
        void queryDrill();
      },
      setDrillFilter: (filter) => {
        const d = get().drill;
        if (!d) return;
        set({ drill: { ...d, ...filter, offset: 0 } });
        void queryDrill();
      },
      setDrillPage: (offset) => {
        const d = get().drill;
        if (!d) return;
        const last = d.page ? Math.max(0, Math.ceil(d.page.total / DRILL_PAGE) - 1) * DRILL_PAGE : 0;
        const next = Math.max(0, Math.min(last, Math.floor(offset / DRILL_PAGE) * DRILL_PAGE));
        if (next === d.offset) return;
        set({ drill: { ...d, offset: next } });
        void queryDrill();
      },
      closeDrill: () => set({ drill: null }),
      openUser: async (userIndex, label) => {
        const p = get().population;
        if (p.status !== 'ready') return;
        set({ journey: { status: 'running' }, tab: 'journey', fork: { status: 'idle' }, regression: null });
        refresh();
        try {
          const view = await client.call('population.replay', { runId: p.view.runId, userIndex });
          showJourney({ view, doc: p.doc, fingerprint: p.fingerprint, title: label, source: 'population' });
        } catch (e) {
          set({ journey: { status: 'error', message: message(e) } });
        }
      },
      openSavedRun: (record) => {
        const runId = `saved-${record.id ?? 0}-${++runSeq}`;
        set({ population: { status: 'ready', view: { ...record.view, runId }, doc: record.document, fingerprint: record.fingerprint, savedId: record.id ?? null, forecast: record.forecast ?? null, ...(record.audience ? { audience: record.audience } : {}) }, bucket: record.view.timeline.buckets - 1, drill: null, tab: 'population' });
        refresh();
      },

      savePreview: async (name) => {
        const j = get().journey;
        if (!persistence || j.status !== 'ready' || j.shown.source !== 'scenario') return null;
        const { profile, script, days } = get();
        const last = j.shown.view.journeys.at(-1);
        return persistence.savePreview({
          flowId: j.shown.doc.campaign.id,
          name: name.trim() || `${String(profile.attributes['first_name'] ?? profile.id)} · ${script.length} action${script.length === 1 ? '' : 's'}`,
          fingerprint: j.shown.fingerprint,
          document: j.shown.doc,
          profile,
          script,
          days,
          steps: j.shown.view.steps,
          outcome: last ? { status: last.status, reason: last.reason } : null,
        });
      },
      checkSavedPreview: async (doc, record) => {
        set({ profile: structuredClone(record.profile), script: structuredClone(record.script), days: record.days, userKey: 'custom', scriptEdited: true });
        await get().runPreview(doc);
        const j = get().journey;
        if (j.status === 'ready') set({ regression: { record, diff: diffSteps(record.steps, j.shown.view.steps) } });
      },
      acceptRegression: async () => {
        const r = get().regression;
        const j = get().journey;
        if (!r || !persistence || j.status !== 'ready' || r.record.id === undefined) return;
        const last = j.shown.view.journeys.at(-1);
        await persistence.updatePreview(r.record.id, { fingerprint: j.shown.fingerprint, document: j.shown.doc, steps: j.shown.view.steps, outcome: last ? { status: last.status, reason: last.reason } : null });
        set({ regression: null });
      },
      dispose: () => {
        cancelRun?.();
        client.dispose();
      },
    };
  });
}

/** The journey the canvas and timeline follow: a fork's chosen side, else the journey shown. */
export function shownJourney(s: Pick<PreviewState, 'journey' | 'fork'>): ShownJourney | null {
  if (s.journey.status !== 'ready') return null;
  const { shown } = s.journey;
  if (s.fork.status === 'ready') return { ...shown, view: s.fork.side === 'fork' ? s.fork.view.fork : s.fork.view.original };
  return shown;
}

export type PreviewStore = StoreApi<PreviewState>;
