import { describe, expect, it } from 'vitest';
import { liveChatFlow } from '../../src-shared/sync/testing/sync-builders';
import { conflictRows } from './conflict-rows';

describe('conflictRows', () => {
  it('puts both versions side by side and marks what differs', () => {
    const rows = conflictRows(liveChatFlow({ message: 'Mine' }), liveChatFlow({ message: 'Theirs', timeOnPage: 30 }));
    expect(rows.filter((r) => r.differs).map((r) => [r.label, r.local, r.remote])).toEqual([
      ['Message', 'Mine', 'Theirs'],
      ['Time on page', '15 s', '30 s'],
    ]);
    expect(rows.find((r) => r.label === 'Shown on')).toMatchObject({ local: 'https://www.example.com/pricing*', differs: false });
  });

  it('shows a deleted remote as such', () => {
    expect(conflictRows(liveChatFlow(), null).every((r) => r.remote === 'Deleted' && r.differs)).toBe(true);
  });
});
