import * as z from 'zod';
import { lazySchema } from '../../src-shared/schema/lazy-schema';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const windowStateSchema = lazySchema(() => z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  maximized: z.boolean(),
}));
export type WindowState = z.infer<typeof windowStateSchema>;

export interface WindowSizing {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export interface WindowPlacement {
  /** Position and size for `new BrowserWindow`; no `x`/`y` lets the OS centre it. */
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** Enough of the window must show to grab it: a title bar's height across a decent width. */
const minVisible = { width: 120, height: 40 };

/**
 * Where to open the window: the saved bounds when they still fall on a connected display
 * (clamped to fit inside its work area), else the default size centred by the OS. Screens
 * get unplugged and resolutions change; a window must never reopen off-screen or larger
 * than the screen it is on.
 *
 * @example
 * placeWindow(saved, screen.getAllDisplays().map((d) => d.workArea), { width: 1280, height: 820, minWidth: 760, minHeight: 520 })
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[], sizing: WindowSizing): WindowPlacement {
  const fallback = (area: Rect | undefined): WindowPlacement => ({
    bounds: {
      width: area ? clamp(sizing.width, Math.min(sizing.minWidth, area.width), area.width) : sizing.width,
      height: area ? clamp(sizing.height, Math.min(sizing.minHeight, area.height), area.height) : sizing.height,
    },
    maximized: saved?.maximized ?? false,
  });
  if (!saved) return fallback(workAreas[0]);
  const best = workAreas.map((area) => ({ area, shared: overlap(saved, area) })).sort((a, b) => b.shared - a.shared)[0];
  if (!best || best.shared < minVisible.width * minVisible.height) return fallback(workAreas[0]);
  const { area } = best;
  const width = clamp(saved.width, Math.min(sizing.minWidth, area.width), area.width);
  const height = clamp(saved.height, Math.min(sizing.minHeight, area.height), area.height);
  return {
    bounds: { x: clamp(saved.x, area.x, area.x + area.width - width), y: clamp(saved.y, area.y, area.y + area.height - height), width, height },
    maximized: saved.maximized,
  };
}

/** What is saved when the window closes: its normal (un-maximized) bounds and whether it was maximized. */
export function windowStateOf(window: { getNormalBounds(): Rect; isMaximized(): boolean }): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized: window.isMaximized() };
}
