import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, useFieldDescription, type FieldProps } from './field';

/** The markup of one Field around a plain input that wires what the render prop hands it. */
function render(props: Omit<FieldProps, 'children'>): string {
  return renderToStaticMarkup(<Field {...props}>{(id, invalid, describedBy) => <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} />}</Field>);
}
const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

describe('Field', () => {
  it('labels the control and points it at the hint', () => {
    const html = render({ label: 'Title', hint: 'Only your team sees it.' });
    const id = attr(html, 'input', 'id')!;
    expect(attr(html, 'label', 'for')).toBe(id);
    expect(attr(html, 'input', 'aria-describedby')).toBe(`${id}-hint`);
    expect(html).toContain(`<div class="field__hint" id="${id}-hint">Only your team sees it.</div>`);
    expect(html).not.toContain('aria-invalid');
  });

  it('shows an error instead of the hint, as an alert the control is described by', () => {
    const html = render({ label: 'Title', hint: 'Only your team sees it.', error: 'Give the campaign a name.', optional: true });
    const id = attr(html, 'input', 'id')!;
    expect(html).not.toContain('Only your team sees it.');
    expect(html).toContain(`<p class="field__error" id="${id}-error" role="alert">Give the campaign a name.</p>`);
    expect(attr(html, 'input', 'aria-describedby')).toBe(`${id}-error`);
    expect(attr(html, 'input', 'aria-invalid')).toBe('true');
    expect(html).toContain('<span class="field__optional">optional</span>');
    expect(html).toContain('class="field field--invalid"');
  });

  it('lists validation messages in their tone; only an error makes the value invalid', () => {
    const warning = render({ label: 'Body', hint: 'Markdown', problems: [{ severity: 'warning', code: 'send.long', message: 'Long for an SMS.' }] });
    const id = attr(warning, 'input', 'id')!;
    expect(attr(warning, 'input', 'aria-describedby')).toBe(`${id}-hint ${id}-messages`);
    expect(warning).toContain('data-tone="warning" data-testid="field-problem" data-code="send.long">Long for an SMS.</li>');
    expect(warning).not.toContain('aria-invalid');
    const error = render({ label: 'Body', problems: [{ severity: 'error', message: 'The message is empty.' }] });
    expect(attr(error, 'input', 'aria-invalid')).toBe('true');
    expect(error).toContain('data-tone="danger"');
  });

  it('tells a kit control inside it what describes it, and no other control', () => {
    function Control({ id }: { id: string }) {
      return <input id={id} aria-describedby={useFieldDescription(id)} />;
    }
    const html = renderToStaticMarkup(
      <Field label="Delay" hint="In days">
        {(id) => (
          <>
            <Control id={id} />
            <Control id="other" />
          </>
        )}
      </Field>,
    );
    const id = attr(html, 'label', 'for')!;
    expect(html).toContain(`<input id="${id}" aria-describedby="${id}-hint"/>`);
    expect(html).toContain('<input id="other"/>');
  });
});
