import { describe, expect, it } from 'vitest';
import { flowFingerprint } from './flow-fingerprint';
import { onboarding } from './test-fixtures';

const doc = onboarding();

describe('flow fingerprint', () => {
  it('ignores positions and names but not behaviour', () => {
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: 0 } })), campaign: { ...doc.campaign, name: 'Renamed' } };
    expect(flowFingerprint(moved as typeof doc)).toBe(flowFingerprint(doc));
    const longer = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'day1' ? { ...n, data: { ...n.data, label: '2 days later' } } : n)) };
    expect(flowFingerprint(longer as typeof doc)).not.toBe(flowFingerprint(doc));
  });
});
