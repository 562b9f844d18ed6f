import { useMemo, useState, type ReactNode } from 'react';
import type { AudienceModel } from '../../../src-shared/forecast/index';
import type { FlowDocument } from '../../../src-shared/flow/index';
import { Dialog } from '../../ui/dialog';
import { CloseIcon } from '../../ui/icons';
import { fieldId, formFromModel, modelFromForm, rowKey, sharesOf, type AttributeForm, type AttributeKind, type AudienceForm, type FormProblem, type ReplyForm, type WeightRow } from './audience-model-form';

const KINDS: [AttributeKind, string][] = [
  ['text', 'Text values'],
  ['number', 'Number values'],
  ['boolean', 'Yes / no'],
  ['range', 'Number range'],
];

export interface AudienceDialogProps {
  model: AudienceModel;
  doc: FlowDocument;
  onSave: (model: AudienceModel) => void;
  onSaveNamed: (name: string, model: AudienceModel) => void;
  onClose: () => void;
}

/** Edits an audience model field by field; each problem shows beside its field, and nothing is saved until all are fixed. */
export function AudienceDialog({ model, doc, onSave, onSaveNamed, onClose }: AudienceDialogProps) {
  const [form, setForm] = useState<AudienceForm>(() => formFromModel(model));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const sends = useMemo(() => doc.nodes.filter((n) => n.type === 'send').map((n) => ({ id: n.id, label: n.data.label || n.id })), [doc]);
  const errors = useMemo(() => new Map(problems.map((p) => [p.field, p.message])), [problems]);
  const edit = (change: (f: AudienceForm) => void) =>
    setForm((f) => {
      const next = structuredClone(f);
      change(next);
      return next;
    });
  const field = (id: string, label: string, value: string, set: (v: string) => void, o: { unit?: string; wide?: boolean; placeholder?: string; quiet?: boolean; shown?: string } = {}) => (
    <Field id={id} label={o.shown ?? label} error={errors.get(id)} unit={o.unit} wide={o.wide} quiet={o.quiet}>
      <input
        id={id}
        className="form-input form-input--compact"
        value={value}
        placeholder={o.placeholder}
        aria-label={o.shown ? label : undefined}
        aria-invalid={errors.has(id) || undefined}
        aria-describedby={errors.has(id) ? `${id}-error` : undefined}
        onChange={(e) => {
          // A field's problem goes once it is edited; the others stay until the next save.
          if (errors.has(id)) setProblems((ps) => ps.filter((p) => p.field !== id));
          set(e.target.value);
        }}
      />
    </Field>
  );
  const submit = (named: string | null) => {
    const r = modelFromForm(form);
    if (!r.ok) {
      setProblems(r.problems);
      document.getElementById(r.problems[0]!.field)?.focus();
      return;
    }
    setProblems([]);
    if (named !== null) onSaveNamed(named, r.model);
    else onSave(r.model);
  };
  const [naming, setNaming] = useState<string | null>(null);

  return (
    <Dialog onClose={onClose} className="audience-dialog" aria-labelledby="audience-title" data-testid="audience-dialog">
      <header className="dialog__header">
        <div>
          <h2 id="audience-title" className="dialog__title">
            Audience model
          </h2>
          <p className="muted">Who your contacts are and how they behave. Forecasts of “{doc.campaign.name}” draw their users from it. Shares are in % of contacts.</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      <form
        className="audience-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(null);
        }}
      >
        {problems.length > 0 && (
          <div className="preview-error audience-form__problems" role="alert" data-testid="audience-problems">
            <strong>
              {problems.length} thing{problems.length === 1 ? '' : 's'} to fix before saving:
            </strong>
            <ul>
              {problems.map((p) => (
                <li key={`${p.field}-${p.path}-${p.message}`}>
                  <button type="button" className="audience-link" onClick={() => document.getElementById(p.field)?.focus()}>
                    {p.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Section title="General">
          <div className="audience-row">
            {field(fieldId.name(), 'Name', form.name, (v) => edit((f) => (f.name = v)), { wide: true, placeholder: 'e.g. Customers, March' })}
            {field(fieldId.size(), 'Contacts', form.size, (v) => edit((f) => (f.size = v)))}
          </div>
        </Section>

        <Section title="Attributes" hint="What each contact has: their plan, country, score… Weights are relative; the share beside each is what a forecast draws." onAdd={() => edit((f) => f.attributes.push(newAttribute()))} addLabel="Add attribute">
          {form.attributes.map((a, ai) => (
            <AttributeEditor key={a.key} a={a} errors={errors} field={field} onChange={(change) => edit((f) => change(f.attributes[ai]!))} onRemove={() => edit((f) => f.attributes.splice(ai, 1))} />
          ))}
        </Section>

        <Section title="Timezones" hint="IANA names (Europe/Paris) with relative weights." onAdd={() => edit((f) => f.timezones.push({ key: rowKey(), value: '', weight: '1' }))} addLabel="Add timezone">
          <WeightRows rows={form.timezones} what="Timezone" idOf={(r, part) => fieldId.timezone(r, part)} field={field} onChange={(change) => edit((f) => change(f.timezones))} />
          <FieldError id={fieldId.timezones()} error={errors.get(fieldId.timezones())} />
        </Section>

        {(['tags', 'segments'] as const).map((list) => (
          <Section key={list} title={list === 'tags' ? 'Tags' : 'Segments'} hint={list === 'tags' ? 'Share of contacts with each tag.' : 'Share of contacts in each segment.'} onAdd={() => edit((f) => f[list].push({ key: rowKey(), name: '', share: '10' }))} addLabel={list === 'tags' ? 'Add tag' : 'Add segment'}>
            {form[list].map((r, i) => (
              <div key={r.key} className="audience-row">
                {field(fieldId.share(list, r.key, 'name'), list === 'tags' ? 'Tag' : 'Segment', r.name, (v) => edit((f) => (f[list][i]!.name = v)), { wide: true })}
                {field(fieldId.share(list, r.key, 'share'), `Share of ${r.name || 'contacts'}`, r.share, (v) => edit((f) => (f[list][i]!.share = v)), { unit: '%' })}
                <RemoveButton label={`Remove ${r.name || list}`} onClick={() => edit((f) => f[list].splice(i, 1))} />
              </div>
            ))}
          </Section>
        ))}

        <Section title="Events" hint="How often each contact does each event, per day: triggers and exit events repeat, so entry frequency matters." onAdd={() => edit((f) => f.events.push({ key: rowKey(), name: '', perDay: '0.1' }))} addLabel="Add event">
          {form.events.map((r, i) => (
            <div key={r.key} className="audience-row">
              {field(fieldId.event(r.key, 'name'), 'Event', r.name, (v) => edit((f) => (f.events[i]!.name = v)), { wide: true })}
              {field(fieldId.event(r.key, 'perDay'), `${r.name || 'Event'} per day`, r.perDay, (v) => edit((f) => (f.events[i]!.perDay = v)), { unit: '/ day' })}
              <RemoveButton label={`Remove ${r.name || 'event'}`} onClick={() => edit((f) => f.events.splice(i, 1))} />
            </div>
          ))}
        </Section>

        <Section title="Replies" hint="How contacts answer messages: to any message, and to one step where it differs.">
          {form.replies.map((r, i) => (
            <ReplyEditor key={r.key} r={r} sends={sends} errors={errors} field={field} onChange={(change) => edit((f) => change(f.replies[i]!))} onRemove={() => edit((f) => f.replies.splice(i, 1))} />
          ))}
          <div className="audience-row">
            <label className="field">
              <span className="field__label">Describe replies to</span>
              <select
                className="form-input form-input--compact"
                value=""
                aria-label="Describe replies to"
                onChange={(e) => {
                  const step = e.target.value === '*' ? null : e.target.value;
                  edit((f) => f.replies.push({ key: rowKey(), step, probability: '30', delayMinutes: '60', texts: [{ key: rowKey(), value: 'thanks', weight: '1' }] }));
                }}
              >
                <option value="">Choose…</option>
                {!form.replies.some((r) => r.step === null) && <option value="*">Any message</option>}
                {sends
                  .filter((s) => !form.replies.some((r) => r.step === s.id))
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
              </select>
            </label>
          </div>
        </Section>

        <footer className="dialog__footer">
          {naming === null ? (
            <button type="button" className="button" onClick={() => setNaming(form.name.trim() || 'My audience')}>
              Save as named model…
            </button>
          ) : (
            <span className="preview-inline">
              <input className="form-input form-input--compact" aria-label="Model name" value={naming} onChange={(e) => setNaming(e.target.value)} />
              <button type="button" className="button" disabled={!naming.trim()} onClick={() => submit(naming.trim())}>
                Save named
              </button>
            </span>
          )}
          <span className="audience-form__spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="audience-save">
            Use for this flow
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

type FieldFn = (id: string, label: string, value: string, set: (v: string) => void, o?: { unit?: string; wide?: boolean; placeholder?: string; quiet?: boolean; shown?: string }) => ReactNode;

function newAttribute(): AttributeForm {
  return { key: rowKey(), name: '', kind: 'text', values: [{ key: rowKey(), value: '', weight: '1' }], min: '0', max: '100', integer: true, missing: '', short: true };
}

function AttributeEditor({ a, errors, field, onChange, onRemove }: { a: AttributeForm; errors: Map<string, string>; field: FieldFn; onChange: (change: (a: AttributeForm) => void) => void; onRemove: () => void }) {
  const name = a.name || 'attribute';
  const kindId = fieldId.attribute(a.key, 'kind');
  return (
    <fieldset className="audience-card" data-testid="audience-attribute" data-name={a.name}>
      <legend className="audience-sr">{name}</legend>
      <div className="audience-row">
        {field(fieldId.attribute(a.key, 'name'), 'Attribute', a.name, (v) => onChange((x) => (x.name = v)), { wide: true })}
        <label className="field">
          <span className="field__label">Kind</span>
          <select id={kindId} className="form-input form-input--compact" value={a.kind} aria-label={`Kind of ${name}`} onChange={(e) => onChange((x) => (x.kind = e.target.value as AttributeKind))}>
            {KINDS.map(([k, t]) => (
              <option key={k} value={k}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {field(fieldId.attribute(a.key, 'missing'), `${name}: missing`, a.missing, (v) => onChange((x) => (x.missing = v)), { unit: '%', placeholder: '0', shown: 'Missing' })}
        <RemoveButton label={`Remove ${name}`} onClick={onRemove} />
      </div>
      {a.kind === 'range' ? (
        <div className="audience-row">
          {field(fieldId.attribute(a.key, 'min'), `${name}: from`, a.min, (v) => onChange((x) => (x.min = v)), { shown: 'From' })}
          {field(fieldId.attribute(a.key, 'max'), `${name}: to`, a.max, (v) => onChange((x) => (x.max = v)), { shown: 'To' })}
          <label className="audience-check">
            <input type="checkbox" checked={a.integer} onChange={(e) => onChange((x) => (x.integer = e.target.checked))} /> Whole numbers
          </label>
        </div>
      ) : (
        <>
          <WeightRows rows={a.values} what={name} idOf={(r, part) => fieldId.attributeValue(a.key, r, part)} field={field} onChange={(change) => onChange((x) => change(x.values))} />
          <button type="button" className="button button--small" onClick={() => onChange((x) => x.values.push({ key: rowKey(), value: '', weight: '1' }))}>
            Add value to {name}
          </button>
        </>
      )}
      <FieldError id={fieldId.attribute(a.key, 'values')} error={errors.get(fieldId.attribute(a.key, 'values'))} />
    </fieldset>
  );
}

function ReplyEditor({ r, sends, errors, field, onChange, onRemove }: { r: ReplyForm; sends: { id: string; label: string }[]; errors: Map<string, string>; field: FieldFn; onChange: (change: (r: ReplyForm) => void) => void; onRemove: () => void }) {
  const to = r.step === null ? 'any message' : `“${sends.find((s) => s.id === r.step)?.label ?? r.step}”`;
  return (
    <fieldset className="audience-card" data-testid="audience-reply">
      <legend className="audience-card__title" id={fieldId.reply(r.key, 'step')} tabIndex={-1}>
        Replies to {to}
      </legend>
      <FieldError id={fieldId.reply(r.key, 'step')} error={errors.get(fieldId.reply(r.key, 'step'))} />
      <div className="audience-row">
        {field(fieldId.reply(r.key, 'probability'), `Chance of a reply to ${to}`, r.probability, (v) => onChange((x) => (x.probability = v)), { unit: '%', shown: 'Chance of a reply' })}
        {field(fieldId.reply(r.key, 'delayMinutes'), `Typical delay of a reply to ${to}`, r.delayMinutes, (v) => onChange((x) => (x.delayMinutes = v)), { unit: 'min', shown: 'Typical delay' })}
        <RemoveButton label={`Remove replies to ${to}`} onClick={onRemove} />
      </div>
      <WeightRows rows={r.texts} what={`Reply to ${to}`} idOf={(t, part) => fieldId.replyText(r.key, t, part)} field={field} onChange={(change) => onChange((x) => change(x.texts))} />
      <button type="button" className="button button--small" onClick={() => onChange((x) => x.texts.push({ key: rowKey(), value: '', weight: '1' }))}>
        Add reply text
      </button>
      <FieldError id={fieldId.reply(r.key, 'texts')} error={errors.get(fieldId.reply(r.key, 'texts'))} />
    </fieldset>
  );
}

/** Value + weight rows with each weight's share of the total. */
function WeightRows({ rows, what, idOf, field, onChange }: { rows: WeightRow[]; what: string; idOf: (row: string, part: 'value' | 'weight') => string; field: FieldFn; onChange: (change: (rows: WeightRow[]) => void) => void }) {
  const shares = sharesOf(rows.map((r) => r.weight));
  return (
    <div className="audience-weights">
      {rows.map((r, i) => (
        <div key={r.key} className="audience-row" data-testid="audience-value">
          {field(idOf(r.key, 'value'), `${what}: value ${i + 1}`, r.value, (v) => onChange((x) => (x[i]!.value = v)), { wide: true, quiet: i > 0, shown: 'Value' })}
          {field(idOf(r.key, 'weight'), `${what}: weight ${i + 1}`, r.weight, (v) => onChange((x) => (x[i]!.weight = v)), { quiet: i > 0, shown: 'Weight' })}
          <span className="audience-share" data-testid="audience-share">
            {shares[i] === null ? '–' : `${formatShare(shares[i]!)} %`}
          </span>
          <RemoveButton label={`Remove ${what} ${r.value || i + 1}`} onClick={() => onChange((x) => x.splice(i, 1))} />
        </div>
      ))}
    </div>
  );
}

export const formatShare = (p: number): string => (p >= 10 || p === 0 ? String(Math.round(p)) : p.toFixed(1));

function Section({ title, hint, children, onAdd, addLabel }: { title: string; hint?: string; children: ReactNode; onAdd?: () => void; addLabel?: string }) {
  return (
    <section className="audience-section">
      <div className="preview-section__head">
        <h3 className="preview-section__title">{title}</h3>
        {onAdd && (
          <button type="button" className="button button--small" onClick={onAdd}>
            {addLabel}
          </button>
        )}
      </div>
      {hint && <p className="field__hint">{hint}</p>}
      {children}
    </section>
  );
}

/** A labelled input with its problem below; `quiet`: the label is for screen readers only (rows under a labelled first row). */
function Field({ id, label, error, unit, wide, quiet, children }: { id: string; label: string; error: string | undefined; unit?: string | undefined; wide?: boolean | undefined; quiet?: boolean | undefined; children: ReactNode }) {
  return (
    <div className={`field audience-field${wide ? ' audience-field--wide' : ''}${quiet ? ' audience-field--quiet' : ''}`}>
      <label className={quiet ? 'audience-sr' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <span className="preview-inline">
        {children}
        {unit && <span className="muted">{unit}</span>}
      </span>
      <FieldError id={id} error={error} />
    </div>
  );
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <span className="audience-error" id={`${id}-error`} data-testid="audience-error">
      {error}
    </span>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button audience-remove" aria-label={label} title={label} onClick={onClick}>
      <CloseIcon />
    </button>
  );
}
