import { liveChatToFlow, newLiveChatCampaign } from '../../campaigns/live-chat';
import { newOneOffCampaign, oneOffToFlow, type OneOffCampaign } from '../../campaigns/one-off';
import type { LiveChatCampaign } from '../../campaigns/live-chat';
import type { FlowDocument } from '../../flow/document';
import type { AccountDirectory } from '../chatwoot/directory';

/** A fixed clock for sync tests. */
export const SYNC_NOW = new Date('2030-01-01T00:00:00Z');

/** The account the fake Chatwoot server starts with (src-main/sync/testing/fake-chatwoot.ts), as a directory. */
export function sampleDirectory(): AccountDirectory {
  return {
    inboxes: [
      { id: 1, name: 'Website', kind: 'website', templates: [] },
      { id: 2, name: 'Twilio SMS', kind: 'twilio-sms', medium: 'sms', templates: [] },
      { id: 3, name: 'Bandwidth SMS', kind: 'sms', templates: [] },
      { id: 4, name: 'WhatsApp', kind: 'whatsapp', provider: 'whatsapp_cloud', templates: [{ name: 'order_shipped', language: 'en', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello {{1}}, your order has shipped.' }] }] },
      { id: 5, name: 'API', kind: 'api', templates: [] },
    ],
    agents: [
      { id: 12, name: 'Mia from Sales', email: 'mia@acme.example', role: 'administrator' },
      { id: 13, name: 'Sam', email: 'sam@acme.example', role: 'agent' },
    ],
    labels: [
      { id: 5, title: 'enterprise' },
      { id: 6, title: 'status-page-subscriber' },
      { id: 7, title: 'newsletter' },
    ],
  };
}

/** A live-chat flow: 15 s on the pricing page, sent by agent 12, active. */
export function liveChatFlow(over: Partial<LiveChatCampaign> = {}): FlowDocument {
  return liveChatToFlow(
    { ...newLiveChatCampaign('pricing-chat', 'Europe/Berlin'), title: 'Pricing help', message: 'Can we help you choose a plan?', inboxId: 'website', sender: { type: 'agent', agentId: '12' }, urlPattern: 'https://www.example.com/pricing*', timeOnPage: 15, ...over },
    { now: SYNC_NOW },
  );
}

/** A one-off SMS flow to two labels at 08:30 New York time on 2030-03-02, active. */
export function oneOffFlow(over: Partial<OneOffCampaign> = {}): FlowDocument {
  return oneOffToFlow(
    { ...newOneOffCampaign('maintenance-sms', 'America/New_York'), title: 'Maintenance notice', message: 'Hi {{ contact.first_name }}, we are down Sunday 2-4 am.', inboxId: 'twilio-sms', labels: ['enterprise', 'status-page-subscriber'], scheduledAt: '2030-03-02T08:30', ...over },
    { now: SYNC_NOW },
  );
}

/**
 * The reproduction of #13.1 on the lead-qualification example (pass it in): the "Qualifying
 * question" Send step's body cleared and the "Answered yes?" Wait-for-reply timeout set to 0.
 */
export function withTwoErrors(doc: FlowDocument): FlowDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.id === 'qualify' && n.type === 'send') return { ...n, data: { ...n.data, body: '' } };
      if (n.id === 'answer' && n.type === 'inbound-message') return { ...n, data: { ...n.data, timeout: { amount: 0, unit: 'days' as const } } };
      return n;
    }),
  };
}
