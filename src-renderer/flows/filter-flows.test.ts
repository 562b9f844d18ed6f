import { describe, expect, it } from 'vitest';
import { createEmptyFlow } from '../../src-shared/flow/index';
import { toFlowRecord } from '../db/flow-repository';
import { filterFlows } from './filter-flows';

const flows = [
  toFlowRecord(createEmptyFlow({ name: 'Spring sale', kind: 'one-off' }), 2),
  toFlowRecord(createEmptyFlow({ name: 'Onboarding drip', kind: 'workflow' }), 1),
];

describe('filterFlows', () => {
  it('keeps everything for an empty query', () => expect(filterFlows(flows, '  ')).toHaveLength(2));
  it('matches words in the name or kind, ignoring case', () => {
    expect(filterFlows(flows, 'SPRING').map((f) => f.name)).toEqual(['Spring sale']);
    expect(filterFlows(flows, 'workflow drip').map((f) => f.name)).toEqual(['Onboarding drip']);
    expect(filterFlows(flows, 'spring workflow')).toEqual([]);
  });
});

describe('sortFlows', () => {
  const list = [
    toFlowRecord(createEmptyFlow({ name: 'beta' }), 5, 1),
    toFlowRecord(createEmptyFlow({ name: 'Alpha' }), 3, 9),
    toFlowRecord(createEmptyFlow({ name: 'gamma' }), 7, 4),
  ];
  it('orders by last update, name or creation', async () => {
    const { sortFlows } = await import('./filter-flows');
    expect(sortFlows(list, 'updated').map((f) => f.name)).toEqual(['gamma', 'beta', 'Alpha']);
    expect(sortFlows(list, 'name').map((f) => f.name)).toEqual(['Alpha', 'beta', 'gamma']);
    expect(sortFlows(list, 'created').map((f) => f.name)).toEqual(['Alpha', 'gamma', 'beta']);
  });
});
