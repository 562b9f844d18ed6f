import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { type AttributeDistribution, type AudienceModel, type InferenceNote } from '../../../src-shared/forecast/index';
import { derivedAudience } from './derived-audience';
import { audienceRepository, useFlowAudience, useNamedAudiences } from '../../db/audience-repository';
import type { AudienceSource, FlowAudienceRecord } from '../../db/schema';
import { useEditor } from '../../editor/editor-context';
import { selectBackends } from '../../sync/backends-store';
import { useBackends, useSyncHost } from '../../sync/sync-context';
import type { EditorState } from '../../editor/editor-store';
import { downloadText } from '../../editor/download';
import { usePreview, usePreviewApi } from '../preview-context';
import { formatCount } from '../preview-format';
import type { PreviewState } from '../preview-store';
import { AudienceDialog, formatShare } from './audience-dialog';
import { audienceFileName, audienceJson, problemLines, readAudienceFile } from './audience-io';

const selectDoc = (s: EditorState) => s.doc;
const selectAudience = (s: PreviewState) => s.audience;
const selectUsers = (s: PreviewState) => s.settings.users;

const SOURCE: Record<AudienceSource, string> = { edited: 'Edited here', csv: 'Inferred from contacts', chatwoot: 'Inferred from Chatwoot contacts', file: 'Opened from a model file', named: 'Named model' };

/**
 * The Population tab's audience: which contacts a forecast draws (the flow's own model, else one
 * derived from what the flow mentions), with editing, contacts import (picked or dropped; read
 * here, never uploaded), named models and the JSON file the CLI reads.
 */
export function AudiencePanel({ running }: { running: boolean }) {
  const doc = useEditor(selectDoc);
  const flowId = doc.campaign.id;
  const record = useFlowAudience(flowId);
  const named = useNamedAudiences();
  const api = usePreviewApi();
  const audience = usePreview(selectAudience);
  const users = usePreview(selectUsers);
  const derived = useMemo(() => derivedAudience(doc, users), [doc, users]);
  const model = audience ?? derived;
  const [editing, setEditing] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState('');
  const [fetching, setFetching] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const host = useSyncHost();
  const chatwoots = (useBackends(selectBackends) ?? []).filter((b) => b.connection.type === 'chatwoot' && b.hasToken);

  // The database is the truth; the store follows it (a run reads the store).
  useEffect(() => {
    if (record !== undefined) api.getState().setAudience(record?.model ?? null);
  }, [record, api]);

  const adopt = async (next: AudienceModel, source: AudienceSource, origin: string, notes?: InferenceNote[]) => {
    api.getState().setAudience(next);
    setProblems([]);
    await audienceRepository.setForFlow({ flowId, model: next, source, origin, ...(notes ? { notes } : {}) });
  };
  const open = async (file: File | undefined) => {
    if (!file) return;
    setNotice('');
    const r = await readAudienceFile(file);
    if (r.kind === 'error') return setProblems([`${file.name} could not be used:`, ...problemLines(r.problems)]);
    if (r.kind === 'csv') await adopt(r.model, 'csv', file.name, r.notes);
    else await adopt(r.model, 'file', file.name);
  };
  /** The host reads the account's contacts and infers the model there: only distributions come back. */
  const fromChatwoot = async (backend: string) => {
    setNotice('');
    setProblems([]);
    setFetching(backend);
    try {
      const r = await host.sync.contacts({ backend });
      if (!r.ok) return setProblems([`The contacts of ${backend} could not be read:`, r.error.message]);
      await adopt(r.model, 'chatwoot', backend, r.notes);
      if (r.truncated) setNotice(`Built from the first ${formatCount(r.contacts)} of ${formatCount(r.total)} contacts; the model keeps their shares, set Contacts to the size you want to forecast.`);
    } catch (e) {
      setProblems([`The contacts of ${backend} could not be read:`, e instanceof Error ? e.message : String(e)]);
    } finally {
      setFetching(null);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!running) void open(e.dataTransfer.files[0]);
  };

  return (
    <section
      className={`preview-section audience-panel${dragging ? ' audience-panel--drop' : ''}`}
      data-testid="audience-panel"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="preview-section__head">
        <h2 className="preview-section__title">Audience</h2>
        <span className="field__hint" data-testid="audience-source">
          {record ? `${SOURCE[record.source]}${record.origin ? ` · ${record.origin}` : ''}` : 'Derived from the flow'}
        </span>
      </div>
      <p className="audience-panel__name">
        <strong>{model.name || 'Unnamed audience'}</strong> · <span data-testid="audience-size">{formatCount(model.size)}</span> contacts
      </p>
      <ul className="audience-facts" data-testid="audience-facts">
        {facts(model).map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {record?.notes && <InferredNotes record={record} />}
      {problems.length > 0 && (
        <div className="preview-error" role="alert" data-testid="audience-import-error">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
      {notice && (
        <p className="field__hint" role="status">
          {notice}
        </p>
      )}
      <div className="audience-actions">
        <button type="button" className="button button--small" disabled={running} onClick={() => setEditing(true)} data-testid="audience-edit">
          Edit audience…
        </button>
        <button type="button" className="button button--small" disabled={running} onClick={() => picker.current?.click()} data-testid="audience-import">
          Import contacts or model…
        </button>
        {chatwoots.map((b) => (
          <button key={b.name} type="button" className="button button--small" disabled={running || fetching !== null} onClick={() => void fromChatwoot(b.name)} data-testid="audience-chatwoot">
            {fetching === b.name ? `Reading ${b.name}’s contacts…` : `From ${b.name}’s contacts`}
          </button>
        ))}
        <button type="button" className="button button--small" onClick={() => downloadText(audienceFileName(doc.campaign.name), audienceJson(model))} data-testid="audience-export">
          Export JSON
        </button>
        {record && (
          <button type="button" className="button button--small" disabled={running} onClick={() => void audienceRepository.clearForFlow(flowId).then(() => api.getState().setAudience(null))}>
            Back to derived
          </button>
        )}
        {named && named.length > 0 && (
          <select
            className="form-input form-input--compact"
            aria-label="Use a named model"
            value=""
            disabled={running}
            onChange={(e) => {
              const m = named.find((n) => String(n.id) === e.target.value);
              if (m) void adopt(m.model, 'named', m.name);
            }}
          >
            <option value="">Use a named model…</option>
            {named.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({formatCount(n.model.size)})
              </option>
            ))}
          </select>
        )}
        <input ref={picker} type="file" accept=".csv,.json,.txt,text/csv,application/json" hidden data-testid="audience-file" onChange={(e) => void open(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
      </div>
      <p className="field__hint">Drop a contacts CSV (or a model JSON) here. It is read on this computer; nothing is uploaded. Identifying columns keep only how many contacts have one.</p>
      {editing && (
        <AudienceDialog
          model={model}
          doc={doc}
          onClose={() => setEditing(false)}
          onSave={(m) => {
            setEditing(false);
            void adopt(m, 'edited', '');
          }}
          onSaveNamed={(name, m) => {
            setEditing(false);
            void audienceRepository.saveNamed(name, m).then(() => adopt({ ...m, name }, 'named', name));
            setNotice(`Saved as “${name}”; any flow can use it.`);
          }}
        />
      )}
    </section>
  );
}

function InferredNotes({ record }: { record: FlowAudienceRecord }) {
  return (
    <details className="audience-notes" open data-testid="audience-notes">
      <summary>
        What was inferred from {formatCount(record.model.size)} contacts{record.origin ? ` in ${record.origin}` : ''}
      </summary>
      <ul>
        {record.notes!.map((n) => (
          <li key={n.column} data-column={n.column}>
            <strong>{n.column}</strong> <span className="muted">{n.as === 'attribute' ? '' : `${n.as}: `}</span>
            {n.summary}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A few lines saying what the model draws: each attribute's top shares, tags, events, replies. */
export function facts(m: AudienceModel): string[] {
  const out: string[] = [];
  for (const [name, d] of Object.entries(m.attributes ?? {}).slice(0, 5)) out.push(`${name}: ${distribution(d)}`);
  const more = Object.keys(m.attributes ?? {}).length - 5;
  if (more > 0) out.push(`and ${more} more attribute${more === 1 ? '' : 's'}`);
  const list = (rec: Record<string, number> | undefined, what: string) => {
    const e = Object.entries(rec ?? {});
    if (e.length) out.push(`${what}: ${e.slice(0, 4).map(([k, s]) => `${k} ${formatShare(s * 100)} %`).join(', ')}${e.length > 4 ? ', …' : ''}`);
  };
  list(m.tags, 'Tags');
  list(m.segments, 'Segments');
  const events = Object.entries(m.events ?? {});
  if (events.length) out.push(`Events: ${events.slice(0, 3).map(([k, e]) => `${k} ${e.perDay}/day`).join(', ')}${events.length > 3 ? ', …' : ''}`);
  if (m.replies?.probability !== undefined) out.push(`Replies to any message: ${formatShare(m.replies.probability * 100)} %`);
  const steps = Object.keys(m.repliesByStep ?? {}).length;
  if (steps) out.push(`Replies described for ${steps} step${steps === 1 ? '' : 's'}`);
  return out;
}

function distribution(d: AttributeDistribution): string {
  const missing = 'missing' in d && typeof d.missing === 'number' && d.missing > 0 ? `, ${formatShare(d.missing * 100)} % missing` : '';
  if ('min' in d && typeof d.min === 'number' && 'max' in d && !('values' in d)) return `${String(d.min)} to ${String(d.max)}${missing}`;
  const values = 'values' in d && Array.isArray(d.values) ? d.values.map((v) => [String(v.value), v.weight] as const) : Object.entries(d as Record<string, number>);
  // One value with a missing share is a "has one or not" attribute (identifying columns keep only that).
  if (values.length === 1 && 'missing' in d && typeof d.missing === 'number') return `set for ${formatShare((1 - d.missing) * 100)} %`;
  const total = values.reduce((a, [, w]) => a + w, 0) || 1;
  const top = [...values].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return `${top.map(([v, w]) => `${v} ${formatShare((w / total) * 100)} %`).join(', ')}${values.length > 4 ? ', …' : ''}${missing}`;
}

/** Sets the audience's size (the Users field): the flow's model is updated where it has one. */
export function useAudienceSize(): (size: number) => void {
  const api = usePreviewApi();
  const flowId = useEditor((s: EditorState) => s.doc.campaign.id);
  const record = useFlowAudience(flowId);
  return (size) => {
    const audience = api.getState().audience;
    api.getState().setSettings({ users: size });
    if (!audience) return;
    api.getState().setAudience({ ...audience, size });
    if (record) void audienceRepository.setForFlow({ ...record, model: { ...record.model, size } });
  };
}
