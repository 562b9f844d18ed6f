import { describe, expect, it } from 'vitest';
import { importFlowJson } from '../flow';
import { exampleFiles } from '../testing/flow-builders';
import { at, HOUR, profile } from '../testing/engine-builders';
import { formatTable, formatTrace, nodeStatsRows } from './report';
import { previewJourney } from './preview';
import { runPopulation } from './population';

const example = (name: string) => {
  const r = importFlowJson(exampleFiles().find((f) => f.name === name)!.text);
  if (!r.ok) throw new Error(name);
  return r.document;
};

describe('examples', () => {
  it('previews the onboarding drip: a reply on day 1 is assigned to sales', () => {
    const doc = example('onboarding-drip.json');
    const start = at('2026-11-23T15:00:00Z'); // Monday 10:00 in New York: inside business hours
    const p = previewJourney(doc, {
      profile: profile({ timezone: 'America/New_York' }),
      script: [{ type: 'event', at: start, name: 'user.signed_up', properties: { plan: 'trial' } }, { type: 'message', at: start + 26 * HOUR, text: 'Can I get a demo?' }],
    });
    const text = formatTrace(doc, p);
    expect(p.steps[0]!.node).toBe('trigger');
    expect(p.journeys[0]!.messages.length).toBeGreaterThan(0);
    expect(text).toContain('message → Replied');
    expect(p.steps.every((s) => s.why !== '' || s.outcome === 'next')).toBe(true);
  });

  it('explains in words people read: steps by label, times on the flow\'s clock, no ids or ISO times', () => {
    const doc = example('onboarding-drip.json');
    const start = at('2026-11-23T15:00:00Z');
    const p = previewJourney(doc, {
      profile: profile({ timezone: 'America/New_York' }),
      script: [{ type: 'event', at: start, name: 'user.signed_up', properties: { plan: 'trial' } }, { type: 'event', at: start + HOUR, name: 'user.signed_up', properties: { plan: 'trial' } }, { type: 'message', at: start + 26 * HOUR, text: 'Can I get a demo?' }],
    });
    const texts = [...p.steps.map((s) => s.why), ...p.refused.map((r) => r.why), formatTrace(doc, p)];
    const ids = doc.nodes.map((n) => n.id).filter((id) => /[-\d]/.test(id)); // ("welcome", "reply" are words too)
    for (const text of texts) {
      expect(text).not.toMatch(/\d{4}-\d\d-\d\dT|\d\d:\d\dZ|\b\d{12,}\b|:j\d|:c\d/);
      for (const id of ids) expect(text).not.toMatch(new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`));
    }
    expect(p.refused).toEqual([{ at: start + HOUR, why: 'entry frequency "once": already entered Mon 23 Nov 15:00' }]);
    expect(p.steps.map((s) => s.why)).toContain('the conversation of "Check-in chat" (Send message) assigned to inbox "Sales"');
  });

  it('prints node statistics as a table', () => {
    const doc = example('lead-qualification.json');
    const r = runPopulation(doc, { users: 200, days: 7, seed: 3 });
    const table = formatTable(nodeStatsRows(doc, r) as unknown as Record<string, string | number>[]);
    expect(table.split('\n')).toHaveLength(doc.nodes.length + 2);
    expect(r.nodes[doc.nodes[0]!.id]!.entered).toBe(r.journeys);
  });
});
