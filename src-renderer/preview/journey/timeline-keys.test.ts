import { describe, expect, it } from 'vitest';
import { cursorAfterKey } from './timeline-keys';

describe('timeline keys', () => {
  it('steps with arrows, jumps with Page keys, ends with Home/End', () => {
    expect([cursorAfterKey('ArrowRight', 2, 5), cursorAfterKey('ArrowLeft', 0, 5), cursorAfterKey('End', 1, 5), cursorAfterKey('Home', 4, 5), cursorAfterKey('PageDown', 1, 5)]).toEqual([3, 0, 4, 0, 4]);
    expect(cursorAfterKey('a', 1, 5)).toBeNull();
  });
});
