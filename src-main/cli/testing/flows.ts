import { SCHEMA_VERSION } from '../../../src-shared/flow';

/** A small valid workflow: trigger → welcome message (chat) → end. Parsed shape, as JSON. */
export function validFlow(): Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } {
  return {
    schemaVersion: SCHEMA_VERSION,
    campaign: {
      id: 'welcome-flow',
      name: 'Welcome',
      kind: 'workflow',
      timezone: 'Europe/Paris',
      trigger: { type: 'event', event: 'signed_up' },
      channelDefaults: { sender: { type: 'bot' } },
    },
    nodes: [
      { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: {} },
      { id: 'welcome', type: 'send', position: { x: 0, y: 120 }, data: { channel: 'chat', body: 'Welcome, {{ contact.name }}!' } },
      { id: 'done', type: 'end', position: { x: 0, y: 240 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'welcome' },
      { id: 'e2', source: 'welcome', target: 'done' },
    ],
  };
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** The valid flow with an empty message: valid structure, one validation error. */
export function emptyBodyFlow() {
  const flow = validFlow();
  (flow.nodes[1]!.data as { body: string }).body = '';
  return flow;
}

/** The same flow in schema version 1 (the preview format): `handle` on edges, a wait in seconds. */
export function versionOneFlow() {
  const flow = validFlow();
  return {
    ...flow,
    schemaVersion: 1,
    nodes: [...flow.nodes.slice(0, 1), { id: 'pause', type: 'wait', data: { seconds: 172800 } }, ...flow.nodes.slice(1)],
    edges: [
      { id: 'e0', source: 'trigger', target: 'pause', handle: 'next' },
      { id: 'e1', source: 'pause', target: 'welcome', handle: 'next' },
      { id: 'e2', source: 'welcome', target: 'done', handle: 'next' },
    ],
  };
}

/** A one-off SMS scheduled for 2030-03-02 08:30 in New York: in the past after that. */
export function oneOffFlow() {
  return {
    schemaVersion: SCHEMA_VERSION,
    campaign: { id: 'notice', name: 'Notice', kind: 'one-off', timezone: 'America/New_York', trigger: { type: 'scheduled', at: '2030-03-02T08:30' } },
    nodes: [
      { id: 'trigger', type: 'trigger', data: {} },
      { id: 'sms', type: 'send', data: { channel: 'sms', body: 'Maintenance tonight.' } },
    ],
    edges: [{ id: 'e1', source: 'trigger', target: 'sms' }],
  };
}
