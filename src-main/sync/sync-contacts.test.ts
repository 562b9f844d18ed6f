import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncHostContract } from '../../src-shared/sync/contract';
import { startFakeChatwoot, type FakeChatwoot } from './testing/fake-chatwoot';
import { fakeSyncService } from './testing/fake-sync-service';

let server: FakeChatwoot;
beforeEach(async () => {
  server = await startFakeChatwoot();
});
afterEach(() => server.close());

const service = () => fakeSyncService(server);

/** 40 contacts: a quarter on the pro plan, every other one with an email, a fifth labelled vip. */
const contacts = Array.from({ length: 40 }, (_, i) => ({
  id: i + 1,
  name: `Contact ${i}`,
  email: i % 2 ? `c${i}@example.com` : null,
  phone_number: null,
  custom_attributes: { plan: i % 4 === 0 ? 'pro' : 'trial' },
  additional_attributes: { country: i % 2 ? 'France' : 'Japan' },
  labels: i % 5 === 0 ? ['vip'] : [],
}));

describe('audience from Chatwoot contacts (sync.contacts)', () => {
  it('reads every page and infers the model in the host: distributions only, no contact', async () => {
    server.account(1).contacts = contacts;
    const r = await service()['sync.contacts']({ backend: 'acme' });
    const parsed = syncHostContract['sync.contacts'].result.parse(r);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed).toMatchObject({ contacts: 40, total: 40, truncated: false });
    expect(parsed.model.size).toBe(40);
    expect(parsed.model.attributes!.plan).toEqual({ values: [{ value: 'pro', weight: 10 }, { value: 'trial', weight: 30 }] });
    expect(parsed.model.tags).toEqual({ vip: 0.2 });
    expect(parsed.notes.find((n) => n.column === 'email')).toMatchObject({ as: 'presence', summary: 'set for 50%; values not kept' });
    expect(JSON.stringify(parsed)).not.toContain('c1@example.com');
    expect(JSON.stringify(parsed)).not.toContain('Contact 1');
    // 40 contacts at 15 a page.
    expect(server.requests.filter((q) => q.path.includes('/contacts')).map((q) => new URL(q.path, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('stops at the limit and says the rest were left out', async () => {
    server.account(1).contacts = contacts;
    const r = await service()['sync.contacts']({ backend: 'acme', limit: 20 });
    expect(r).toMatchObject({ ok: true, contacts: 20, total: 40, truncated: true });
  });

  it('says why when there is nothing to read: no contacts, no such backend, a delivery backend', async () => {
    expect(await service()['sync.contacts']({ backend: 'acme' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no contacts/) } });
    expect(await service()['sync.contacts']({ backend: 'nope' })).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(await service()['sync.contacts']({ backend: 'runner' })).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });
});
