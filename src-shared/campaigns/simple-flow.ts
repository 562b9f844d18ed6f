import type { CampaignSettings } from '../flow/campaign';
import { SCHEMA_URL, SCHEMA_VERSION, type FlowDocument } from '../flow/document';
import { normaliseFlow } from '../flow/io';
import type { FlowNode, NodeData } from '../flow/nodes';

type SendData = NodeData<'send'>;

/** The one message of a live-chat or one-off flow, and its node's place in the document. */
export interface SimpleParts {
  send: Extract<FlowNode, { type: 'send' }>;
}

/**
 * The message node of a simple campaign (trigger → send → end), or why the flow is not that
 * shape and must be edited on the canvas.
 */
export function readSimpleFlow(doc: FlowDocument, kind: 'live-chat' | 'one-off'): { ok: true; parts: SimpleParts } | { ok: false; reason: string } {
  if (doc.campaign.kind !== kind) return { ok: false, reason: `This is a ${doc.campaign.kind} flow, not a ${kind} campaign.` };
  const sends = doc.nodes.filter((n): n is SimpleParts['send'] => n.type === 'send');
  const others = doc.nodes.filter((n) => n.type !== 'trigger' && n.type !== 'send' && n.type !== 'end');
  if (sends.length !== 1 || others.length > 0) return { ok: false, reason: 'This campaign has more than one message or extra steps; open it on the canvas instead.' };
  return { ok: true, parts: { send: sends[0]! } };
}

export interface BuildSimpleFlow {
  campaign: CampaignSettings;
  send: SendData;
  triggerLabel: string;
  /** The stored document being edited: node ids, positions and meta are kept. */
  base?: FlowDocument;
  now: Date;
}

/** trigger → send → end with the given settings, laid out like the shipped examples. */
export function buildSimpleFlow({ campaign, send, triggerLabel, base, now }: BuildSimpleFlow): FlowDocument {
  const stamp = now.toISOString();
  const old = base && readSimpleFlow(base, campaign.kind as 'live-chat' | 'one-off');
  if (base && old?.ok) {
    const nodes = base.nodes.map((n): FlowNode => {
      if (n.id === old.parts.send.id) return { ...n, type: 'send', data: { ...send, ...(n.data.label ? { label: n.data.label } : {}) } };
      if (n.type === 'trigger') return { ...n, data: { ...n.data, label: triggerLabel } };
      return n;
    });
    return normaliseFlow({ ...base, campaign, nodes, meta: { ...base.meta, updatedAt: stamp } });
  }
  return normaliseFlow({
    $schema: SCHEMA_URL,
    schemaVersion: SCHEMA_VERSION,
    campaign,
    nodes: [
      { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { label: triggerLabel } },
      { id: 'message', type: 'send', position: { x: 0, y: 140 }, data: send },
      { id: 'end', type: 'end', position: { x: 0, y: 280 }, data: {} },
    ],
    edges: [
      { id: 'e-trigger-message', source: 'trigger', sourceHandle: 'next', target: 'message' },
      { id: 'e-message-end', source: 'message', sourceHandle: 'next', target: 'end' },
    ],
    meta: { createdAt: base?.meta.createdAt ?? stamp, updatedAt: stamp },
  });
}
