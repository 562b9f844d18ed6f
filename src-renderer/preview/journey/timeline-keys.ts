/**
 * Where a key moves the timeline's cursor (arrow keys step, Page keys jump ten, Home/End go to
 * the ends), or null when the key is not the timeline's.
 */
export function cursorAfterKey(key: string, cursor: number, count: number): number | null {
  if (count <= 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return clamp(cursor - 1);
    case 'ArrowRight':
    case 'ArrowDown':
      return clamp(cursor + 1);
    case 'PageUp':
      return clamp(cursor - 10);
    case 'PageDown':
      return clamp(cursor + 10);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
