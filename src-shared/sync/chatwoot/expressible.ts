import { readSimpleFlow } from '../../campaigns/simple-flow';
import type { FlowDocument } from '../../flow/document';
import { stepNameAtStart, type FlowNode } from '../../flow/nodes';
import { runtimeOf } from '../../flow/nodes/runtimes';
import type { Problem } from '../../flow/problems';

export type ChatwootCampaignType = 'ongoing' | 'one_off';

export type Expressibility =
  | { ok: true; campaignType: ChatwootCampaignType; send: Extract<FlowNode, { type: 'send' }>; sendIndex: number; notes: Problem[] }
  | { ok: false; reasons: Problem[] };

/**
 * Whether a flow can become a Chatwoot campaign, and if not, every reason why: shown before
 * the user tries to publish. Chatwoot campaigns are one message each: ongoing (a website
 * visitor spends N seconds on a URL) or one-off (an SMS/WhatsApp broadcast to labels at a
 * time). `notes` lists what the flow has that Chatwoot will not honour.
 */
export function chatwootExpressibility(doc: FlowDocument): Expressibility {
  const c = doc.campaign;
  const reasons: Problem[] = [];
  const no = (code: string, message: string, path = '$.campaign.kind', nodeId?: string) =>
    reasons.push({ severity: 'error', code: `chatwoot.${code}`, message, path, ...(nodeId ? { nodeId } : {}) });

  if (c.kind === 'workflow') {
    no('workflow', 'Multi-step workflows cannot be published to Chatwoot: a Chatwoot campaign is one message, shown to website visitors (live chat) or broadcast once (one-off). Publish this flow to a Campaign Studio delivery backend instead.');
    const sends = doc.nodes.filter((n) => n.type === 'send').length;
    if (sends > 1) no('many-messages', `This flow sends ${sends} messages; a Chatwoot campaign sends one.`, '$.nodes');
    doc.nodes.forEach((n, i) => {
      // Each kind's runtime says whether a Chatwoot campaign can hold it, and how to name it if not.
      const step = runtimeOf(n).chatwootStep;
      if (step) no('step', `${stepNameAtStart(n)} has no Chatwoot equivalent: Chatwoot has no ${step} step.`, `$.nodes[${i}]`, n.id);
    });
    if (c.trigger.type === 'event' || c.trigger.type === 'segment_entered') {
      no('trigger', `Chatwoot campaigns cannot start on ${c.trigger.type === 'event' ? 'an event' : 'entering a segment'}; only on a page visit or at a scheduled time.`, '$.campaign.trigger');
    }
    return { ok: false, reasons };
  }

  const read = readSimpleFlow(doc, c.kind);
  if (!read.ok) {
    no('shape', `${read.reason} Chatwoot campaigns are exactly one message.`, '$.nodes');
    return { ok: false, reasons };
  }
  const send = read.parts.send;
  const sendIndex = doc.nodes.indexOf(send);
  const channel = send.data.channel;
  const channelPath = `$.nodes[${sendIndex}].data.channel`;
  if (c.kind === 'live-chat') {
    if (c.trigger.type !== 'page_visit') no('trigger', 'A live-chat campaign must start on a page visit (URL and seconds on the page).', '$.campaign.trigger');
    if (channel !== 'chat') no('channel', `A live-chat campaign sends a chat message in the website widget, not ${channel ?? 'nothing'}.`, channelPath, send.id);
  } else {
    if (c.trigger.type !== 'scheduled') no('trigger', 'A one-off campaign must start at a scheduled time.', '$.campaign.trigger');
    if (channel !== 'sms' && channel !== 'whatsapp') {
      no('channel', `Chatwoot sends one-off campaigns by SMS or WhatsApp only, not by ${channel === 'api' ? 'an API inbox' : (channel ?? 'no channel')}.`, channelPath, send.id);
    }
  }
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, campaignType: c.kind === 'live-chat' ? 'ongoing' : 'one_off', send, sendIndex, notes: notesFor(doc) };
}

/** What the flow says that Chatwoot will not do: warned about, not refused. */
function notesFor(doc: FlowDocument): Problem[] {
  const c = doc.campaign;
  const notes: Problem[] = [];
  const note = (code: string, message: string, path: string) => notes.push({ severity: 'warning', code: `chatwoot.${code}`, message, path });
  const rules = c.audience?.rules ?? [];
  if (c.kind === 'live-chat') {
    // Chatwoot never shows a campaign to a visitor who has a conversation, so that rule is implied.
    const extra = rules.filter((r) => r.type !== 'conversation');
    if (extra.length) note('audience-ignored', `Chatwoot shows ongoing campaigns to every visitor of the URL; the ${extra.length} visitor condition${extra.length > 1 ? 's are' : ' is'} not synced.`, '$.campaign.audience');
    if (c.outsideBusinessHours === 'wait' && c.businessHours) note('business-hours', "Chatwoot checks the website inbox's own working hours, not the hours set on this flow.", '$.campaign.businessHours');
    if (c.globalExits.length) note('exits-ignored', 'Exit criteria are not synced to Chatwoot.', '$.campaign.globalExits');
  } else {
    const nonTags = rules.filter((r) => !(r.type === 'tag' && r.operator === 'has') && r.type !== 'group');
    if (nonTags.length) note('audience-ignored', 'Only "has label" conditions become the Chatwoot audience; the other conditions are not synced.', '$.campaign.audience');
    if (c.audience?.match === 'all' && rules.length > 1) note('audience-any', 'Chatwoot sends to contacts with ANY of the labels, not all of them.', '$.campaign.audience.match');
  }
  return notes;
}
