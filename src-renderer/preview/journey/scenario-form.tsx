import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { UserProfile } from '../../../src-shared/engine/index';
import { useEditorApi } from '../../editor/editor-context';
import { PlusIcon, TrashIcon } from '../../ui/icons';
import { usePreview, usePreviewApi } from '../preview-context';
import type { PreviewState } from '../preview-store';
import { describeItem, newScriptItem, parseScalar, PRESET_USERS, SCRIPT_KIND_LABELS, scriptProblems, type ScriptItem, type ScriptKind } from './script-model';

const selectScenario = (s: PreviewState) => ({ userKey: s.userKey, profile: s.profile, script: s.script, days: s.days });

/** Who the test user is and what they do: edited here, run in the worker. */
export function ScenarioForm() {
  const { userKey, profile, script, days } = usePreview(useShallow(selectScenario));
  const api = usePreviewApi();
  const editor = useEditorApi();
  const problems = new Map(scriptProblems(script).map((p) => [p.id, p.message]));
  const setProfile = (p: Partial<UserProfile>) => api.getState().setProfile({ ...profile, ...p });
  const attributes = Object.entries(profile.attributes);
  const setAttributes = (entries: [string, string | number | boolean][]) => setProfile({ attributes: Object.fromEntries(entries) });
  const setItem = (id: string, patch: Partial<ScriptItem>) => api.getState().setScript(script.map((i) => (i.id === id ? ({ ...i, ...patch } as ScriptItem) : i)));
  // The trigger may have been edited since the editor opened: an untouched script follows it.
  useEffect(() => api.getState().followTrigger(editor.getState().doc), [api, editor]);

  return (
    <form
      className="preview-form"
      onSubmit={(e) => {
        e.preventDefault();
        void api.getState().runPreview(editor.getState().doc);
      }}
    >
      <section className="preview-section">
        <h2 className="preview-section__title">Test user</h2>
        <label className="field">
          <span className="field__label">Start from</span>
          <select className="form-select" value={userKey} onChange={(e) => api.getState().pickUser(e.target.value)} aria-label="Test user">
            {PRESET_USERS.map((u) => (
              <option key={u.key} value={u.key}>
                {u.label}
              </option>
            ))}
            {userKey === 'custom' && <option value="custom">Edited user</option>}
          </select>
        </label>
        <div className="preview-kv" role="group" aria-label="Attributes">
          {attributes.map(([k, v], i) => (
            <div className="preview-kv__row" key={i}>
              <input className="form-input form-input--compact" aria-label="Attribute name" value={k} onChange={(e) => setAttributes(attributes.map((a, j) => (j === i ? [e.target.value, a[1]] : a)))} />
              <input className="form-input form-input--compact" aria-label={`Value of ${k}`} value={String(v)} onChange={(e) => setAttributes(attributes.map((a, j) => (j === i ? [a[0], parseScalar(e.target.value)] : a)))} />
              <button type="button" className="icon-button icon-button--small" aria-label={`Remove ${k}`} onClick={() => setAttributes(attributes.filter((_, j) => j !== i))}>
                <TrashIcon size={14} />
              </button>
            </div>
          ))}
          <button type="button" className="button button--quiet button--small" onClick={() => setAttributes([...attributes, ['', '']])}>
            <PlusIcon size={14} /> Attribute
          </button>
        </div>
        <div className="field-row">
          <label className="field">
            <span className="field__label">Tags</span>
            <input className="form-input form-input--compact" value={profile.tags.join(', ')} placeholder="vip, beta" onChange={(e) => setProfile({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })} />
          </label>
          <label className="field">
            <span className="field__label">Segments</span>
            <input className="form-input form-input--compact" value={profile.segments.join(', ')} placeholder="active-users" onChange={(e) => setProfile({ segments: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })} />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span className="field__label">Timezone</span>
            <input className="form-input form-input--compact" value={profile.timezone} list="preview-timezones" onChange={(e) => setProfile({ timezone: e.target.value })} aria-label="User timezone" />
            <datalist id="preview-timezones">
              {['UTC', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney'].map((tz) => (
                <option key={tz} value={tz} />
              ))}
            </datalist>
          </label>
        </div>
      </section>

      <section className="preview-section">
        <div className="preview-section__head">
          <h2 className="preview-section__title">What they do</h2>
          <span className="field__hint">Times on the user’s clock</span>
        </div>
        {script.length === 0 && <p className="preview-empty-line">Nothing scripted: the user only enters if the campaign is scheduled.</p>}
        <ol className="preview-script" aria-label="Script">
          {script.map((item) => (
            <li key={item.id} className="preview-script__item" data-testid="script-item">
              <div className="preview-script__when">
                <label className="preview-inline">
                  Day
                  <input className="form-input form-input--compact form-input--number" type="number" min={1} max={365} value={item.day} aria-label="Day" onChange={(e) => setItem(item.id, { day: Number(e.target.value) })} />
                </label>
                <input className="form-input form-input--compact preview-time" type="time" value={item.time} aria-label="Time" onChange={(e) => setItem(item.id, { time: e.target.value })} />
                <span className="preview-script__kind">{SCRIPT_KIND_LABELS[item.kind]}</span>
                <button type="button" className="icon-button icon-button--small" aria-label={`Remove “${describeItem(item)}”`} onClick={() => api.getState().setScript(script.filter((i) => i.id !== item.id))}>
                  <TrashIcon size={14} />
                </button>
              </div>
              <ItemFields item={item} onChange={(patch) => setItem(item.id, patch)} />
              {problems.get(item.id) && <p className="field__message" data-tone="danger">{problems.get(item.id)}</p>}
            </li>
          ))}
        </ol>
        <div className="preview-add">
          <label className="preview-inline">
            <PlusIcon size={14} />
            <select
              className="form-select form-select--ghost"
              value=""
              aria-label="Add an action"
              onChange={(e) => {
                if (e.target.value) api.getState().setScript([...script, newScriptItem(e.target.value as ScriptKind, script.at(-1))]);
              }}
            >
              <option value="">Add an action…</option>
              {(Object.keys(SCRIPT_KIND_LABELS) as ScriptKind[]).map((k) => (
                <option key={k} value={k}>
                  {SCRIPT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--quiet button--small" onClick={() => api.getState().resetScript(editor.getState().doc)}>
            Reset
          </button>
        </div>
      </section>

      <div className="preview-run">
        <label className="preview-inline">
          Follow for
          <input className="form-input form-input--compact form-input--number" type="number" min={1} max={365} value={days} aria-label="Days to follow" onChange={(e) => api.getState().setDays(Number(e.target.value))} />
          days
        </label>
        <button type="submit" className="button button--primary" disabled={problems.size > 0} data-testid="run-preview">
          Run preview
        </button>
      </div>
    </form>
  );
}

function ItemFields({ item, onChange }: { item: ScriptItem; onChange: (patch: Partial<ScriptItem>) => void }) {
  switch (item.kind) {
    case 'event':
      return (
        <div className="field-row">
          <input className="form-input form-input--compact" value={item.name} placeholder="event.name" aria-label="Event name" onChange={(e) => onChange({ name: e.target.value })} />
          <input className="form-input form-input--compact" value={item.properties} placeholder="plan=trial" aria-label="Event properties" onChange={(e) => onChange({ properties: e.target.value })} />
        </div>
      );
    case 'message':
      return <input className="form-input form-input--compact" value={item.text} aria-label="Message text" onChange={(e) => onChange({ text: e.target.value })} />;
    case 'page_visit':
      return (
        <div className="field-row">
          <input className="form-input form-input--compact" value={item.url} aria-label="Page URL" onChange={(e) => onChange({ url: e.target.value })} />
          <input className="form-input form-input--compact form-input--number" type="number" min={0} value={item.seconds} aria-label="Seconds on page" onChange={(e) => onChange({ seconds: Number(e.target.value) })} />
        </div>
      );
    case 'attribute':
      return (
        <div className="field-row">
          <input className="form-input form-input--compact" value={item.name} aria-label="Attribute" onChange={(e) => onChange({ name: e.target.value })} />
          <input className="form-input form-input--compact" value={item.value} placeholder="(empty = removed)" aria-label="New value" onChange={(e) => onChange({ value: e.target.value })} />
        </div>
      );
    case 'tag':
      return <PresenceChange present={item.present} words={[['add', 'Gets tag'], ['remove', 'Loses tag']]} what="Tag" value={item.tag} onPresent={(present) => onChange({ present })} onValue={(tag) => onChange({ tag })} />;
    case 'segment':
      return <PresenceChange present={item.present} words={[['enter', 'Enters segment'], ['leave', 'Leaves segment']]} what="Segment" value={item.segment} onPresent={(present) => onChange({ present })} onValue={(segment) => onChange({ segment })} />;
  }
}

/** A script line that adds or removes the user from something named: a tag, a segment. */
function PresenceChange(p: { present: boolean; words: [[string, string], [string, string]]; what: string; value: string; onPresent: (present: boolean) => void; onValue: (value: string) => void }) {
  return (
    <div className="field-row">
      <select className="form-select form-select--compact" value={p.present ? p.words[0][0] : p.words[1][0]} aria-label={`${p.what} change`} onChange={(e) => p.onPresent(e.target.value === p.words[0][0])}>
        {p.words.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <input className="form-input form-input--compact" value={p.value} aria-label={p.what} onChange={(e) => p.onValue(e.target.value)} />
    </div>
  );
}
