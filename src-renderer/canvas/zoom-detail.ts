import type { Node, ReactFlowState } from '@xyflow/react';
import { fitZoomOf } from './use-readable-fit';

/**
 * Below this zoom a card's 13 px label is under 4 px on screen: cards are drawn without their
 * text and icons (a box of the same size, in the kind's colour, with its handles) and edges
 * without labels. Fitting a 5,000-step flow to the window puts ~600 cards and ~900 edges in view
 * at 10%, and drawing their text was most of a 2-3 s task (React Flow measures each edge label
 * with `getBBox` and draws it again).
 */
export const READABLE_ZOOM = 0.3;

/** A boolean, so cards and edges re-render when the zoom crosses the limit, not on every zoom step. */
export const selectReadable = (s: ReactFlowState): boolean => s.transform[2] >= READABLE_ZOOM;

/**
 * How long a fit of the whole flow animates: `duration` when the flow ends readable, none when
 * it ends below READABLE_ZOOM. The frames of an animation draw each card that comes into view
 * at the zooms it passes through, with its text while those are readable, then again as a box:
 * fitting 5,000 steps took 1.2 s of main-thread work animated.
 */
export function fitDuration(nodes: Node[], width: number, height: number, duration: number): number {
  return fitsOnlyUnreadable(nodes, width, height) ? 0 : duration;
}

/** Whether fitting every node in a `width` × `height` canvas (once it has a size) would put it below READABLE_ZOOM. */
export function fitsOnlyUnreadable(nodes: Node[], width: number, height: number): boolean {
  return width > 0 && height > 0 && fitZoomOf(nodes, width, height) < READABLE_ZOOM;
}
