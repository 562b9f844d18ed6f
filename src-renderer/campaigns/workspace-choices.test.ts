import { describe, expect, it } from 'vitest';
import type { DirectoryAnswer } from '../../src-shared/sync/index';
import { defaultInboxId, directoryChoices, inboxesOfType, inboxLabel, labelChips, resolveAgent, resolveInbox, sampleChoices } from './workspace-choices';

/** The fake Chatwoot's sample account, as `sync.directory` answers it. */
const answer: DirectoryAnswer = {
  ok: true,
  inboxes: [
    { id: 1, name: 'Website', kind: 'website' },
    { id: 2, name: 'Twilio SMS', kind: 'twilio-sms', medium: 'sms' },
    { id: 3, name: 'Bandwidth SMS', kind: 'sms' },
    { id: 4, name: 'WhatsApp', kind: 'whatsapp', templates: [{ name: 'order_shipped', language: 'en', body: 'Hello {{1}}, your order has shipped.' }] },
    { id: 5, name: 'API', kind: 'api' },
    { id: 6, name: 'Twilio WhatsApp', kind: 'twilio-sms', medium: 'whatsapp' },
    { id: 7, name: 'Support mail', kind: 'other' },
  ],
  agents: [
    { id: 12, name: 'Mia from Sales', email: 'mia@acme.example' },
    { id: 13, name: 'Sam' },
  ],
  labels: [
    { id: 5, title: 'enterprise' },
    { id: 7, title: 'newsletter' },
  ],
};

describe('campaign form choices', () => {
  const account = directoryChoices(answer);

  it('offers website inboxes to live chat and channel inboxes to one-off, dropping kinds campaigns cannot use', () => {
    expect(inboxesOfType(account, 'website').map((i) => i.id)).toEqual(['1']);
    expect(inboxesOfType(account, 'sms').map((i) => i.name)).toEqual(['Twilio SMS', 'Bandwidth SMS']);
    expect(inboxesOfType(account, 'whatsapp').map((i) => i.name)).toEqual(['WhatsApp', 'Twilio WhatsApp']);
    expect(inboxesOfType(account, 'api').map((i) => i.name)).toEqual(['API']);
    expect(account.inboxes.some((i) => i.name === 'Support mail')).toBe(false);
    expect(inboxesOfType(account, 'whatsapp')[0]).toMatchObject({ detail: 'WhatsApp · #4 · 1 template', templates: [{ name: 'order_shipped' }] });
  });

  it('resolves stored references the way the sync mapping does: id, name, slug', () => {
    expect(resolveInbox(account, '1')?.name).toBe('Website');
    expect(resolveInbox(account, 'website')?.id).toBe('1');
    expect(resolveInbox(account, 'twilio-sms')?.id).toBe('2');
    expect(resolveInbox(account, 'help-center')).toBeUndefined();
    expect(resolveAgent(account, '12')?.name).toBe('Mia from Sales');
    expect(resolveAgent(account, 'mia@acme.example')?.id).toBe('12');
    expect(resolveAgent(account, '7')).toBeUndefined();
    expect(inboxLabel(account, 'twilio-sms')).toBe('Twilio SMS');
    expect(inboxLabel(account, 'help-center')).toBe('help-center');
    expect(inboxLabel(null, '')).toBe('No inbox');
  });

  it('starts a new form on the inbox its reference means, else the first of its type', () => {
    expect(defaultInboxId(account, 'website', 'website')).toBe('1');
    expect(defaultInboxId(account, 'sms', 'twilio-sms')).toBe('2');
    expect(defaultInboxId(account, 'whatsapp', '2')).toBe('4');
    expect(defaultInboxId(directoryChoices({ ...answer, inboxes: [] }), 'sms', 'twilio-sms')).toBe('');
    expect(defaultInboxId(sampleChoices(), 'website', 'website')).toBe('website');
  });

  it('keeps chosen labels the account lacks, marked missing, and matches titles ignoring case', () => {
    expect(labelChips(account, ['Enterprise', 'vip'])).toEqual([
      { title: 'enterprise', on: true, missing: false },
      { title: 'newsletter', on: false, missing: false },
      { title: 'vip', on: true, missing: true },
    ]);
  });

  it('the sample workspace keeps its slugs and counts contacts per label', () => {
    const sample = sampleChoices();
    expect(sample.source).toBe('sample');
    expect(resolveInbox(sample, 'twilio-sms')?.name).toBe('Twilio SMS');
    expect(sample.labels.find((l) => l.title === 'newsletter')?.count).toBeGreaterThan(0);
  });
});
