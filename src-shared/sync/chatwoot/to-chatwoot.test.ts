import { describe, expect, it } from 'vitest';
import { createEmptyFlow } from '../../flow/create';
import { liveChatFlow, oneOffFlow, sampleDirectory } from '../testing/sync-builders';
import { chatwootExpressibility } from './expressible';
import { chatwootFieldErrors } from './field-errors';
import { chatwootFingerprint, chatwootToFlow } from './from-chatwoot';
import type { ChatwootCampaign } from './resource';
import { flowToChatwoot, remoteEditProblem } from './to-chatwoot';

const dir = sampleDirectory();

describe('flowToChatwoot: live chat → ongoing campaign', () => {
  it('maps URL, seconds, sender, enabled and business hours, with the marker in the description', () => {
    const m = flowToChatwoot(liveChatFlow({ businessHoursOnly: true, description: 'For the sales team.' }), dir);
    expect(m).toMatchObject({ ok: true, campaignType: 'ongoing' });
    if (!m.ok) return;
    expect(m.fields).toEqual({
      title: 'Pricing help',
      description: 'For the sales team.\n\n[cs:pricing-chat]',
      message: 'Can we help you choose a plan?',
      inbox_id: 1,
      sender_id: 12,
      enabled: true,
      trigger_only_during_business_hours: true,
      trigger_rules: { url: 'https://www.example.com/pricing*', time_on_page: 15 },
    });
  });

  it('a bot sender is no sender; a disabled campaign is not enabled', () => {
    const m = flowToChatwoot(liveChatFlow({ sender: { type: 'bot' }, enabled: false }), dir);
    expect(m.ok && m.fields).toMatchObject({ sender_id: null, enabled: false });
  });

  it('places unknown inboxes and agents on the field to fix', () => {
    const m = flowToChatwoot(liveChatFlow({ inboxId: 'twilio-sms', sender: { type: 'agent', agentId: '99' } }), dir);
    expect(m.ok).toBe(false);
    if (m.ok) return;
    const codes = m.problems.map((p) => [p.code, p.path]);
    expect(codes).toContainEqual(['chatwoot.inbox-kind', '$.nodes[1].data.inboxId']);
    expect(codes).toContainEqual(['chatwoot.sender-unknown', '$.nodes[1].data.sender']);
    expect(m.problems.find((p) => p.code === 'chatwoot.inbox-kind')?.message).toMatch(/"Twilio SMS" is not a Website inbox; live-chat campaigns run on a Website inbox\. Inboxes that fit: "Website"/);
  });
});

describe('flowToChatwoot: one-off → one-off campaign', () => {
  it('resolves labels, and schedules at the local time with its offset', () => {
    const m = flowToChatwoot(oneOffFlow(), dir);
    expect(m.ok && m.fields).toEqual({
      title: 'Maintenance notice',
      description: '[cs:maintenance-sms]',
      message: 'Hi {{ contact.first_name }}, we are down Sunday 2-4 am.',
      inbox_id: 2,
      enabled: true,
      audience: [{ type: 'Label', id: 5 }, { type: 'Label', id: 6 }],
      scheduled_at: '2030-03-02T08:30:00-05:00',
    });
  });

  it('uses the summer offset across DST', () => {
    const m = flowToChatwoot(oneOffFlow({ scheduledAt: '2030-07-04T09:00' }), dir);
    expect(m.ok && m.fields.scheduled_at).toBe('2030-07-04T09:00:00-04:00');
  });

  it('refuses unknown labels, no labels, and a paused one-off (Chatwoot would still send it)', () => {
    const m = flowToChatwoot(oneOffFlow({ labels: ['vip'], enabled: false }), dir);
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['chatwoot.label-unknown', 'chatwoot.one-off-not-active']));
    const none = flowToChatwoot(oneOffFlow({ labels: [] }), dir);
    expect(!none.ok && none.problems.map((p) => p.code)).toContain('chatwoot.audience-missing');
  });

  it('WhatsApp needs an approved template with its variables', () => {
    const flow = oneOffFlow({ channel: 'whatsapp', inboxId: 'whatsapp' });
    const missing = flowToChatwoot(flow, dir);
    expect(!missing.ok && missing.problems[0]?.message).toMatch(/choose one of WhatsApp's templates \(order_shipped \(en\)\)/);
    const noParam = flowToChatwoot(flow, dir, { whatsappTemplate: { name: 'order_shipped', language: 'en' } });
    expect(!noParam.ok && noParam.problems[0]?.message).toMatch(/needs a value for \{\{1\}\}/);
    const m = flowToChatwoot(flow, dir, { whatsappTemplate: { name: 'order_shipped', language: 'en', params: { '1': '{{ contact.name }}' } } });
    expect(m.ok && m.fields.template_params).toEqual({ name: 'order_shipped', language: 'en', category: 'UTILITY', processed_params: { body: { '1': '{{ contact.name }}' } } });
  });

  it('API inboxes are not Chatwoot campaign channels', () => {
    const m = flowToChatwoot(oneOffFlow({ channel: 'api', inboxId: 'api' }), dir);
    expect(!m.ok && m.problems[0]).toMatchObject({ code: 'chatwoot.channel' });
  });
});

describe('chatwootExpressibility', () => {
  it('says why a workflow cannot be a Chatwoot campaign, before any request', () => {
    const doc = createEmptyFlow({ name: 'Drip', id: 'drip', kind: 'workflow' });
    const r = chatwootExpressibility(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons[0]?.message).toMatch(/Multi-step workflows cannot be published to Chatwoot/);
    expect(r.reasons.map((p) => p.code)).toContain('chatwoot.trigger');
  });

  it('warns about what Chatwoot will not honour', () => {
    const r = chatwootExpressibility(liveChatFlow({ conditions: { match: 'all', rules: [{ attribute: 'browser_language', operator: 'equals', value: 'de' }] } }));
    expect(r.ok && r.notes.map((n) => n.code)).toContain('chatwoot.audience-ignored');
  });
});

describe('sent one-offs are locked', () => {
  const remote = (over: Partial<ChatwootCampaign>): ChatwootCampaign => ({ id: 3, title: 'T', message: 'M', campaign_status: 'active', campaign_type: 'one_off', enabled: true, ...over });
  it('refuses updates to processing or completed one-offs, and type changes', () => {
    expect(remoteEditProblem(remote({}), 'one_off')).toBeNull();
    expect(remoteEditProblem(remote({ campaign_status: 'completed', completed_at: 1_900_000_000 }), 'one_off')?.message).toMatch(/was sent on 2030-03-17 17:46 UTC; a sent campaign cannot be changed or unsent/);
    expect(remoteEditProblem(remote({ campaign_status: 'processing' }), 'one_off')?.message).toMatch(/is being sent/);
    expect(remoteEditProblem(remote({}), 'ongoing')?.code).toBe('chatwoot.type-changed');
  });
});

describe('chatwootFieldErrors', () => {
  it('pairs each 422 attribute with its message and flow field', () => {
    const doc = liveChatFlow();
    expect(chatwootFieldErrors({ message: "Title can't be blank, Url invalid", attributes: ['title', 'url'] }, doc)).toEqual([
      { attribute: 'title', message: "Title can't be blank", path: '$.campaign.name' },
      { attribute: 'url', message: 'Url invalid', path: '$.campaign.trigger.urlPattern' },
    ]);
    expect(chatwootFieldErrors({ message: "Message can't be blank", attributes: ['message'] }, doc)[0]).toMatchObject({ path: '$.nodes[1].data.body', nodeId: 'message', field: 'data.body' });
    expect(chatwootFieldErrors({ message: 'Completed Campaign is not editable', attributes: ['base'] })[0]).toMatchObject({ attribute: 'base', path: '$.campaign' });
  });
});

describe('remote → flow', () => {
  it('takes the remote text, URL and schedule, and round-trips to the same fields', () => {
    const doc = liveChatFlow();
    const m = flowToChatwoot(doc, dir);
    if (!m.ok) throw new Error('mapping failed');
    const remote: ChatwootCampaign = { id: 1, ...m.fields, title: 'Edited in Chatwoot', campaign_status: 'active', campaign_type: 'ongoing', inbox: { id: 1 }, sender: {}, trigger_rules: { url: 'https://www.example.com/plans', time_on_page: 30 } } as ChatwootCampaign;
    const taken = chatwootToFlow(doc, remote, dir);
    expect(taken.campaign).toMatchObject({ name: 'Edited in Chatwoot', trigger: { type: 'page_visit', urlPattern: 'https://www.example.com/plans', secondsOnPage: 30 } });
    expect(taken.nodes[1]).toMatchObject({ data: { sender: { type: 'bot' } } });
    const back = flowToChatwoot(taken, dir);
    expect(back.ok && back.fields).toMatchObject({ title: 'Edited in Chatwoot', sender_id: null, trigger_rules: { url: 'https://www.example.com/plans', time_on_page: 30 } });
  });

  it('one-off schedule and labels come back in the flow timezone', () => {
    const doc = oneOffFlow();
    const remote: ChatwootCampaign = { id: 2, title: 'X', message: 'Y', campaign_status: 'active', campaign_type: 'one_off', enabled: true, inbox: { id: 2 }, scheduled_at: Date.parse('2030-03-03T14:00:00Z') / 1000, audience: [{ type: 'Label', id: 7 }] };
    const taken = chatwootToFlow(doc, remote, dir);
    expect(taken.campaign.trigger).toEqual({ type: 'scheduled', at: '2030-03-03T09:00', timezone: 'America/New_York' });
    expect(taken.campaign.audience?.rules).toEqual([{ type: 'tag', operator: 'has', tag: 'newsletter' }]);
  });

  it('the fingerprint ignores status and timestamps but sees edits', () => {
    const base: ChatwootCampaign = { id: 1, title: 'A', message: 'B', campaign_status: 'active', campaign_type: 'ongoing', enabled: true, updated_at: '2030-01-01T00:00:00Z' };
    expect(chatwootFingerprint({ ...base, updated_at: '2030-02-01T00:00:00Z' })).toBe(chatwootFingerprint(base));
    expect(chatwootFingerprint({ ...base, message: 'C' })).not.toBe(chatwootFingerprint(base));
  });
});

describe("Chatwoot's own inbox rules (#14.8, #14.9, #14.13)", () => {
  const twilioWhatsapp = { id: 8, name: 'Twilio WhatsApp', kind: 'twilio-sms' as const, medium: 'whatsapp', templates: [] };
  const dialog360 = { id: 9, name: '360dialog', kind: 'whatsapp' as const, provider: 'default', templates: [] };
  const wide = { ...dir, inboxes: [...dir.inboxes, twilioWhatsapp, dialog360] };
  const template = { whatsappTemplate: { name: 'order_shipped', language: 'en', params: { '1': 'x' } } };
  const problem = (m: ReturnType<typeof flowToChatwoot>) => (m.ok ? undefined : m.problems.find((p) => p.code === 'chatwoot.inbox-kind')?.message);

  it('a Twilio inbox is an SMS inbox only when its medium is sms', () => {
    expect(flowToChatwoot(oneOffFlow({ inboxId: '2' }), wide).ok).toBe(true);
    expect(problem(flowToChatwoot(oneOffFlow({ inboxId: '8' }), wide))).toMatch(/Twilio inbox for WhatsApp \(medium whatsapp\); Chatwoot never sends an SMS campaign from it/);
    expect(problem(flowToChatwoot(oneOffFlow({ channel: 'whatsapp', inboxId: '2' }), wide, template))).toMatch(/Twilio inbox for SMS \(medium sms\); Chatwoot would send this as a plain SMS/);
  });

  it('WhatsApp one-offs need the WhatsApp Cloud provider', () => {
    expect(flowToChatwoot(oneOffFlow({ channel: 'whatsapp', inboxId: '4' }), wide, template).ok).toBe(true);
    expect(problem(flowToChatwoot(oneOffFlow({ channel: 'whatsapp', inboxId: '9' }), wide, template))).toMatch(/"default" WhatsApp provider; Chatwoot sends WhatsApp campaigns only through the WhatsApp Cloud provider/);
    expect(problem(flowToChatwoot(oneOffFlow({ channel: 'whatsapp', inboxId: '8' }), wide, template))).toMatch(/Twilio WhatsApp inbox; Chatwoot sends WhatsApp campaigns only from a WhatsApp Cloud inbox/);
  });

  it('the template language is compared without regard to case, as Chatwoot does', () => {
    const m = flowToChatwoot(oneOffFlow({ channel: 'whatsapp', inboxId: '4' }), dir, { whatsappTemplate: { name: 'order_shipped', language: 'EN', params: { '1': 'x' } } });
    expect(m.ok).toBe(true);
  });

  it('says what really happens when the inbox kind changes: Chatwoot re-derives the type on save', () => {
    const remote: ChatwootCampaign = { id: 3, title: 'T', message: 'M', campaign_status: 'active', campaign_type: 'ongoing', enabled: true };
    const message = remoteEditProblem(remote, 'one_off')?.message ?? '';
    expect(message).toMatch(/Chatwoot derives a campaign's type from its inbox on every save/);
    expect(message).toMatch(/would become a one-off, sent to its audience at the scheduled time/);
    expect(message).not.toMatch(/cannot change a campaign's type/);
  });
});

describe('flowToChatwoot: business hours are the inbox’s (#14.11)', () => {
  const berlin = { enabled: true, timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5].map((day) => ({ day, closedAllDay: false, openAllDay: false, open: 540, close: 1020 })) };
  const withHours = (hours: typeof berlin) => ({ ...dir, inboxes: dir.inboxes.map((i) => (i.id === 1 ? { ...i, hours } : i)) });
  const note = (m: ReturnType<typeof flowToChatwoot>) => (m.ok ? m.warnings : m.problems).find((p) => p.code === 'chatwoot.business-hours')?.message;

  it('no note when the flow carries the inbox’s own hours; its hours when they differ', () => {
    // The flow's default hours are Mon–Fri 09:00–17:00 in its timezone (Europe/Berlin).
    expect(note(flowToChatwoot(liveChatFlow({ businessHoursOnly: true }), withHours(berlin)))).toBeUndefined();
    expect(note(flowToChatwoot(liveChatFlow({ businessHoursOnly: true }), withHours({ ...berlin, timezone: 'America/New_York' })))).toBe(
      'Chatwoot uses the working hours of the inbox "Website": Mon–Fri 09:00–17:00 (America/New_York), not the hours set on this flow (Mon–Fri 09:00–17:00, Europe/Berlin).',
    );
  });

  it('says the campaign shows at any time when the inbox has working hours off', () => {
    expect(note(flowToChatwoot(liveChatFlow({ businessHoursOnly: true }), withHours({ ...berlin, enabled: false })))).toBe('Working hours are turned off for the inbox "Website" in Chatwoot, so Chatwoot shows this campaign at any time, not only during business hours.');
    expect(note(flowToChatwoot(liveChatFlow({ businessHoursOnly: false }), withHours({ ...berlin, enabled: false })))).toBeUndefined();
  });

  it('keeps the general note when the inbox’s hours are not known', () => {
    expect(note(flowToChatwoot(liveChatFlow({ businessHoursOnly: true }), dir))).toBe("Chatwoot checks the website inbox's own working hours, not the hours set on this flow.");
  });
});

describe('remote → flow: business hours (#14.11)', () => {
  it("takes the inbox's working hours when the remote campaign shows only during them", () => {
    const tokyo = { enabled: true, timezone: 'Asia/Tokyo', days: [{ day: 6, closedAllDay: false, openAllDay: false, open: 1320, close: 120 }] };
    const withHours = { ...dir, inboxes: dir.inboxes.map((i) => (i.id === 1 ? { ...i, hours: tokyo } : i)) };
    const doc = liveChatFlow();
    const remote = { id: 1, title: 'T', message: 'M', campaign_status: 'active', campaign_type: 'ongoing', enabled: true, inbox: { id: 1 }, trigger_only_during_business_hours: true, trigger_rules: { url: 'https://www.example.com/', time_on_page: 5 } } as ChatwootCampaign;
    const taken = chatwootToFlow(doc, remote, withHours);
    expect(taken.campaign.outsideBusinessHours).toBe('wait');
    expect(taken.campaign.businessHours).toEqual({ timezone: 'Asia/Tokyo', intervals: [{ day: 'sat', open: '00:00', close: '02:00' }, { day: 'sat', open: '22:00', close: '24:00' }] });
    // …and publishing it back finds nothing to warn about: they are the inbox's own.
    const back = flowToChatwoot(taken, withHours);
    expect(back.ok && back.warnings.filter((w) => w.code === 'chatwoot.business-hours')).toEqual([]);
    // Hours off in the inbox: the flow keeps its own.
    expect(chatwootToFlow(doc, remote, { ...dir, inboxes: dir.inboxes.map((i) => (i.id === 1 ? { ...i, hours: { ...tokyo, enabled: false } } : i)) }).campaign.businessHours).toEqual(doc.campaign.businessHours);
  });
});
