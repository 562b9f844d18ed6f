import { describe, expect, it } from 'vitest';
import { placeWindow, windowStateOf, windowStateSchema } from './window-state';

const sizing = { width: 1280, height: 820, minWidth: 760, minHeight: 520 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('uses the default size, centred by the OS, the first time', () => {
    expect(placeWindow(undefined, [laptop], sizing)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
  });

  it('restores saved bounds that are still on a display', () => {
    const saved = { x: 1600, y: 100, width: 1500, height: 900, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor], sizing)).toEqual({ bounds: { x: 1600, y: 100, width: 1500, height: 900 }, maximized: false });
  });

  it('falls back when the display it was on is gone', () => {
    const saved = { x: 1600, y: 100, width: 1500, height: 900, maximized: true };
    expect(placeWindow(saved, [laptop], sizing)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: true });
  });

  it('pulls a window hanging off the edge back inside and shrinks it to fit', () => {
    const saved = { x: 1000, y: -50, width: 3000, height: 2000, maximized: false };
    expect(placeWindow(saved, [laptop], sizing)).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 875 }, maximized: false });
    const nudged = placeWindow({ x: 1200, y: 600, width: 800, height: 600, maximized: false }, [laptop], sizing).bounds;
    expect(nudged).toEqual({ x: 640, y: 275, width: 800, height: 600 });
  });

  it('keeps the minimum size unless the screen is smaller', () => {
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [laptop], sizing).bounds).toMatchObject({ width: 760, height: 520 });
    const tiny = { x: 0, y: 0, width: 640, height: 480 };
    expect(placeWindow({ x: 0, y: 0, width: 1000, height: 1000, maximized: false }, [tiny], sizing).bounds).toMatchObject({ width: 640, height: 480 });
  });

  it('does not trust a sliver: a window with only a corner on screen is re-placed', () => {
    expect(placeWindow({ x: 1430, y: 865, width: 800, height: 600, maximized: false }, [laptop], sizing).bounds).not.toHaveProperty('x');
  });
});

describe('window state file', () => {
  it('validates what it reads', () => {
    expect(windowStateSchema.safeParse({ x: 1, y: 2, width: 3, height: 4, maximized: false }).success).toBe(true);
    expect(windowStateSchema.safeParse({ x: 1, y: 2, width: -3, height: 4, maximized: false }).success).toBe(false);
    expect(windowStateSchema.safeParse({ x: 'left', y: 2, width: 3, height: 4, maximized: false }).success).toBe(false);
  });

  it('saves the normal bounds, rounded, and the maximized flag', () => {
    const window = { getNormalBounds: () => ({ x: 10.4, y: 20.6, width: 800, height: 600 }), isMaximized: () => true };
    expect(windowStateOf(window)).toEqual({ x: 10, y: 21, width: 800, height: 600, maximized: true });
  });
});
