import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ChatwootCampaign } from '../../src-shared/sync/chatwoot/resource';
import { flowToChatwoot, type ChatwootMappingOptions } from '../../src-shared/sync/chatwoot/to-chatwoot';
import { approvedTemplates } from '../../src-shared/sync/chatwoot/directory';
import { templateChoice } from '../../src-shared/sync/chatwoot/whatsapp-template';
import { liveChatFlow, oneOffFlow, sampleDirectory } from '../../src-shared/sync/testing/sync-builders';
import { example } from '../../src-shared/testing/flow-builders';
import { chatwootValidators } from './testing/chatwoot-schemas';
import { campaignResource, documentedCreateBodies } from './testing/chatwoot-contract';

const v = chatwootValidators();
const dir = sampleDirectory();
// The shipped examples name inboxes the way people do ("website", "twilio-sms").
const cases: [string, ReturnType<typeof liveChatFlow>, ChatwootMappingOptions?][] = [
  ['live chat, agent sender, business hours', liveChatFlow({ businessHoursOnly: true })],
  ['live chat, bot sender, disabled', liveChatFlow({ sender: { type: 'bot' }, enabled: false, description: 'Line 1\nLine 2' })],
  ['one-off SMS (Twilio)', oneOffFlow()],
  ['one-off SMS (SMS inbox), one label', oneOffFlow({ inboxId: '3', labels: ['newsletter'] })],
  ['one-off WhatsApp with template', oneOffFlow({ channel: 'whatsapp', inboxId: 'WhatsApp' }), { whatsappTemplate: { name: 'order_shipped', language: 'en', params: { '1': '{{ contact.name }}' } } }],
  // What the one-off form stores: the inbox chosen by numeric id, the template as the directory offers it.
  ['one-off WhatsApp, template chosen in the form', oneOffFlow({ channel: 'whatsapp', inboxId: '4' }), { whatsappTemplate: templateChoice(approvedTemplates(dir.inboxes.find((i) => i.id === 4)!)[0]!, { '1': ' {{ contact.name }} ' }) }],
  ['example: pricing page live chat', example('pricing-page-live-chat')],
  ['example: incident SMS broadcast (made active)', { ...example('incident-sms-broadcast'), campaign: { ...example('incident-sms-broadcast').campaign, status: 'active' } }],
];

describe("request bodies validate against Chatwoot's OpenAPI request schemas", () => {
  it.each(cases)('%s', (_name, flow, opts) => {
    const m = flowToChatwoot(flow, dir, opts);
    if (!m.ok) throw new Error(m.problems.map((p) => p.message).join('\n'));
    const body = { campaign: m.fields };
    expect(v.check(v.create, body)).toEqual([]);
    expect(v.check(v.update, body)).toEqual([]);
  });

  it("the validator is strict enough to catch a bad body (and accepts the documented shapes)", () => {
    for (const body of Object.values(documentedCreateBodies)) expect(v.check(v.create, body)).toEqual([]);
    expect(v.check(v.create, { campaign: { inbox_id: 1, message: 'x', trigger_rules: { url: 'https://a.example' } } }).join()).toMatch(/title/);
    expect(v.check(v.create, { campaign: { title: 't', inbox_id: 2, message: 'x', audience: [{ type: 'Tag', id: 1 }] } }).join()).toMatch(/allowed values/);
    expect(v.check(v.create, { campaign: { title: 't', inbox_id: 2, message: 'x', scheduled_at: 'tomorrow', audience: [{ type: 'Label', id: 1 }] } }).join()).toMatch(/date-time/);
  });
});

describe("the zod mirror of Chatwoot's campaign resource", () => {
  const yml = campaignResource as { properties: Record<string, { type?: string | readonly string[]; enum?: readonly string[]; $ref?: string }> };
  const mirror = z.toJSONSchema(ChatwootCampaign, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, Record<string, unknown>> };

  const typesOf = (s: Record<string, unknown>): string[] => {
    if (Array.isArray(s.anyOf)) return [...new Set((s.anyOf as Record<string, unknown>[]).flatMap(typesOf))].sort();
    if (s.$ref || s.type === undefined) return ['object'];
    const t = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    return t.map((x) => (x === 'integer' ? 'integer' : x)).sort();
  };

  it('has exactly the properties of the contract', () => {
    expect(Object.keys(mirror.properties).sort()).toEqual(Object.keys(yml.properties).sort());
  });

  it.each(Object.keys(yml.properties))('%s has the same type and values', (key) => {
    const want = yml.properties[key]!;
    const got = mirror.properties[key]!;
    const wantTypes = want.$ref ? ['object'] : (typeof want.type === 'string' ? [want.type] : [...want.type!]).sort();
    expect(typesOf(got)).toEqual(wantTypes);
    if (want.enum) expect((got.enum as string[]).slice().sort()).toEqual([...want.enum].sort());
  });

  it('parses what the contract accepts, with scheduled_at in Unix seconds', () => {
    const sample = { id: 3, title: 'T', description: null, account_id: 1, inbox: { id: 2 }, sender: {}, message: 'M', template_params: null, campaign_status: 'completed', campaign_type: 'one_off', enabled: true, scheduled_at: 1_900_000_000, started_at: null, completed_at: 1_900_000_100, audience: [{ type: 'Label', id: 5 }], trigger_rules: {}, trigger_only_during_business_hours: false, created_at: '2030-01-01T00:00:00.000Z', updated_at: '2030-01-01T00:00:00Z' };
    expect(v.check(v.resource, sample)).toEqual([]);
    expect(ChatwootCampaign.safeParse(sample).success).toBe(true);
    expect(ChatwootCampaign.safeParse({ ...sample, scheduled_at: '2030-01-01T00:00:00Z' }).success).toBe(false);
  });
});
