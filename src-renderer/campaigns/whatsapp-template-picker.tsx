import { fillTemplate, templateVariables, type DirectoryTemplate } from '../../src-shared/sync/index';
import type { WhatsappTemplateState } from './use-whatsapp-template';

/**
 * Picks the approved template a WhatsApp one-off is sent as, and a value for each of its
 * variables (`{{1}}`…): text, or a Liquid variable such as `{{ contact.name }}`.
 */
export function WhatsappTemplatePicker({ id, templates, state }: { id: string; templates: readonly DirectoryTemplate[]; state: WhatsappTemplateState }) {
  const { draft, template } = state;
  const key = draft ? `${draft.name}|${draft.language}` : '';
  return (
    <div className="template-picker" data-testid="template-picker">
      <select
        id={id}
        className="input"
        value={key}
        data-testid="template-select"
        onChange={(e) => {
          const t = templates.find((x) => `${x.name}|${x.language}` === e.target.value);
          state.change(t ? { name: t.name, language: t.language, params: draft?.params ?? {} } : null);
        }}
      >
        <option value="">{templates.length ? 'Choose an approved template…' : 'No approved templates in this inbox'}</option>
        {draft && !template && (
          <option value={key}>
            {draft.name} ({draft.language}) — no longer approved
          </option>
        )}
        {templates.map((t) => (
          <option key={`${t.name}|${t.language}`} value={`${t.name}|${t.language}`}>
            {t.name} ({t.language}){t.category ? ` · ${t.category.toLowerCase()}` : ''}
          </option>
        ))}
      </select>
      {draft && template && (
        <>
          <p className="template-picker__body" data-testid="template-body">
            {fillTemplate(template.body, draft.params) || 'This template has no body text.'}
          </p>
          {templateVariables(template.body).map((variable) => (
            <label key={variable} className="template-picker__param">
              <span className="template-picker__variable">{`{{${variable}}}`}</span>
              <input
                className="input"
                value={draft.params[variable] ?? ''}
                placeholder="Text, or {{ contact.name }}"
                aria-label={`Value for {{${variable}}}`}
                onChange={(e) => state.change({ ...draft, params: { ...draft.params, [variable]: e.target.value } })}
              />
            </label>
          ))}
        </>
      )}
    </div>
  );
}
