import { describe, expect, it } from 'vitest';
import { edge, example, flow, node, sendNode } from '../../../src-shared/testing/flow-builders';
import { runnerChatwootProblems } from './flow-problems';
import type { RunnerDirectory } from './runner-directory';

const dir: RunnerDirectory = {
  inboxes: [{ id: 1, name: 'Website', kind: 'website', templates: [] }, { id: 2, name: 'Twilio SMS', kind: 'twilio-sms', templates: [] }],
  agents: [{ id: 12, name: 'Mia from Sales', email: 'mia@acme.example' }],
  labels: [],
  teams: [{ id: 3, name: 'Sales' }, { id: 4, name: 'Enterprise AE' }],
};

describe('runnerChatwootProblems', () => {
  it('refuses an assignment to an inbox, located on the node’s target', () => {
    const doc = flow([node('a1', 'assign', { label: 'Hand over', target: { type: 'inbox', inboxId: 'support', name: 'Support' } })], [edge('trigger', 'a1')]);
    expect(runnerChatwootProblems(doc)).toEqual([
      { severity: 'error', code: 'chatwoot.assign-inbox', message: 'The assignment "Hand over" hands the conversation to the inbox Support; Chatwoot cannot assign a conversation to an inbox, only to an agent or a team. Choose a team or an agent.', path: '$.nodes[1].data.target', nodeId: 'a1', field: 'data.target' },
    ]);
  });

  it('accepts team and agent assignments, and checks their names against the directory when given', () => {
    const doc = flow([node('a1', 'assign', { target: { type: 'team', teamId: 'enterprise-ae' } }), node('a2', 'assign', { target: { type: 'agent', agentId: 'mia@acme.example' } }), node('a3', 'assign', { target: { type: 'team', teamId: 'Billing' } })]);
    expect(runnerChatwootProblems(doc)).toEqual([]);
    expect(runnerChatwootProblems(doc, dir)).toEqual([{ severity: 'error', code: 'chatwoot.unknown-team', message: 'The Chatwoot account has no team "Billing" (its teams: Sales, Enterprise AE).', path: '$.nodes[3].data.target', nodeId: 'a3', field: 'data.target' }]);
  });

  it('a message starting a conversation needs an inbox of its own or the flow’s default', () => {
    const own = { ...sendNode('s1'), data: { ...sendNode('s1').data, conversation: 'new', inboxId: 'twilio-sms' } } as ReturnType<typeof sendNode>;
    const none = { ...sendNode('s2'), data: { ...sendNode('s2').data, conversation: 'new' } } as ReturnType<typeof sendNode>;
    const doc = flow([own, none]);
    expect(runnerChatwootProblems(doc).map((p) => [p.code, p.path])).toEqual([['chatwoot.no-inbox', '$.nodes[2].data.inboxId']]);
    const withDefault = flow([own, none], [], { channelDefaults: { inboxId: 'email' } });
    expect(runnerChatwootProblems(withDefault)).toEqual([]);
    expect(runnerChatwootProblems(withDefault, dir).map((p) => [p.code, p.path])).toEqual([['chatwoot.unknown-inbox', '$.campaign.channelDefaults.inboxId']]);
  });

  it('follow-ups need no inbox', () => {
    const f = { ...sendNode('s1'), data: { ...sendNode('s1').data, conversation: 'follow_up' } } as ReturnType<typeof sendNode>;
    expect(runnerChatwootProblems(flow([f]))).toEqual([]);
  });

  it('warns (without refusing) about an agent sender and a subject', () => {
    const s = { ...sendNode('s1'), data: { ...sendNode('s1').data, conversation: 'follow_up', subject: 'Hi', sender: { type: 'agent', agentId: '12' } } } as ReturnType<typeof sendNode>;
    expect(runnerChatwootProblems(flow([s])).map((p) => [p.severity, p.code])).toEqual([['warning', 'chatwoot.sender-ignored'], ['warning', 'chatwoot.subject-ignored']]);
  });

  it('the shipped examples: lead qualification runs; an inbox assignment is refused where an example has one', () => {
    expect(runnerChatwootProblems(example('lead-qualification')).filter((p) => p.severity === 'error')).toEqual([]);
    expect(runnerChatwootProblems(example('onboarding-drip')).map((p) => p.code)).toContain('chatwoot.assign-inbox');
  });
});
