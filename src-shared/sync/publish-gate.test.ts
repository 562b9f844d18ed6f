import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow/document';
import { example, TEST_NOW } from '../testing/flow-builders';
import { oneOffFlow, withTwoErrors } from './testing/sync-builders';
import { describePublishIssues, publishCheck, publishRefusalError } from './publish-gate';

describe('publishCheck: the one publishing rule', () => {
  it('passes a valid flow', () => {
    expect(publishCheck(example('lead-qualification'), TEST_NOW)).toMatchObject({ ok: true });
  });

  it('refuses a flow with errors and names each step by label and field, never by id', () => {
    const check = publishCheck(withTwoErrors(example('lead-qualification')), TEST_NOW);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.map((e) => [e.where, e.field])).toEqual(expect.arrayContaining([['"Qualifying question" (Send message)', 'body'], ['"Answered yes?" (Wait for reply)', 'timeout amount']]));
    const text = describePublishIssues(check.errors);
    expect(text).not.toMatch(/qualify\b|answer\b|\$\.nodes/);
    const error = publishRefusalError(check.errors);
    expect(error).toMatchObject({ kind: 'validation', retryable: false });
    expect(error.message).toMatch(/2 errors/);
    expect(error.fields?.map((f) => f.label)).toContain('"Qualifying question" (Send message) · body');
  });

  it('a step without a label is named by its kind', () => {
    const doc = withTwoErrors(example('lead-qualification'));
    const unlabelled = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'qualify' && n.type === 'send' ? { ...n, data: { ...n.data, label: undefined } } : n)) } as FlowDocument;
    const check = publishCheck(unlabelled, TEST_NOW);
    expect(!check.ok && check.errors.some((e) => e.where === 'Send message' && e.field === 'body')).toBe(true);
  });

  // #14.10: the CLI refused a one-off scheduled in the past; the app published it (Chatwoot sends
  // up to 3 days late, or never). The one rule refuses it everywhere.
  it('refuses a one-off scheduled in the past, saying so on the schedule', () => {
    const doc = oneOffFlow(); // 2030-03-02 08:30 New York
    expect(publishCheck(doc, new Date('2030-03-01T00:00:00Z')).ok).toBe(true);
    const check = publishCheck(doc, new Date('2030-03-02T14:00:00Z'));
    expect(!check.ok && check.errors.map((e) => [e.where, e.message])).toEqual([['Campaign settings', expect.stringMatching(/is in the past/)]]);
  });
});
