import { describe, expect, it } from 'vitest';
import { createEmptyFlow } from '../../src-shared/flow/index';
import { upgradeFlowRecordV2 } from './schema';
import { AUTO_VERSION_EVERY_MS, AUTO_VERSIONS_KEPT, planAutoVersion } from './version-policy';

describe('planAutoVersion', () => {
  const now = 10_000_000;
  it('adds the first automatic version', () => expect(planAutoVersion([], now)).toEqual({ add: true, drop: [] }));
  it('waits before the next one; named versions do not count', () => {
    expect(planAutoVersion([{ id: 1, createdAt: now - 1000, auto: true }], now).add).toBe(false);
    expect(planAutoVersion([{ id: 1, createdAt: now - 1000, auto: false }], now).add).toBe(true);
    expect(planAutoVersion([{ id: 1, createdAt: now - AUTO_VERSION_EVERY_MS, auto: true }], now).add).toBe(true);
  });
  it('drops the oldest automatic versions past the limit, never named ones', () => {
    const autos = Array.from({ length: AUTO_VERSIONS_KEPT }, (_, i) => ({ id: i + 1, createdAt: i, auto: true }));
    expect(planAutoVersion([...autos, { id: 99, createdAt: -5, auto: false }], now)).toEqual({ add: true, drop: [1] });
  });
});

describe('database upgrade to version 2', () => {
  it('fills createdAt and nodeCount of existing rows', () => {
    const document = createEmptyFlow({ name: 'Old', now: new Date('2025-01-02T03:04:05Z') });
    const row = { id: 'x', name: 'Old', kind: 'workflow' as const, updatedAt: 42, document };
    upgradeFlowRecordV2(row);
    expect(row).toMatchObject({ nodeCount: 1, createdAt: Date.parse('2025-01-02T03:04:05Z') });
    const noMeta = { ...row, document: { ...document, meta: {} } };
    upgradeFlowRecordV2(noMeta);
    expect(noMeta).toMatchObject({ createdAt: 42 });
  });
});
