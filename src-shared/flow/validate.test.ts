import { describe, expect, it } from 'vitest';
import { edge, flow, node, sendNode, TEST_NOW } from '../testing/flow-builders';
import type { FlowDocument } from './document';
import type { Problem } from './problems';
import { validateFlow } from './validate';

const codes = (doc: FlowDocument) => validateFlow(doc, { now: TEST_NOW }).map((p) => p.code);
const find = (doc: FlowDocument, code: string): Problem[] => validateFlow(doc, { now: TEST_NOW }).filter((p) => p.code === code);

describe('graph structure', () => {
  it('accepts a simple valid flow with no problems', () => {
    const doc = flow([sendNode('hello'), node('end', 'end')], [edge('trigger', 'hello'), edge('hello', 'end')]);
    expect(validateFlow(doc, { now: TEST_NOW }).filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('requires exactly one trigger', () => {
    const none = flow([sendNode('a')]);
    none.nodes.shift();
    expect(find(none, 'trigger.missing')).toMatchObject([{ severity: 'error', path: '$.nodes' }]);
    const two = flow([node('t2', 'trigger')]);
    expect(find(two, 'trigger.multiple')).toMatchObject([{ nodeId: 't2', path: '$.nodes[1]' }]);
  });

  it('reports a cycle with the nodes in it', () => {
    const doc = flow([node('a', 'send', { label: 'Welcome', channel: 'chat', body: 'Hi' }), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b'), edge('b', 'a')]);
    const [cycle] = find(doc, 'graph.cycle');
    // Steps by label and kind (an unnamed one by what its card says), never by id.
    expect(cycle?.message).toContain('"Welcome" (Send message) → an unnamed Send message step (Send chat: Hello {{ contact.name }}) → "Welcome" (Send message)');
    expect(cycle?.nodeId).toBe('a');
  });

  it('finds unreachable nodes and dangling edges, located', () => {
    const doc = flow([sendNode('a'), sendNode('orphan')], [edge('trigger', 'a'), edge('a', 'ghost')]);
    expect(find(doc, 'node.unreachable')).toMatchObject([{ nodeId: 'orphan', path: '$.nodes[2]', severity: 'warning' }]);
    expect(find(doc, 'edge.dangling-target')).toMatchObject([{ path: '$.edges[1].target' }]);
  });

  it('refuses a second edge from a decision handle but allows fan-out from "next"', () => {
    const f = node('f', 'filter', { condition: { type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: 'vip' }] } });
    const doc = flow([f, sendNode('a'), sendNode('b'), sendNode('c')], [edge('trigger', 'f'), edge('f', 'a', 'match'), edge('f', 'b', 'match'), edge('f', 'c', 'else')]);
    expect(find(doc, 'handle.used-twice')).toMatchObject([{ path: '$.edges[2].sourceHandle', nodeId: 'f' }]);
    const fan = flow([sendNode('a'), sendNode('b')], [edge('trigger', 'a'), edge('trigger', 'b')]);
    expect(codes(fan)).not.toContain('handle.used-twice');
  });

  it('rejects handles a node does not have, and edges into the trigger', () => {
    const doc = flow([sendNode('a')], [edge('trigger', 'a'), edge('a', 'trigger'), edge('a', 'a', 'timeout')]);
    expect(find(doc, 'edge.into-trigger')).toHaveLength(1);
    expect(find(doc, 'edge.unknown-handle')[0]?.message).toContain('"next"');
  });

  it('knows an inbound-message has a timeout output only when it has a timeout', () => {
    const wait = node('r', 'inbound-message', { timeout: null });
    const doc = flow([wait, sendNode('a')], [edge('trigger', 'r'), edge('r', 'a', 'timeout')]);
    expect(codes(doc)).toContain('edge.unknown-handle');
  });
});

describe('node settings', () => {
  it('a send with no channel, no body and an unknown variable', () => {
    const doc = flow([node('s', 'send', { body: 'Hi {{ contact.nmae }}' }), node('t', 'send', { channel: 'sms', body: '' })], [edge('trigger', 's'), edge('s', 't')]);
    expect(find(doc, 'send.no-channel')).toMatchObject([{ nodeId: 's', field: 'data.channel', path: '$.nodes[1].data.channel' }]);
    expect(find(doc, 'send.unknown-variable')[0]?.message).toContain('contact.nmae');
    expect(find(doc, 'send.empty-body')).toMatchObject([{ nodeId: 't' }]);
  });

  it('custom attributes are known variables, broken braces are not', () => {
    const ok = flow([sendNode('s', 'Your plan: {{ contact.custom_attributes.plan }}')], [edge('trigger', 's')]);
    expect(codes(ok)).not.toContain('send.unknown-variable');
    const bad = flow([sendNode('s', 'Hi {{ contact.name')], [edge('trigger', 's')]);
    expect(codes(bad)).toContain('send.malformed-variable');
  });

  it('an email needs a subject', () => {
    const doc = flow([node('s', 'send', { channel: 'email', body: 'x' })], [edge('trigger', 's')]);
    expect(find(doc, 'send.no-subject')).toHaveLength(1);
  });

  it('a filter with no condition', () => {
    const doc = flow([node('f', 'filter')], [edge('trigger', 'f')]);
    expect(find(doc, 'filter.no-condition')).toMatchObject([{ nodeId: 'f', field: 'data.condition' }]);
  });

  it('a fixed wait in the past, read in the campaign timezone', () => {
    // 2026-11-21T12:30 in Tokyo is 03:30 UTC: before TEST_NOW (12:00 UTC).
    const past = flow([node('w', 'wait', { wait: { mode: 'until', at: '2026-11-21T12:30' } })], [edge('trigger', 'w')], { timezone: 'Asia/Tokyo' });
    expect(find(past, 'wait.in-past')).toHaveLength(1);
    // The same wall-clock time in New York is 17:30 UTC: still ahead.
    const future = flow([node('w', 'wait', { wait: { mode: 'until', at: '2026-11-21T12:30' } })], [edge('trigger', 'w')], { timezone: 'America/New_York' });
    expect(codes(future)).not.toContain('wait.in-past');
  });

  it('a condition rule with an invalid regex or a missing value', () => {
    const r = node('r', 'inbound-message', { condition: { type: 'group', match: 'any', rules: [{ type: 'message', operator: 'matches', value: '(', caseSensitive: false }] } });
    const f = node('f', 'filter', { condition: { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'age', operator: 'greater_than', value: 'ten' }] } });
    const doc = flow([r, f], [edge('trigger', 'r'), edge('r', 'f', 'received')]);
    expect(find(doc, 'condition.invalid-regex')).toMatchObject([{ path: '$.nodes[1].data.condition.rules[0].value' }]);
    expect(find(doc, 'condition.expected-number')).toMatchObject([{ nodeId: 'f' }]);
  });
});

describe('campaign settings', () => {
  it('a one-off scheduled in the past, across timezones and DST', () => {
    const oneOff = (at: string, timezone: string) =>
      flow([node('s', 'send', { channel: 'sms', body: 'Hi' })], [edge('trigger', 's')], { kind: 'one-off', trigger: { type: 'scheduled', at, timezone } });
    // TEST_NOW = 12:00 UTC = 07:00 in New York (EST, UTC-5).
    expect(codes(oneOff('2026-11-21T06:59', 'America/New_York'))).toContain('schedule.in-past');
    expect(codes(oneOff('2026-11-21T07:01', 'America/New_York'))).not.toContain('schedule.in-past');
    // 2026-11-21T12:30 in Kolkata (UTC+5:30) is 07:00 UTC: past.
    expect(codes(oneOff('2026-11-21T12:30', 'Asia/Kolkata'))).toContain('schedule.in-past');
    expect(codes(oneOff('2026-02-30T10:00', 'UTC'))).toContain('datetime.invalid');
  });

  it('global exits that can never match, or always match', () => {
    const doc = flow([], [], {
      globalExits: [
        { id: 'x', name: 'Impossible', condition: { type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: 'vip' }, { type: 'tag', operator: 'has_not', tag: 'vip' }] } },
        { id: 'y', name: '', condition: { type: 'group', match: 'all', rules: [] } },
      ],
    });
    expect(find(doc, 'exit.never-matches')).toMatchObject([{ path: '$.campaign.globalExits[0].condition' }]);
    expect(find(doc, 'exit.never-matches')[0]?.message).toContain('"Impossible"');
    expect(find(doc, 'exit.always-matches')).toMatchObject([{ path: '$.campaign.globalExits[1].condition' }]);
  });

  it('unknown timezone and an empty name', () => {
    const doc = flow([], [], { timezone: 'Mars/Olympus', name: ' ' });
    expect(find(doc, 'timezone.unknown')).toMatchObject([{ path: '$.campaign.timezone' }]);
    expect(find(doc, 'field.required')).toMatchObject([{ path: '$.campaign.name' }]);
  });

  it('live-chat campaigns need a page-visit trigger, one chat message and a valid URL pattern', () => {
    const doc = flow([node('s', 'send', { channel: 'sms', body: 'x' }), node('w', 'wait')], [edge('trigger', 's'), edge('s', 'w')], {
      kind: 'live-chat',
      trigger: { type: 'page_visit', urlPattern: 'pricing', secondsOnPage: 10 },
    });
    expect(codes(doc)).toEqual(expect.arrayContaining(['kind.channel', 'kind.node-not-allowed', 'trigger.invalid-url-pattern']));
  });

  it('reports every problem at once, errors first', () => {
    const doc = flow([node('s', 'send'), node('f', 'filter'), sendNode('orphan')], [edge('trigger', 's'), edge('s', 'f')], { name: '' });
    const problems = validateFlow(doc, { now: TEST_NOW });
    expect(problems.length).toBeGreaterThanOrEqual(5);
    const firstWarning = problems.findIndex((p) => p.severity !== 'error');
    expect(problems.slice(firstWarning).every((p) => p.severity !== 'error')).toBe(true);
  });
});

describe('messages name steps for people', () => {
  it('by label and kind, never by id; the id stays in nodeId and the name in step', () => {
    const ids = ['inbound-message-43dfb0ef0656', 'send-9a1c02d4e5f6', 'wait-77aa01bb02cc', 'assign-0f0e0d0c0b0a'];
    const doc = flow(
      [
        node(ids[0]!, 'inbound-message', { label: 'Replied?' }),
        node(ids[1]!, 'send', { channel: 'chat', body: '' }),
        node(ids[2]!, 'wait', {}),
        node(ids[3]!, 'assign', { label: 'Sales inbox' }),
      ],
      [edge('trigger', ids[2]!), edge(ids[2]!, ids[1]!), edge(ids[1]!, ids[2]!), edge(ids[3]!, ids[3]!, 'next'), edge(ids[2]!, ids[2]!, 'nowhere')],
    );
    const problems = validateFlow(doc, { now: TEST_NOW });
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['node.unreachable', 'graph.cycle', 'edge.unknown-handle', 'send.empty-body']));
    for (const p of problems) for (const id of ids) expect(p.message).not.toContain(id);
    const unreachable = problems.find((p) => p.code === 'node.unreachable' && p.nodeId === ids[0]);
    expect(unreachable?.message).toBe('"Replied?" (Wait for reply) cannot be reached from the entry trigger, so no user will ever get there.');
    expect(problems.find((p) => p.code === 'send.empty-body')).toMatchObject({ nodeId: ids[1], step: 'an unnamed Send message step (Send chat (empty))' });
  });
});
