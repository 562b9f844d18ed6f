import type { CampaignKind, CampaignSettings, EntryTrigger } from './campaign';
import { SCHEMA_URL, SCHEMA_VERSION, type FlowDocument } from './document';
import { normaliseFlow } from './io';

export interface NewFlowOptions {
  name: string;
  kind?: CampaignKind;
  id?: string;
  timezone?: string;
  /** Creation time, written into meta. */
  now?: Date;
}

const DEFAULT_TRIGGER: Record<CampaignKind, EntryTrigger> = {
  workflow: { type: 'event', event: '', properties: [] },
  'live-chat': { type: 'page_visit', urlPattern: '', secondsOnPage: 10 },
  'one-off': { type: 'scheduled', at: '' },
};

/** A new flow: campaign settings with defaults and a lone entry trigger on the canvas. */
export function createEmptyFlow(opts: NewFlowOptions): FlowDocument {
  const kind = opts.kind ?? 'workflow';
  const now = (opts.now ?? new Date()).toISOString();
  const campaign: Partial<CampaignSettings> & Pick<CampaignSettings, 'id' | 'name' | 'kind' | 'timezone' | 'trigger'> = {
    id: opts.id ?? newId('flow'),
    name: opts.name,
    kind,
    timezone: opts.timezone ?? 'UTC',
    trigger: DEFAULT_TRIGGER[kind],
  };
  return normaliseFlow({
    $schema: SCHEMA_URL,
    schemaVersion: SCHEMA_VERSION,
    campaign: campaign as CampaignSettings,
    nodes: [{ id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: {} }],
    edges: [],
    meta: { createdAt: now, updatedAt: now },
  });
}

/** A random id with a readable prefix; uses the platform's crypto where there is one. */
export function newId(prefix: string): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const random = c?.randomUUID ? c.randomUUID().replace(/-/g, '').slice(0, 12) : Math.random().toString(36).slice(2, 14);
  return `${prefix}-${random}`;
}
