import { describe, expect, it } from 'vitest';
import { exportFlowJson, importFlowJson, validateFlow } from '../flow';
import { example, TEST_NOW } from '../testing/flow-builders';
import { flowToLiveChat, liveChatToFlow, newLiveChatCampaign, type LiveChatCampaign } from './live-chat';
import { canEditOneOff, flowToOneOff, newOneOffCampaign, oneOffStatus, oneOffToFlow, type OneOffCampaign } from './one-off';

const errors = (doc: Parameters<typeof validateFlow>[0]) => validateFlow(doc, { now: TEST_NOW }).filter((p) => p.severity === 'error');

const chat: LiveChatCampaign = {
  ...newLiveChatCampaign('chat-pricing', 'Europe/Berlin'),
  title: 'Pricing help',
  message: 'Comparing plans? **Ask us** anything.',
  inboxId: 'website',
  sender: { type: 'agent', agentId: '12', name: 'Mia' },
  urlPattern: 'https://www.example.com/pricing*',
  timeOnPage: 15,
  businessHoursOnly: true,
  frequency: { type: 'once' },
  conditions: { match: 'any', rules: [{ attribute: 'country', operator: 'equals', value: 'DE' }, { attribute: 'visit_count', operator: 'greater_than', value: '2' }, { attribute: 'plan', operator: 'in_list', value: 'free, trial' }] },
};

const sms: OneOffCampaign = {
  ...newOneOffCampaign('sms-maintenance', 'America/New_York'),
  title: 'Maintenance notice',
  inboxId: 'twilio-sms',
  message: 'Hi {{ contact.first_name }}, we are down Sun 02:00-04:00 ET.',
  labels: ['enterprise', 'status-page-subscriber'],
  scheduledAt: '2026-12-01T09:00',
};

describe('live-chat form ⇄ flow document', () => {
  it('makes a valid trigger → chat → end flow with the form in the campaign settings', () => {
    const doc = liveChatToFlow(chat, { now: TEST_NOW });
    expect(errors(doc)).toEqual([]);
    expect(doc.nodes.map((n) => n.type)).toEqual(['trigger', 'send', 'end']);
    expect(doc.campaign).toMatchObject({
      kind: 'live-chat',
      status: 'active',
      outsideBusinessHours: 'wait',
      trigger: { type: 'page_visit', urlPattern: 'https://www.example.com/pricing*', secondsOnPage: 15 },
      entryFrequency: { type: 'once' },
      channelDefaults: { inboxId: 'website', sender: { type: 'agent', agentId: '12', name: 'Mia' } },
      audience: {
        match: 'any',
        rules: [
          { type: 'attribute', attribute: 'country', operator: 'equals', value: 'DE' },
          { type: 'attribute', attribute: 'visit_count', operator: 'greater_than', value: 2 },
          { type: 'attribute', attribute: 'plan', operator: 'in_list', value: ['free', 'trial'] },
        ],
      },
    });
    expect(doc.nodes[1]).toMatchObject({ data: { channel: 'chat', body: 'Comparing plans? **Ask us** anything.', inboxId: 'website' } });
  });

  it('reads back the same form, and survives export and import', () => {
    const doc = liveChatToFlow(chat, { now: TEST_NOW });
    expect(flowToLiveChat(doc)).toEqual({ ok: true, form: chat, notes: [] });
    const again = importFlowJson(exportFlowJson(doc), { now: TEST_NOW });
    expect(again.ok && flowToLiveChat(again.document)).toEqual({ ok: true, form: chat, notes: [] });
  });

  it('disabled is paused; no conditions is no audience', () => {
    const doc = liveChatToFlow({ ...chat, enabled: false, businessHoursOnly: false, conditions: { match: 'all', rules: [] } }, { now: TEST_NOW });
    expect(doc.campaign).toMatchObject({ status: 'paused', outsideBusinessHours: 'send_anyway', audience: null });
  });

  it('sanitises the message on the way in', () => {
    const doc = liveChatToFlow({ ...chat, message: '<b>Hi</b><script>x()</script>' }, { now: TEST_NOW });
    expect(doc.nodes[1]).toMatchObject({ data: { body: '**Hi**' } });
  });

  it('edits the shipped example in place: ids, labels, layout and other rules kept', () => {
    const base = example('pricing-page-live-chat');
    const read = flowToLiveChat(base);
    if (!read.ok) throw new Error(read.reason);
    expect(read.form).toMatchObject({ title: 'Pricing page: talk to sales', timeOnPage: 15, businessHoursOnly: true, frequency: { type: 'once' }, enabled: true, sender: { type: 'agent', name: 'Mia from Sales' } });
    expect(read.notes).toEqual([]);
    const edited = liveChatToFlow({ ...read.form, timeOnPage: 30 }, { base, now: TEST_NOW });
    expect(errors(edited)).toEqual([]);
    expect(edited.nodes.map((n) => [n.id, n.position.y])).toEqual(base.nodes.map((n) => [n.id, n.position.y]));
    expect(edited.nodes[1]?.data).toMatchObject({ label: 'Offer help' });
    expect(edited.campaign.audience).toEqual(base.campaign.audience); // the conversation rule is kept
    expect(edited.campaign.trigger).toMatchObject({ secondsOnPage: 30 });
    expect(edited.meta).toMatchObject({ createdAt: base.meta.createdAt, updatedAt: TEST_NOW.toISOString() });
  });

  it('refuses flows that are not a simple live-chat campaign', () => {
    expect(flowToLiveChat(example('incident-sms-broadcast'))).toMatchObject({ ok: false });
  });
});

describe('one-off form ⇄ flow document', () => {
  it('makes a valid trigger → sms → end flow whose audience is any of the labels', () => {
    const doc = oneOffToFlow(sms, { now: TEST_NOW });
    expect(errors(doc)).toEqual([]);
    expect(doc.campaign).toMatchObject({
      kind: 'one-off',
      status: 'active',
      trigger: { type: 'scheduled', at: '2026-12-01T09:00', timezone: 'America/New_York' },
      audience: { match: 'any', rules: [{ type: 'tag', operator: 'has', tag: 'enterprise' }, { type: 'tag', operator: 'has', tag: 'status-page-subscriber' }] },
    });
    expect(flowToOneOff(doc)).toEqual({ ok: true, form: sms, notes: [] });
  });

  it('WhatsApp and API inboxes', () => {
    for (const channel of ['whatsapp', 'api'] as const) {
      const doc = oneOffToFlow({ ...sms, channel, inboxId: channel }, { now: TEST_NOW });
      expect(errors(doc)).toEqual([]);
      expect(flowToOneOff(doc)).toMatchObject({ ok: true, form: { channel, inboxId: channel } });
    }
  });

  it('a past time is an error, unless the campaign was sent', () => {
    const past = oneOffToFlow({ ...sms, scheduledAt: '2026-11-21T06:59' }, { now: TEST_NOW });
    expect(errors(past).map((p) => p.code)).toEqual(['schedule.in-past']);
    expect(errors(oneOffToFlow({ ...sms, scheduledAt: '2026-11-21T06:59', completed: true }, { now: TEST_NOW }))).toEqual([]);
  });

  it('reads the shipped example, keeping it a draft when saved disabled', () => {
    const base = example('incident-sms-broadcast');
    const read = flowToOneOff(base);
    if (!read.ok) throw new Error(read.reason);
    expect(read.form).toMatchObject({ labels: ['enterprise', 'status-page-subscriber'], channel: 'sms', timezone: 'America/New_York', enabled: false });
    expect(oneOffToFlow(read.form, { base, now: TEST_NOW }).campaign.status).toBe('draft');
    expect(oneOffToFlow({ ...read.form, enabled: true }, { base, now: TEST_NOW }).campaign.status).toBe('active');
  });

  it('notes audience rules the form cannot keep', () => {
    const doc = oneOffToFlow(sms, { now: TEST_NOW });
    doc.campaign.audience = { type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: 'a' }, { type: 'tag', operator: 'has', tag: 'b' }, { type: 'segment', operator: 'in', segment: 's' }] };
    const read = flowToOneOff(doc);
    expect(read.ok && read.form.labels).toEqual(['a', 'b']);
    expect(read.ok && read.notes).toHaveLength(2);
  });
});

describe('one-off status', () => {
  const at = { scheduledAt: '2026-11-21T09:00', timezone: 'America/New_York', enabled: true, completed: false }; // 14:00Z
  it('scheduled → processing → missed after three days; completed; disabled', () => {
    expect(oneOffStatus(at, new Date('2026-11-21T13:59Z'))).toBe('scheduled');
    expect(oneOffStatus(at, new Date('2026-11-21T14:00Z'))).toBe('processing');
    expect(oneOffStatus(at, new Date('2026-11-24T14:00Z'))).toBe('processing');
    expect(oneOffStatus(at, new Date('2026-11-24T14:01Z'))).toBe('missed');
    expect(oneOffStatus({ ...at, completed: true }, TEST_NOW)).toBe('completed');
    expect(oneOffStatus({ ...at, enabled: false }, TEST_NOW)).toBe('disabled');
    expect(oneOffStatus({ ...at, enabled: false }, TEST_NOW, true)).toBe('draft');
  });
  it('only unsent campaigns can be edited', () => {
    expect(canEditOneOff('scheduled')).toBe(true);
    expect(canEditOneOff('processing')).toBe(false);
    expect(canEditOneOff('completed')).toBe(false);
  });
});
