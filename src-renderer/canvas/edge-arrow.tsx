/**
 * The arrowhead every edge of the editor's canvas ends in, defined once here and named by id.
 * React Flow can draw it from a marker object (`{ type: 'arrowclosed', … }`), but then it works
 * out a marker id for every edge of the flow, by sorting and joining the object's keys, each time
 * the edges change: on 5,000 steps ~10-40 ms of the open and of every edit that adds or removes
 * an edge. An id string costs nothing per edge. It draws what React Flow's closed arrow draws.
 */
export const EDGE_ARROW = 'cs-edge-arrow';

const hidden = { position: 'absolute', width: 0, height: 0 } as const;
// React Flow's default marker colour, as its own markers had it.
const arrowStyle = { strokeWidth: 1, stroke: '#b1b1b7', fill: '#b1b1b7' } as const;

export function EdgeArrowDefs() {
  return (
    <svg style={hidden} aria-hidden="true">
      <defs>
        <marker className="react-flow__arrowhead" id={EDGE_ARROW} markerWidth="18" markerHeight="18" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
          <polyline className="arrowclosed" style={arrowStyle} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
        </marker>
      </defs>
    </svg>
  );
}
