import { describe, expect, it } from 'vitest';
import type { ViewStep } from '../worker/engine-protocol';
import { diffSteps } from './step-diff';

const step = (node: string, outcome: string, t = 0, input = 0): ViewStep => ({ t, node, outcome, event: 'clock.tick', why: '', journey: 0, input });

describe('regression diff', () => {
  it('matches steps by node and outcome; reports moved, added and removed steps', () => {
    const before = [step('trigger', 'next'), step('w', 'waiting'), step('w', 'next', 10), step('a', 'next', 10)];
    const after = [step('trigger', 'next'), step('w', 'waiting'), step('w', 'next', 20), step('b', 'next', 20)];
    const d = diffSteps(before, after);
    expect(d.rows.map((r) => r.kind)).toEqual(['same', 'same', 'changed', 'added', 'removed']);
    expect(d.counts).toEqual({ changed: 1, added: 1, removed: 1 });
    expect(diffSteps(before, before).changed).toBe(false);
  });
});
