import type { ReactFlowState } from '@xyflow/react';

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
