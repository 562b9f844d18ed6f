import { describe, expect, it } from 'vitest';
import { fillTemplate, templateChoice, templateChoiceProblem, templateVariables } from './whatsapp-template';

const shipped = { name: 'order_shipped', language: 'en', body: 'Hello {{1}}, your order {{2}} has shipped. Thanks, {{1}}!' };

describe('WhatsApp template choices', () => {
  it('lists a body’s variables once, in order, numbered or named', () => {
    expect(templateVariables(shipped.body)).toEqual(['1', '2']);
    expect(templateVariables('Hi {{ name }} — {{1}}')).toEqual(['name', '1']);
    expect(templateVariables('No variables')).toEqual([]);
  });

  it('keeps only the template’s variables, trimmed, and leaves empty ones out', () => {
    expect(templateChoice(shipped, { '1': ' {{ contact.name }} ', '2': '', '3': 'stray' })).toEqual({ name: 'order_shipped', language: 'en', params: { '1': '{{ contact.name }}' } });
    expect(templateChoice({ ...shipped, body: 'Plain' }, { '1': 'x' })).toEqual({ name: 'order_shipped', language: 'en' });
  });

  it('says what is missing before publishing, as the mapping would', () => {
    expect(templateChoiceProblem([shipped], undefined)).toContain('Choose the approved template');
    expect(templateChoiceProblem([], undefined)).toContain('no approved WhatsApp template');
    expect(templateChoiceProblem([shipped], { name: 'order_shipped', language: 'de' })).toContain('no approved template "order_shipped" in "de"');
    expect(templateChoiceProblem([shipped], { name: 'order_shipped', language: 'en', params: { '1': 'Ada' } })).toBe('Give a value for {{2}}.');
    expect(templateChoiceProblem([shipped], templateChoice(shipped, { '1': 'Ada', '2': '#42' }))).toBeNull();
  });

  it('shows the body as recipients read it', () => {
    expect(fillTemplate(shipped.body, { '1': 'Ada' })).toBe('Hello Ada, your order {{2}} has shipped. Thanks, Ada!');
  });
});
