import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { HostApi } from '../../src-shared/host/contract';
import type { LiveFlow, LiveJourney, LiveJourneyState, LiveJourneySummary, LiveStats } from '../../src-shared/host/live-contract';
import { isOfflineError, syncError, type SyncError } from '../../src-shared/sync/sync-error';
import { flowFingerprint } from '../preview/flow-fingerprint';
import type { LiveCount, PreviewStore } from '../preview/preview-store';
import { liveJourneyView, liveOverlay, nextPollDelay, sameFigures } from './live-model';

/** Which runner and which flow on it Live mode shows. */
export interface LiveTarget {
  backend: string;
  flowId: string;
}

export type LiveAction = 'pause' | 'resume' | 'stop';

export interface LiveDrill {
  nodeId: string;
  /** `reached`: every contact with a step at the node; `at`: those waiting there or whose last step was there. */
  scope: 'reached' | 'at';
  state: LiveJourneyState | 'all';
  /** Cursors of the pages before this one (to go back), and this page's. */
  back: (string | undefined)[];
  cursor: string | undefined;
  status: 'loading' | 'ready' | 'error';
  rows: LiveJourneySummary[];
  nextCursor: string | null;
  error?: string;
}

export interface LiveState {
  target: LiveTarget | null;
  flow: LiveFlow | null;
  /** The revision chosen in the selector; null follows the one new journeys enter. */
  revision: string | null;
  stats: LiveStats | null;
  status: 'idle' | 'loading' | 'ready' | 'offline' | 'error';
  error: SyncError | null;
  /** When the next poll runs (ms since the epoch), for "retrying in 8 s". */
  nextPollAt: number | null;
  delay: number;
  drill: LiveDrill | null;
  journey: { status: 'loading' | 'ready' | 'error'; id: string; detail?: LiveJourney; error?: string } | null;
  controlling: { busy: LiveAction | null; error: string | null; stopped?: number };
  testing: { status: 'idle' | 'sending' | 'sent' | 'error'; contactId?: string; error?: string };

  start(target: LiveTarget): void;
  stop(): void;
  refreshNow(): void;
  setRevision(revision: string | null): void;
  openDrill(nodeId: string, count: LiveCount): void;
  setDrillState(state: LiveDrill['state']): void;
  drillPage(direction: 'next' | 'back'): void;
  closeDrill(): void;
  openJourney(id: string): Promise<void>;
  closeJourney(): void;
  control(action: LiveAction): Promise<void>;
  sendTest(contactId: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const thrown = (e: unknown): SyncError => syncError('network', `The app could not ask its host: ${message(e)}`);
const STATE_OF: Record<LiveCount, LiveDrill['state']> = { entered: 'all', active: 'running', exited: 'ended', failed: 'failed' };
export const LIVE_PAGE = 25;

export interface LiveStoreOptions {
  host: HostApi;
  preview: PreviewStore;
  /** The flow open in the editor (the canvas the figures are drawn on). */
  doc: () => FlowDocument;
}

/**
 * Live mode's state: polls the runner for the flow and its figures while started (2 s while they
 * move, backing off while they do not or while the runner is unreachable), hands the overlay to
 * the preview store so the canvas draws the population preview's badges, lists contacts at a
 * node, and opens one contact's real journey on the preview's timeline.
 */
export function createLiveStore({ host, preview, doc }: LiveStoreOptions): StoreApi<LiveState> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let drillSeq = 0;

  return createStore<LiveState>()((set, get) => {
    const lend = () => {
      const { stats } = get();
      preview.getState().setLive({ overlay: stats ? liveOverlay(doc(), stats) : null, openDrill: (nodeId, count) => get().openDrill(nodeId, count) });
    };

    const schedule = (delay: number) => {
      if (timer) clearTimeout(timer);
      const gen = generation;
      timer = setTimeout(() => void poll(gen), delay);
      set({ delay, nextPollAt: Date.now() + delay });
    };

    const poll = async (gen: number) => {
      const target = get().target;
      if (!target || gen !== generation) return;
      const fail = (error: SyncError) => {
        if (gen !== generation) return;
        set({ status: isOfflineError(error) ? 'offline' : 'error', error });
        schedule(nextPollDelay(get().delay, 'failed'));
      };
      try {
        const revision = get().revision ?? undefined;
        const [flow, stats] = await Promise.all([host.live.flow(target), host.live.stats({ ...target, ...(revision ? { revision } : {}) })]);
        if (gen !== generation) return;
        if (!flow.ok) return fail(flow.error);
        if (!stats.ok) return fail(stats.error);
        const changed = !sameFigures(get().stats, stats.stats) || get().flow?.status !== flow.flow.status;
        set({ flow: flow.flow, stats: stats.stats, status: 'ready', error: null });
        if (changed) lend();
        schedule(nextPollDelay(get().delay, changed ? 'changed' : 'unchanged'));
      } catch (e) {
        fail(thrown(e));
      }
    };

    const queryDrill = async () => {
      const d = get().drill;
      const target = get().target;
      if (!d || !target) return;
      const seq = ++drillSeq;
      set({ drill: { ...d, status: 'loading' } });
      const revision = get().revision ?? get().stats?.revision;
      try {
        const r = await host.live.journeys({ ...target, ...(d.scope === 'reached' ? { reached: d.nodeId } : { node: d.nodeId }), limit: LIVE_PAGE, ...(d.state === 'all' ? {} : { state: d.state }), ...(revision ? { revision } : {}), ...(d.cursor ? { cursor: d.cursor } : {}) });
        if (seq !== drillSeq || !get().drill) return;
        set({ drill: r.ok ? { ...get().drill!, status: 'ready', rows: r.journeys, nextCursor: r.nextCursor } : { ...get().drill!, status: 'error', error: r.error.message } });
      } catch (e) {
        if (seq === drillSeq && get().drill) set({ drill: { ...get().drill!, status: 'error', error: message(e) } });
      }
    };

    return {
      target: null,
      flow: null,
      revision: null,
      stats: null,
      status: 'idle',
      error: null,
      nextPollAt: null,
      delay: 2_000,
      drill: null,
      journey: null,
      controlling: { busy: null, error: null },
      testing: { status: 'idle' },

      start: (target) => {
        generation++;
        set({ target, status: 'loading', error: null, stats: null, flow: null, delay: 2_000 });
        lend();
        void poll(generation);
      },
      stop: () => {
        generation++;
        if (timer) clearTimeout(timer);
        timer = null;
        set({ nextPollAt: null });
        if (get().journey) get().closeJourney();
        preview.getState().setLive(null);
      },
      refreshNow: () => {
        if (!get().target) return;
        generation++;
        if (timer) clearTimeout(timer);
        set({ delay: 2_000, ...(get().status === 'ready' ? {} : { status: 'loading' as const }) });
        void poll(generation);
      },
      setRevision: (revision) => {
        set({ revision, stats: null, drill: null });
        lend();
        get().refreshNow();
      },
      openDrill: (nodeId, count) => {
        set({ drill: { nodeId, scope: count === 'entered' ? 'reached' : 'at', state: STATE_OF[count], back: [], cursor: undefined, status: 'loading', rows: [], nextCursor: null } });
        void queryDrill();
      },
      setDrillState: (state) => {
        const d = get().drill;
        if (!d) return;
        set({ drill: { ...d, state, back: [], cursor: undefined } });
        void queryDrill();
      },
      drillPage: (direction) => {
        const d = get().drill;
        if (!d) return;
        if (direction === 'next' && d.nextCursor) set({ drill: { ...d, back: [...d.back, d.cursor], cursor: d.nextCursor } });
        else if (direction === 'back' && d.back.length) set({ drill: { ...d, back: d.back.slice(0, -1), cursor: d.back.at(-1) } });
        else return;
        void queryDrill();
      },
      closeDrill: () => set({ drill: null }),
      openJourney: async (id) => {
        const target = get().target;
        if (!target) return;
        set({ journey: { status: 'loading', id } });
        try {
          const r = await host.live.journey({ backend: target.backend, journeyId: id });
          if (get().journey?.id !== id) return;
          if (!r.ok) return void set({ journey: { status: 'error', id, error: r.error.message } });
          set({ journey: { status: 'ready', id, detail: r.journey } });
          const d = doc();
          preview.getState().showExternalJourney({ view: liveJourneyView(d, r.journey), doc: d, fingerprint: flowFingerprint(d), title: `Contact ${r.journey.contactId}`, source: 'live' });
        } catch (e) {
          if (get().journey?.id === id) set({ journey: { status: 'error', id, error: message(e) } });
        }
      },
      closeJourney: () => {
        set({ journey: null });
        preview.getState().editScenario();
      },
      control: async (action) => {
        const { target, flow, stats, revision } = get();
        if (!target || !flow || get().controlling.busy) return;
        set({ controlling: { busy: action, error: null } });
        try {
          const r = await host.live.control({ ...target, action, revision: flow.revision });
          if (!r.ok) return void set({ controlling: { busy: null, error: r.error.message } });
          // Pausing and resuming write a new revision on the runner: keep showing the journeys on screen.
          set({ flow: r.flow, controlling: { busy: null, error: null, ...(r.stoppedJourneys !== undefined ? { stopped: r.stoppedJourneys } : {}) }, revision: revision ?? stats?.revision ?? null });
          get().refreshNow();
        } catch (e) {
          set({ controlling: { busy: null, error: message(e) } });
        }
      },
      sendTest: async (contactId) => {
        const target = get().target;
        if (!target || get().testing.status === 'sending') return;
        set({ testing: { status: 'sending' } });
        try {
          const r = await host.live.test({ ...target, ...(contactId.trim() ? { contactId: contactId.trim() } : {}) });
          set({ testing: r.ok ? { status: 'sent', contactId: r.contactId } : { status: 'error', error: r.error.message } });
        } catch (e) {
          set({ testing: { status: 'error', error: message(e) } });
        }
      },
    };
  });
}

export type LiveStore = StoreApi<LiveState>;
