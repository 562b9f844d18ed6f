import { describe, expect, it } from 'vitest';
import { backendFormResult, emptyBackendForm, formFromConnection } from './backend-form-model';

describe('the backend connection form', () => {
  it('turns a filled Chatwoot form into a connection, trimming the URL', () => {
    const form = { ...emptyBackendForm('chatwoot'), baseUrl: ' https://chat.example.com/ ', accountId: '3', token: 'tok' };
    expect(backendFormResult(form, { isNew: true, taken: [] })).toEqual({ ok: true, connection: { type: 'chatwoot', baseUrl: 'https://chat.example.com', accountId: 3 } });
  });

  it('says what to fix, field by field', () => {
    const result = backendFormResult({ name: 'my backend', type: 'chatwoot', baseUrl: 'chat.example.com', accountId: '0', token: '' }, { isNew: true, taken: [] });
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['accountId', 'baseUrl', 'name', 'token']);
  });

  it('keeps a stored token when editing and refuses a name in use when adding', () => {
    const editing = formFromConnection('journeys', { type: 'delivery', baseUrl: 'https://delivery.example.com' });
    expect(backendFormResult(editing, { isNew: false, taken: ['journeys'], hasToken: true }).ok).toBe(true);
    expect(backendFormResult({ ...editing, token: 'x' }, { isNew: true, taken: ['journeys'] })).toMatchObject({ ok: false, errors: { name: expect.stringContaining('exists') } });
    expect(emptyBackendForm('delivery', ['delivery']).name).toBe('delivery-2');
  });

  it('asks for the token again when the address of a saved backend changes (#14.7)', () => {
    const editing = formFromConnection('journeys', { type: 'delivery', baseUrl: 'https://delivery.example.com' });
    const opts = { isNew: false, taken: ['journeys'], hasToken: true, savedBaseUrl: 'https://delivery.example.com' };
    expect(backendFormResult({ ...editing, baseUrl: 'https://delivery.example.com/' }, opts).ok).toBe(true);
    expect(backendFormResult({ ...editing, baseUrl: 'https://elsewhere.example.com' }, opts)).toMatchObject({ ok: false, errors: { token: expect.stringContaining('type the token again') } });
    expect(backendFormResult({ ...editing, baseUrl: 'https://elsewhere.example.com', token: 'new' }, opts).ok).toBe(true);
    expect(backendFormResult({ ...editing, baseUrl: 'http://delivery.example.com', token: 'new' }, opts)).toMatchObject({ ok: false, errors: { baseUrl: expect.stringContaining('https') } });
  });
});
