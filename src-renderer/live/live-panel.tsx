import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { LiveStats } from '../../src-shared/host/live-contract';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { usePreviewApi } from '../preview/preview-context';
import { percent } from '../preview/preview-format';
import { selectBackends } from '../sync/backends-store';
import { useBackends, useSyncHost } from '../sync/sync-context';
import { useFlowSync } from '../sync/use-flow-sync';
import { useNow } from '../ui/use-now';
import { LiveDrillList } from './live-drill';
import { LiveJourneyView } from './live-journey';
import { conversionLines } from './live-model';
import { createLiveStore, type LiveAction, type LiveState, type LiveStore, type LiveTarget } from './live-store';
import '../styles/live.css';

const selectDoc = (s: EditorState) => s.doc;

/** The runner this flow is live on: a delivery backend it was published to, else the first delivery backend (flows keep their id there). */
function useLiveTarget(): LiveTarget | null | undefined {
  const doc = useEditor(selectDoc);
  const views = useFlowSync(doc.campaign.id, doc);
  const backends = useBackends(selectBackends);
  return useMemo(() => {
    if (!backends || !views) return undefined;
    const runners = backends.filter((b) => b.connection.type === 'delivery');
    const published = views.find((v) => v.backend && v.record?.remoteId && runners.some((b) => b.name === v.backend));
    if (published) return { backend: published.backend!, flowId: published.record!.remoteId! };
    return runners[0] ? { backend: runners[0].name, flowId: doc.campaign.id } : null;
  }, [backends, views, doc.campaign.id]);
}

/** Live mode's side panel: where the flow runs, its figures' state, pause/resume, and the contacts drilled into. */
export function LivePanel() {
  const host = useSyncHost();
  const preview = usePreviewApi();
  const editor = useEditorApi();
  const [store] = useState(() => createLiveStore({ host, preview, doc: () => editor.getState().doc }));
  const target = useLiveTarget();
  const key = target ? `${target.backend}\u0000${target.flowId}` : '';
  useEffect(() => {
    if (!target) return;
    store.getState().start(target);
    return () => store.getState().stop();
    // The target object is rebuilt on every sync change; restart only when it names another flow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);

  return (
    <aside className="inspector preview-panel live-panel" aria-label="Live" data-testid="live-panel">
      <div className="preview-panel__scroll">
        {target === undefined ? null : target === null ? <NotLive /> : <LiveBody store={store} target={target} />}
      </div>
    </aside>
  );
}

function NotLive() {
  return (
    <div className="preview-empty" data-testid="live-not-published">
      <strong>This flow is not live anywhere yet.</strong>
      <p>Add a runner (a Delivery API backend) in Settings → Backends and publish the flow to it; real contacts then show here, step by step.</p>
    </div>
  );
}

const selectAll = (s: LiveState) => s;

function LiveBody({ store, target }: { store: LiveStore; target: LiveTarget }) {
  const s = useStore(store, selectAll);
  const doc = useEditor(selectDoc);
  const revisions = useMemo(() => (s.flow ? Array.from({ length: Number(s.flow.revision.slice(1)) }, (_, i) => `r${Number(s.flow!.revision.slice(1)) - i}`) : []), [s.flow]);
  const shown = s.stats?.revision ?? s.revision;
  const total = s.stats ? Object.values(s.stats.journeys).reduce((a, b) => a + b, 0) : 0;
  return (
    <>
      <section className="preview-section live-head">
        <div className="live-head__line">
          <h2 className="preview-section__title">Live on {target.backend}</h2>
          {s.flow && (
            <span className="preview-pill live-status" data-tone={s.flow.status === 'published' ? 'success' : s.flow.status === 'paused' ? 'warning' : 'neutral'} data-testid="live-flow-status">
              {s.flow.status === 'published' ? 'Running' : s.flow.status === 'paused' ? 'Paused' : 'Draft'}
            </span>
          )}
        </div>
        <label className="field live-revision">
          <span className="field__label">Revision</span>
          <select className="input" value={s.revision ?? ''} onChange={(e) => store.getState().setRevision(e.target.value || null)} data-testid="live-revision" disabled={!s.flow}>
            <option value="">{shown && s.revision === null ? `${shown} · the one new contacts enter` : 'The one new contacts enter'}</option>
            {revisions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <LiveStatusLine store={store} />
      </section>
      {s.journey ? (
        <LiveJourneyView store={store} />
      ) : s.drill ? (
        <LiveDrillList store={store} />
      ) : (
        s.stats && (
          <section className="preview-section" data-testid="live-totals">
            {total === 0 ? (
              <div className="preview-empty" data-testid="live-empty">
                <strong>No contacts have entered {s.stats.revision} yet.</strong>
                <p>Figures appear on the canvas as contacts arrive; this view refreshes by itself.</p>
              </div>
            ) : (
              <>
                <dl className="live-totals">
                  {(['running', 'ended', 'exited', 'failed'] as const).map((k) => (
                    <div key={k} data-total={k}>
                      <dt>{k === 'running' ? 'In the flow' : k === 'ended' ? 'Completed' : k === 'exited' ? 'Exited' : 'Failed'}</dt>
                      <dd>{s.stats!.journeys[k] ?? 0}</dd>
                    </div>
                  ))}
                  {s.stats.conversions && (
                    <div data-total="converted">
                      <dt>Converted</dt>
                      <dd>{s.stats.conversions.converted}</dd>
                    </div>
                  )}
                </dl>
                {s.stats.conversions && <LiveConversions doc={doc} conversions={s.stats.conversions} total={total} />}
                <p className="field__hint">Click a figure on a step to list its contacts.</p>
              </>
            )}
          </section>
        )
      )}
      {!s.journey && <LiveControls store={store} />}
    </>
  );
}

/** The goal's conversions: the share of journeys, and per split branch (as the population preview shows them). */
function LiveConversions({ doc, conversions, total }: { doc: FlowDocument; conversions: NonNullable<LiveStats['conversions']>; total: number }) {
  const lines = conversionLines(doc, conversions);
  return (
    <div className="live-conversions" data-testid="live-conversions">
      <p>
        <strong>{percent(conversions.converted, total)}</strong> of {total} journeys met the goal{doc.campaign.goal?.name ? ` “${doc.campaign.goal.name}”` : ''}.
      </p>
      {lines.length > 0 && (
        <ul>
          {lines.map((l) => (
            <li key={l.key} data-branch={l.key}>
              {l.label}: {l.converted} converted
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Loading, last update, or one line saying the runner is unreachable and when it is asked again. */
function LiveStatusLine({ store }: { store: LiveStore }) {
  const { status, error, nextPollAt, stats } = useStore(store, selectAll);
  const now = useNow(1_000);
  const inSeconds = nextPollAt ? Math.max(0, Math.ceil((nextPollAt - now) / 1000)) : 0;
  if (status === 'loading')
    return (
      <div className="preview-loading live-line" role="status" data-testid="live-loading">
        <span className="preview-spinner" aria-hidden="true" />
        Loading live figures…
      </div>
    );
  if ((status === 'offline' || status === 'error') && error)
    return (
      <div className="live-line" data-tone="warning" role="status" data-testid="live-error" data-kind={error.kind}>
        <span>
          {status === 'offline' ? 'Runner unreachable' : error.message}
          {status === 'offline' && ` · retrying in ${inSeconds} s`}
          {stats ? ' · showing the last figures' : ''}
        </span>
        <button type="button" className="button button--small" onClick={() => store.getState().refreshNow()}>
          Retry now
        </button>
      </div>
    );
  if (status === 'ready' && stats)
    return (
      <div className="live-line muted" data-testid="live-updated">
        Updated {new Date(stats.generatedAt).toLocaleTimeString()} · refreshes by itself
      </div>
    );
  return null;
}

/** Pause / resume and stop, each saying what it does to contacts before the click; and a test sent to one contact. */
function LiveControls({ store }: { store: LiveStore }) {
  const { flow, stats, controlling } = useStore(store, selectAll);
  const [confirmStop, setConfirmStop] = useState(false);
  if (!flow) return null;
  if (flow.status === 'draft')
    return (
      <section className="preview-section live-controls" data-testid="live-controls">
        <p className="field__hint">The runner holds this flow as a draft: nobody enters it. Set the campaign to active and publish to start it.</p>
      </section>
    );
  const inside = stats?.journeys['running'] ?? 0;
  const contacts = `${inside} contact${inside === 1 ? '' : 's'}`;
  const paused = flow.status === 'paused';
  const act = (action: LiveAction) => {
    setConfirmStop(false);
    void store.getState().control(action);
  };
  return (
    <section className="preview-section live-controls" data-testid="live-controls">
      <h2 className="preview-section__title">{paused ? 'Paused' : 'Running'}</h2>
      <p className="field__hint" data-testid="live-pause-effect">
        {paused
          ? 'No new contacts enter while paused. Resuming lets the trigger start journeys again; contacts already inside were never stopped.'
          : `Pausing stops new contacts from entering. The ${contacts} already inside carry on: their waits still fire and their replies still move them.`}
      </p>
      <div className="live-controls__row">
        <button type="button" className="button" disabled={controlling.busy !== null} onClick={() => act(paused ? 'resume' : 'pause')} data-testid={paused ? 'live-resume' : 'live-pause'}>
          {controlling.busy === 'pause' ? 'Pausing…' : controlling.busy === 'resume' ? 'Resuming…' : paused ? 'Resume' : 'Pause new entries'}
        </button>
        <button type="button" className="button button--danger-quiet" disabled={controlling.busy !== null} onClick={() => setConfirmStop(true)} data-testid="live-stop">
          {controlling.busy === 'stop' ? 'Stopping…' : 'Stop…'}
        </button>
      </div>
      {confirmStop && (
        <div className="live-confirm" role="alertdialog" aria-label="Stop the flow" data-testid="live-stop-confirm">
          <p>
            Stopping ends every journey still in this flow now, on any revision ({contacts} on {stats?.revision ?? 'the revision shown'}): they exit with “The flow was stopped” and get nothing more. Nobody new enters.
          </p>
          <div className="live-controls__row">
            <button type="button" className="button button--small button--danger" onClick={() => act('stop')} data-testid="live-stop-yes">
              Stop the flow
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirmStop(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {controlling.stopped !== undefined && (
        <p className="field__hint" role="status" data-testid="live-stopped">
          Stopped: {controlling.stopped} journey{controlling.stopped === 1 ? '' : 's'} ended.
        </p>
      )}
      {controlling.error && (
        <div className="preview-error" role="alert">
          {controlling.error}
        </div>
      )}
      {!paused && <LiveTest store={store} />}
    </section>
  );
}

/** A real journey for one test contact, not counted in the figures. */
function LiveTest({ store }: { store: LiveStore }) {
  const { testing } = useStore(store, selectAll);
  const [contactId, setContactId] = useState('');
  return (
    <div className="live-test">
      <label className="field">
        <span className="field__label">Send a test to</span>
        <input className="input" value={contactId} placeholder="a new test contact" onChange={(e) => setContactId(e.target.value)} data-testid="live-test-contact" />
      </label>
      <button type="button" className="button" disabled={testing.status === 'sending'} onClick={() => void store.getState().sendTest(contactId)} data-testid="live-send-test">
        {testing.status === 'sending' ? 'Sending…' : 'Send a test'}
      </button>
      {testing.status === 'sent' && (
        <p className="field__hint" role="status" data-testid="live-test-sent">
          Sent to test contact {testing.contactId}: a real journey with real messages, listed with a Test mark and left out of the figures.
        </p>
      )}
      {testing.status === 'error' && (
        <div className="preview-error" role="alert">
          {testing.error}
        </div>
      )}
    </div>
  );
}
