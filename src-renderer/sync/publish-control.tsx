import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '../../src-shared/flow/index';
import { chatwootExpressibility, publishCheck, type PublishIssue, type SyncOptions, type WhatsappTemplateChoice } from '../../src-shared/sync/index';
import { useEditor, useEditorApi, useSavedFlow } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { Dialog } from '../ui/dialog';
import { navigate } from '../ui/use-route';
import { selectBackends } from './backends-store';
import type { BackendItem } from './backends-store';
import { InFlightImpact } from '../live/in-flight-impact';
import { ConflictDialog } from './conflict-dialog';
import { FailureDetails } from './failure-details';
import { LiveStats } from './live-stats';
import { SyncBadge } from './sync-badge';
import { useBackends, useSyncLoop } from './sync-context';
import { currentFailure, type BackendSyncView } from './sync-views';
import { useFlowSync } from './use-flow-sync';
import { useSyncOptions } from './use-sync-options';
import { waitUntilSaved } from './wait-until-saved';

const selectFlowId = (s: EditorState) => s.doc.campaign.id;
const selectDoc = (s: EditorState) => s.doc;

/** The editor's sync corner: the status on each backend, Publish (choose a backend), and "Resolve conflict". */
export function PublishControl() {
  const flowId = useEditor(selectFlowId);
  const saved = useSavedFlow();
  const views = useFlowSync(flowId, saved);
  const [open, setOpen] = useState(false);
  const [resolving, setResolving] = useState<BackendSyncView | null>(null);
  const primary = views?.[0];
  const conflict = views?.find((v) => v.record?.conflict);
  const corner = useRef<HTMLDivElement>(null);
  // A press anywhere else closes the panel, as focus leaving it does. Focus alone is not enough:
  // focus can go nowhere without a blur (a focused control disabled in some browsers), and the
  // panel then stayed open over the canvas, taking the editor's keys (they go to an open dialog)
  // while the user worked on the flow.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!corner.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  return (
    <div ref={corner} className="sync-publish" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node) && setOpen(false)}>
      {/* The top bar is crowded: the backend's name is in the badge's tooltip and in the panel. */}
      {primary && <SyncBadge v={primary} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`Sync status: ${primary.view.label}`} />}
      {conflict && (
        <button type="button" className="button sync-publish__resolve" onClick={() => setResolving(conflict)} data-testid="resolve-conflict">
          Resolve conflict
        </button>
      )}
      <button type="button" className="button button--primary" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="publish">
        Publish
      </button>
      {open && <PublishPanel flowId={flowId} views={views ?? []} onClose={() => setOpen(false)} onResolve={(v) => (setOpen(false), setResolving(v))} />}
      {resolving?.record?.conflict && saved && <ConflictDialog flow={saved} backend={resolving.backend ?? ''} conflict={resolving.record.conflict} onClose={() => setResolving(null)} />}
    </div>
  );
}

function PublishPanel({ flowId, views, onClose, onResolve }: { flowId: string; views: BackendSyncView[]; onClose: () => void; onResolve: (v: BackendSyncView) => void }) {
  const api = useEditorApi();
  const doc = useEditor(selectDoc);
  const backends = useBackends(selectBackends);
  const loop = useSyncLoop();
  const [busy, setBusy] = useState<string | null>(null);
  // The backend whose publish waits for the user to accept the warnings (asked once per publish).
  const [confirming, setConfirming] = useState<string | null>(null);
  // Undefined while loading: the template line waits, rather than say "none chosen" for a moment.
  const options = useSyncOptions(flowId);
  const linked = views.filter((v) => v.backend !== null);
  // The same rule the engine and the host apply (src-shared/sync/publish-gate.ts), said before trying.
  const check = useMemo(() => publishCheck(doc, new Date()), [doc]);

  const publish = async (name: string, warningsAccepted = false) => {
    if (!check.ok) return;
    if (check.warnings.length && !warningsAccepted) {
      setConfirming(name);
      return;
    }
    setConfirming(null);
    setBusy(name);
    try {
      await waitUntilSaved(api);
      await loop.publish(flowId, name);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog modal={false} onClose={onClose} className="sync-panel" aria-label="Publish" data-testid="publish-panel">
      {linked.map((v) => (
        <BackendState key={v.backend} v={v} doc={doc} onResolve={() => onResolve(v)} onDismiss={() => void loop.dismiss(flowId, v.backend ?? '')} />
      ))}
      {!check.ok && <PublishIssues kind="error" issues={check.errors} />}
      {confirming && check.warnings.length > 0 && (
        <div className="sync-panel__confirm" role="alertdialog" aria-label="Publish with warnings" data-testid="publish-confirm">
          <PublishIssues kind="warning" issues={check.warnings} />
          <div className="sync-panel__actions">
            <button type="button" className="button button--small button--primary" onClick={() => void publish(confirming, true)} autoFocus>
              Publish anyway
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <h2 className="sync-panel__title">Publish to</h2>
      {backends === undefined ? (
        <p className="muted">Loading backends…</p>
      ) : backends.length === 0 ? (
        <p className="sync-panel__empty">
          No backend is connected yet.{' '}
          <a href="#/settings" onClick={(e) => (e.preventDefault(), onClose(), navigate({ screen: 'settings' }))}>
            Connect one in Settings
          </a>
          .
        </p>
      ) : (
        <ul className="sync-panel__backends">
          {backends.map((b) => (
            <BackendChoice key={b.name} backend={b} doc={doc} options={options} view={views.find((v) => v.backend === b.name)} busy={busy === b.name} hasErrors={!check.ok} onPublish={() => void publish(b.name)} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}

/** One backend this flow is linked to: what its status means and what the user can do. */
function BackendState({ v, doc, onResolve, onDismiss }: { v: BackendSyncView; doc: FlowDocument; onResolve: () => void; onDismiss: () => void }) {
  const [live, setLive] = useState(false);
  const remoteId = v.record?.remoteId;
  const failure = v.view.status === 'error' || v.view.status === 'offline' ? currentFailure(v.entry, v.record) : null;
  return (
    <section className="sync-panel__state" data-testid="sync-state">
      <p className="sync-panel__status">
        <SyncBadge v={v} showBackend />
        <span>{failure ? '' : v.view.message}</span>
      </p>
      {v.view.locked && (
        <p className="sync-panel__locked" data-testid="sync-locked">
          {v.record?.locked?.reason}
        </p>
      )}
      {failure && <FailureDetails error={failure} />}
      {v.record?.lastAttempt?.ok && v.record.lastAttempt.notes?.map((note) => (
        <p key={note} className="sync-panel__locked" data-testid="sync-note">
          {note}
        </p>
      ))}
      {v.view.retryAt && <p className="muted">Next try at {new Date(v.view.retryAt).toLocaleTimeString()}.</p>}
      <div className="sync-panel__actions">
        {v.record?.conflict && (
          <button type="button" className="button button--small" onClick={onResolve}>
            Compare versions…
          </button>
        )}
        {v.entry?.state === 'blocked' && !v.record?.conflict && (
          <button type="button" className="button button--small" onClick={onDismiss}>
            Dismiss
          </button>
        )}
        {remoteId && (
          <button type="button" className="button button--small" aria-pressed={live} onClick={() => setLive((on) => !on)} data-testid="live-stats-toggle" title="Per-step statistics of the journeys running on this backend">
            {live ? 'Hide live statistics' : 'Live'}
          </button>
        )}
      </div>
      {live && remoteId && v.backend && <LiveStats backend={v.backend} remoteId={remoteId} doc={doc} />}
    </section>
  );
}

/** A backend to publish to, or the reasons this flow cannot go there (said before trying). */
function BackendChoice({ backend, doc, options, view, busy, hasErrors, onPublish }: { backend: BackendItem; doc: FlowDocument; options: Record<string, SyncOptions> | undefined; view: BackendSyncView | undefined; busy: boolean; hasErrors: boolean; onPublish: () => void }) {
  const chatwoot = backend.connection.type === 'chatwoot';
  const fit = chatwoot ? chatwootExpressibility(doc) : null;
  const refused = fit && !fit.ok ? fit.reasons : [];
  const notes = fit?.ok ? fit.notes.filter((n) => n.severity !== 'info' || n.message) : [];
  const locked = view?.record?.locked?.reason;
  const blocked = hasErrors || refused.length > 0 || Boolean(locked) || !backend.hasToken || Boolean(view?.record?.conflict);
  const why = locked ?? (view?.record?.conflict ? 'Resolve the conflict first.' : !backend.hasToken ? 'No token is stored for this backend: add it in Settings.' : null);
  return (
    <li className="sync-choice" data-testid="publish-choice" data-backend={backend.name}>
      <div className="sync-choice__head">
        <span className="sync-choice__name">{backend.name}</span>
        <span className="sync-choice__type">{chatwoot ? 'Chatwoot' : 'Delivery API'}</span>
        {/* Busy is aria-disabled, not disabled: a disabled button loses focus in some browsers and
            keeps it in others, so the panel closed after a publish in one and stayed open in the
            other. Kept focused, the panel stays open with the result, in every browser. */}
        <button type="button" className={`button button--small${blocked ? '' : ' button--primary'}`} disabled={blocked} aria-disabled={busy || undefined} onClick={busy ? undefined : onPublish}>
          {busy ? 'Publishing…' : view?.record?.remoteId ? 'Publish changes' : 'Publish'}
        </button>
      </div>
      {why && <p className="sync-choice__why">{why}</p>}
      {/* Read again for each published revision: the panel stays open through a publish, and its table was the one from before. */}
      {!chatwoot && view?.record?.remoteId && <InFlightImpact key={view.record.remoteRevision ?? ''} backend={backend.name} flowId={view.record.remoteId} doc={doc} />}
      {chatwoot && options && isWhatsappOneOff(doc) && <TemplateLine flowId={doc.campaign.id} template={options[backend.name]?.whatsappTemplate} />}
      {refused.length > 0 && (
        <div className="sync-choice__refused" data-testid="not-expressible">
          <p>This flow cannot be expressed as a Chatwoot campaign:</p>
          <ul>
            {refused.map((p, i) => (
              <li key={`${p.code}-${i}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <ul className="sync-choice__notes">
          {notes.map((p, i) => (
            <li key={`${p.code}-${i}`}>{p.message}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The flow's errors (publishing refused) or warnings (publishing asks first), by step label and field. */
function PublishIssues({ kind, issues }: { kind: 'error' | 'warning'; issues: PublishIssue[] }) {
  const n = issues.length;
  const count = `${n} ${kind}${n === 1 ? '' : 's'}`;
  return (
    <div className="sync-panel__issues" data-tone={kind === 'error' ? 'danger' : 'warning'} role={kind === 'error' ? 'alert' : undefined} data-testid={`publish-${kind}s`}>
      <p>{kind === 'error' ? `This flow has ${count}; fix ${n === 1 ? 'it' : 'them'} before publishing:` : `This flow has ${count}. Publish anyway?`}</p>
      <ul>
        {issues.map((i, k) => (
          <li key={`${i.path}-${k}`}>
            <strong>{i.where}</strong>
            {i.field && <> · {i.field}</>}: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A one-off sent by WhatsApp: Chatwoot sends it as an approved template, chosen in the one-off form. */
function isWhatsappOneOff(doc: FlowDocument): boolean {
  return doc.campaign.kind === 'one-off' && doc.nodes.some((n) => n.type === 'send' && n.data.channel === 'whatsapp');
}

/** Which WhatsApp template this backend will send, with the value of each variable; or that none is chosen. */
function TemplateLine({ flowId, template }: { flowId: string; template: WhatsappTemplateChoice | undefined }) {
  if (!template) {
    return (
      <p className="sync-choice__template sync-choice__template--missing" data-testid="publish-template">
        No WhatsApp template is chosen for this account:{' '}
        <a href={`#/campaigns/one-off/edit/${encodeURIComponent(flowId)}`}>choose one in the campaign form</a>.
      </p>
    );
  }
  const params = Object.entries(template.params ?? {});
  return (
    <p className="sync-choice__template" data-testid="publish-template">
      WhatsApp template <code>{template.name}</code> ({template.language})
      {params.length > 0 && (
        <>
          {' · '}
          {params.map(([k, v], i) => (
            <span key={k}>
              {i > 0 && ', '}
              <code>{`{{${k}}}`}</code> = <code>{v}</code>
            </span>
          ))}
        </>
      )}
    </p>
  );
}
