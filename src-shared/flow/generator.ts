import type { FlowDocument, FlowEdge } from './document';
import { SCHEMA_URL, SCHEMA_VERSION } from './schema-version';
import type { FlowNode, NodeKind } from './nodes';
import { seededRandom } from '../random/prng';

export interface GenerateOptions {
  /** Total nodes, trigger included (at least 1). */
  nodes: number;
  seed?: number;
  /** Chance that a new node also joins a second open branch (an OR-join). */
  joinRate?: number;
}

const KIND_WEIGHTS: ReadonlyArray<readonly [Exclude<NodeKind, 'trigger'>, number]> = [
  ['send', 30],
  ['wait', 22],
  ['filter', 14],
  ['inbound-message', 12],
  ['assign', 8],
  ['end', 6],
];
const TOTAL_WEIGHT = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);

/**
 * A valid workflow of exactly `nodes` nodes, for tests and benchmarks: a random DAG grown from
 * the trigger, each new node fed by one open output (sometimes two: an OR-join), laid out by depth.
 * The same options give the same flow.
 */
export function generateFlow(opts: GenerateOptions): FlowDocument {
  const rnd = seededRandom(opts.seed ?? 1);
  const joinRate = opts.joinRate ?? 0.08;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const nodes: FlowNode[] = [{ id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { label: 'Start' } }];
  const edges: FlowEdge[] = [];
  const depth = new Map([['trigger', 0]]);
  /** Outputs with no edge yet; the most recent ones are preferred so flows grow deep, not flat. */
  const open: { source: string; handle: string }[] = [{ source: 'trigger', handle: 'next' }];

  const connect = (slotIndex: number, target: string) => {
    const [slot] = open.splice(slotIndex, 1);
    edges.push({ id: `e${edges.length + 1}`, source: slot!.source, sourceHandle: slot!.handle, target });
    depth.set(target, Math.max(depth.get(target) ?? 0, (depth.get(slot!.source) ?? 0) + 1));
  };
  const slotIndex = () => Math.max(0, open.length - 1 - Math.floor(rnd() * rnd() * open.length));

  for (let i = 1; i < opts.nodes; i++) {
    const id = `n${i}`;
    let kind = weightedKind(rnd());
    if (kind === 'end' && (open.length < 2 || i === opts.nodes - 1)) kind = 'send';
    const node = makeNode(id, kind, i, pick, rnd);
    connect(slotIndex(), id);
    if (open.length > 1 && rnd() < joinRate) connect(slotIndex(), id);
    nodes.push(node);
    for (const handle of outputsFor(node)) open.push({ source: id, handle });
  }

  const columns = new Map<number, number>();
  for (const n of nodes) {
    const d = depth.get(n.id) ?? 0;
    const col = columns.get(d) ?? 0;
    columns.set(d, col + 1);
    n.position = { x: col * 280, y: d * 150 };
  }
  return {
    $schema: SCHEMA_URL,
    schemaVersion: SCHEMA_VERSION,
    campaign: {
      id: `generated-${opts.nodes}-${opts.seed ?? 1}`,
      name: `Generated flow (${opts.nodes} nodes, seed ${opts.seed ?? 1})`,
      description: 'Made by generateFlow for tests and benchmarks.',
      kind: 'workflow',
      status: 'draft',
      timezone: 'UTC',
      businessHours: { intervals: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open: '09:00', close: '17:00' })) },
      outsideBusinessHours: 'send_anyway',
      trigger: { type: 'event', event: 'user.signed_up', properties: [] },
      entryFrequency: { type: 'once' },
      audience: null,
      globalExits: [{ id: 'unsubscribed', name: 'Unsubscribed', condition: { type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: 'unsubscribed' }] } }],
      channelDefaults: { sender: { type: 'bot', name: 'Acme' } },
    },
    nodes,
    edges,
    meta: {},
  };
}

function weightedKind(r: number): Exclude<NodeKind, 'trigger'> {
  let x = r * TOTAL_WEIGHT;
  for (const [kind, w] of KIND_WEIGHTS) {
    if ((x -= w) < 0) return kind;
  }
  return 'send';
}

function outputsFor(node: FlowNode): string[] {
  switch (node.type) {
    case 'filter':
      return ['match', 'else'];
    case 'split':
      return node.data.branches.map((b) => b.id);
    case 'inbound-message':
      return node.data.timeout ? ['received', 'timeout'] : ['received'];
    case 'end':
      return [];
    default:
      return ['next'];
  }
}

const CHANNELS = ['chat', 'email', 'sms', 'whatsapp'] as const;
const PLANS = ['trial', 'starter', 'growth'];

function makeNode(id: string, kind: Exclude<NodeKind, 'trigger'>, i: number, pick: <T>(items: readonly T[]) => T, rnd: () => number): FlowNode {
  const position = { x: 0, y: 0 };
  switch (kind) {
    case 'send': {
      const channel = pick(CHANNELS);
      return { id, type: 'send', position, data: { label: `Message ${i}`, channel, subject: channel === 'email' ? `Update ${i} for {{ contact.first_name }}` : '', body: `Hi {{ contact.first_name }}, this is message ${i}.`, sender: null, conversation: rnd() < 0.5 ? 'new' : 'follow_up' } };
    }
    case 'wait':
      return rnd() < 0.8
        ? { id, type: 'wait', position, data: { label: `Wait ${i}`, wait: { mode: 'duration', duration: { amount: 1 + Math.floor(rnd() * 3), unit: pick(['hours', 'days'] as const) } } } }
        : { id, type: 'wait', position, data: { label: `Morning ${i}`, wait: { mode: 'time_of_day', from: '09:00', to: '11:00', days: [], clock: 'user' } } };
    case 'filter':
      return { id, type: 'filter', position, data: { label: `Filter ${i}`, condition: { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: pick(PLANS) }] } } };
    case 'split': {
      // Not among KIND_WEIGHTS (so flows generated before splits existed stay the same); tests
      // turn filters into splits instead (testing/engine-builders.ts).
      const a = 10 + Math.floor(rnd() * 80);
      return { id, type: 'split', position, data: { label: `Split ${i}`, branches: [{ id: 'a', label: 'A', percent: a }, { id: 'b', label: 'B', percent: 100 - a }] } };
    }
    case 'inbound-message':
      return { id, type: 'inbound-message', position, data: { label: `Reply ${i}`, condition: null, timeout: rnd() < 0.85 ? { amount: 1 + Math.floor(rnd() * 2), unit: 'days' } : null } };
    case 'assign':
      return { id, type: 'assign', position, data: { label: `Assign ${i}`, target: { type: 'inbox', inboxId: pick(['sales', 'support']) } } };
    case 'end':
      return { id, type: 'end', position, data: { label: `End ${i}` } };
  }
}
