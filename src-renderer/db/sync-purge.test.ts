import { describe, expect, it } from 'vitest';
import { orphanedSync } from './sync-purge';

describe('purging the sync state of deleted flows', () => {
  it('picks the records and outbox entries of flows that no longer exist, and only those', () => {
    const records = [
      { flowId: 'kept', backend: 'acme' },
      { flowId: 'gone', backend: 'acme' },
      { flowId: 'gone', backend: 'journeys' },
    ];
    const entries = [
      { id: 'kept|acme', flowId: 'kept' },
      { id: 'gone|journeys', flowId: 'gone' },
    ];
    expect(orphanedSync(new Set(['kept']), records, entries)).toEqual({ records: [['gone', 'acme'], ['gone', 'journeys']], entries: ['gone|journeys'] });
  });

  it('keeps everything while the flow exists (restored by Undo before the purge ran)', () => {
    expect(orphanedSync(new Set(['a']), [{ flowId: 'a', backend: 'acme' }], [{ id: 'a|acme', flowId: 'a' }])).toEqual({ records: [], entries: [] });
  });
});
