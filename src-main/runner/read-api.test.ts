import { describe, expect, it } from 'vitest';
import { MONDAY_9, profile } from '../../src-shared/testing/engine-builders';
import { applyAction, catchUp, settle, type ActiveJourney, type ContactRecord } from './contact-step';
import { actionsOf, emptyContact } from './journey-jobs';
import { conversionsOf, figuresOf } from './read-api';
import { edge, flow, node, sendNode } from '../../src-shared/testing/flow-builders';
import { collectNameAndEmail } from './testing/runner-fixtures';

describe('statistics from journey states', () => {
  it('counts active, entered, completed by handle, exited and failed per node', async () => {
    const doc = await collectNameAndEmail();
    const flows = [{ flowId: doc.campaign.id, revision: 'r1', doc }];
    const enter = (id: string) => {
      const contact: ContactRecord = { profile: profile({ id }), events: [], entries: {} };
      const js: ActiveJourney[] = [];
      applyAction(contact, js, flows, { type: 'event', at: MONDAY_9, name: 'conversation.created', properties: { channel: 'web_widget' } }, '7');
      return js[0]!;
    };
    const waiting = enter('a');
    const replied = enter('b');
    replied.stepper!.act({ type: 'message', at: MONDAY_9 + 1000, text: 'Ada' });
    const timedOut = enter('c');
    catchUp([timedOut], MONDAY_9 + 11 * 60_000);
    const exited = enter('d');
    exited.stepper!.act({ type: 'attribute', at: MONDAY_9 + 1000, name: 'email', value: 'd@example.com' });
    const rows = [waiting, replied, timedOut, exited].map((j) => {
      const s = settle(j);
      return { status: s.status, state: s.state, error: null, last_node: null };
    });
    rows.push({ status: 'failed', state: null, error: 'The saved journey does not match', last_node: 'email-reply' } as never);
    const figures = figuresOf(doc, rows, [{ node_id: 'ask-name', n: 2 }]);
    const at = (id: string) => figures.find((f) => f.nodeId === id)!;
    expect(at('trigger')).toEqual({ nodeId: 'trigger', active: 0, entered: 4, completed: { next: 4 }, exited: 0, failed: 0 });
    expect(at('ask-name')).toMatchObject({ entered: 4, completed: { next: 4 }, failed: 2 });
    expect(at('name-reply')).toEqual({ nodeId: 'name-reply', active: 1, entered: 4, completed: { received: 1, timeout: 1 }, exited: 1, failed: 0 });
    expect(at('nudge')).toMatchObject({ entered: 1, completed: { next: 1 } });
    expect(at('email-reply')).toMatchObject({ active: 1, entered: 1, failed: 1 });
  });

  it('turns inputs into engine actions; a label list replaces the tags', () => {
    const c = emptyContact('x');
    c.profile.tags = ['old', 'kept'];
    expect(actionsOf({ kind: 'tags', contactId: 'x', tags: ['kept', 'new'], at: 5 }, c)).toEqual([
      { type: 'tag', at: 5, tag: 'old', present: false },
      { type: 'tag', at: 5, tag: 'new', present: true },
    ]);
    expect(actionsOf({ kind: 'attributes', contactId: 'x', attributes: { a: 1, b: null }, at: 5 }, c)).toEqual([
      { type: 'attribute', at: 5, name: 'a', value: 1 },
      { type: 'attribute', at: 5, name: 'b', value: null },
    ]);
    expect(actionsOf({ kind: 'message', contactId: 'x', text: 'hi', at: 5, conversationId: '3' }, c)).toEqual([{ type: 'message', at: 5, text: 'hi' }]);
  });

  it('counts the goal\'s conversions in live journeys, per split branch, and none without a goal', () => {
    const goal = { name: 'Upgraded', condition: { type: 'group' as const, match: 'all' as const, rules: [{ type: 'event' as const, event: 'subscription.upgraded', count: { operator: 'at_least' as const, value: 1 }, properties: [] }] }, within: { amount: 14, unit: 'days' as const }, exit: false };
    const doc = flow(
      [node('ab', 'split', { branches: [{ id: 'a', label: 'A', percent: 50 }, { id: 'b', label: 'B', percent: 50 }] }), sendNode('hi-a'), sendNode('hi-b'), node('long', 'wait', { wait: { mode: 'duration', duration: { amount: 30, unit: 'days' } } })],
      [edge('trigger', 'ab'), edge('ab', 'hi-a', 'a'), edge('ab', 'hi-b', 'b'), edge('hi-a', 'long'), edge('hi-b', 'long')],
      { goal },
    );
    const flows = [{ flowId: doc.campaign.id, revision: 'r1', doc }];
    const rows = Array.from({ length: 12 }, (_, k) => {
      const contact: ContactRecord = { profile: profile({ id: `c${k}` }), events: [], entries: {} };
      const js: ActiveJourney[] = [];
      applyAction(contact, js, flows, { type: 'event', at: MONDAY_9, name: 'user.signed_up', properties: {} }, '7');
      if (k % 3 === 0) applyAction(contact, js, flows, { type: 'event', at: MONDAY_9 + 86_400_000, name: 'subscription.upgraded', properties: {} }, '7');
      return { state: settle(js[0]!).state };
    });
    const c = conversionsOf(doc, rows)!;
    expect(c.converted).toBe(4);
    expect((c.convertedBy.ab!.a ?? 0) + (c.convertedBy.ab!.b ?? 0)).toBe(4);
    expect(conversionsOf({ ...doc, campaign: { ...doc.campaign, goal: null } } as never, rows)).toBeNull();
  });
});
