import { describe, expect, it } from 'vitest';
import { edge, flow, sendNode } from '../../src-shared/testing/flow-builders';
import { versionChanges } from './version-diff';

describe('what restoring a version changes', () => {
  const a = flow([sendNode('a')], [edge('trigger', 'a')]);

  it('is nothing when the version is the flow as it is', () => {
    expect(versionChanges(a, structuredClone(a))).toEqual([]);
  });

  it('names the flow, the steps that come back or go, renamed and edited steps, and connections', () => {
    const renamed = { ...a, campaign: { ...a.campaign, name: 'B' } };
    const withMore = flow([sendNode('a'), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b')]);
    const edited = { ...withMore, nodes: withMore.nodes.map((n) => (n.id === 'a' ? { ...n, data: { ...n.data, label: 'Hello', body: 'changed' } } : n)) } as typeof withMore;
    const changes = versionChanges({ ...edited, campaign: renamed.campaign }, a).map((c) => c.text);
    expect(changes[0]).toBe(`Name: “B” → “${a.campaign.name}”`);
    expect(changes.filter((t) => t.startsWith('Removes “'))).toHaveLength(1);
    expect(changes.some((t) => t.startsWith('Renames “Hello”'))).toBe(true);
    expect(changes.some((t) => t.includes('body'))).toBe(true);
    expect(changes).toContain('Connections: 0 back, 1 removed');
  });

  it('does not list moved steps', () => {
    const moved = { ...a, nodes: a.nodes.map((n) => ({ ...n, position: { x: n.position.x + 300, y: 9 } })) } as typeof a;
    expect(versionChanges(a, moved)).toEqual([]);
  });
});
