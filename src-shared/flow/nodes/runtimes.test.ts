import { describe, expect, it } from 'vitest';
import { createJourneyMachine } from '../../engine/machine';
import { flow, node } from '../../testing/flow-builders';
import { NODE_KINDS } from './index';
import { nodeRuntimes } from './runtimes';

describe('node runtimes', () => {
  it('one per kind, in the registry the engine reads', () => {
    expect(Object.keys(nodeRuntimes).sort()).toEqual([...NODE_KINDS].sort());
  });

  it('shape the machine: a waiting state exactly for kinds that can wait, message handling only where a runtime listens', () => {
    const doc = flow(NODE_KINDS.filter((k) => k !== 'trigger').map((k) => node(`n-${k}`, k)));
    const regions = (createJourneyMachine(doc).root.states.running!.states ?? {}) as Record<string, { states: Record<string, { on: Record<string, unknown> }> }>;
    expect(Object.keys(regions)).toHaveLength(doc.nodes.length);
    for (const region of Object.values(regions)) {
      // Each region's transitions carry its node id as params (region keys may change; ids do not).
      const id = JSON.stringify(region.states).match(/"node":"([^"]+)"/)?.[1] ?? '';
      const n = doc.nodes.find((x) => x.id === id)!;
      const runtime = nodeRuntimes[n.type];
      expect('waiting' in region.states, n.type).toBe(runtime.canWait);
      expect(Boolean(region.states.waiting?.on['journey.message']), n.type).toBe(Boolean(runtime.message));
    }
  });
});
