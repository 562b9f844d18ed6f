import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { NodeOverlayBadge, nodeOverlayClass, useNodeOverlay } from '../../preview/canvas-overlay';
import type { CanvasNode } from '../to-react-flow';
import { nodeIcons } from './node-icons';
import { selectReadable } from '../zoom-detail';

/** Outputs share their side evenly; labels and handles use the same offsets so they line up. */
function offsetOf(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

/**
 * The one component every node kind is drawn with: kind and icon, label, the one-line summary
 * and a labelled source handle per output. What differs by kind comes from the data (title,
 * outputs, summary from the core's node definitions), the icon from node-icons.tsx and the
 * accent from CSS (`.node-card--<kind>`). The trigger starts the flow: nothing leads into it.
 */
export function NodeCard({ id, data, selected, isConnectable }: NodeProps<CanvasNode>) {
  const icon = nodeIcons[data.kind];
  const hasInput = data.kind !== 'trigger';
  const overlay = useNodeOverlay(id);
  const vertical = data.direction === 'down';
  const inputSide = vertical ? Position.Top : Position.Left;
  const outputSide = vertical ? Position.Bottom : Position.Right;
  const labelled = data.outputs.length > 1 || data.outputs.some((output) => output.id !== 'next');
  const readable = useStore(selectReadable);
  const className = `node-card node-card--${data.kind} node-card--${data.direction}${labelled ? ' has-outputs' : ''}${selected ? ' is-selected' : ''}${data.errors ? ' has-errors' : ''}${nodeOverlayClass(overlay)}`;
  const handles = (
    <>
      {hasInput && <Handle type="target" position={inputSide} isConnectable={isConnectable} className="node-card__handle node-card__handle--in" />}
      {data.outputs.map((output, index) => {
        const offset = offsetOf(index, data.outputs.length);
        return (
          <Handle
            key={output.id}
            id={output.id}
            type="source"
            position={outputSide}
            isConnectable={isConnectable}
            className={`node-card__handle node-card__handle--out node-card__handle--${output.id}`}
            style={vertical ? { left: offset } : { top: offset }}
            title={output.label}
          />
        );
      })}
    </>
  );
  if (!readable) {
    // Zoomed out past reading (zoom-detail.ts): the card's box, colour and handles, no text.
    return (
      <div className={`${className} node-card--far`} data-kind={data.kind} data-label={data.label} title={data.label}>
        {handles}
      </div>
    );
  }
  return (
    <div className={className} data-kind={data.kind} data-label={data.label} data-preview={overlay?.kind === 'journey' ? overlay.role : undefined}>
      <NodeOverlayBadge id={id} overlay={overlay} />
      <header className="node-card__header">
        <span className="node-card__icon" aria-hidden="true">
          {icon}
        </span>
        <span className="node-card__kind">{data.title}</span>
        {data.errors > 0 ? (
          <span className="node-card__badge" data-tone="danger" title={data.problems?.join('\n') || `${data.errors} error(s)`} data-testid="node-errors">
            {data.errors}
          </span>
        ) : data.warnings > 0 ? (
          <span className="node-card__badge" data-tone="warning" title={data.problems?.join('\n') || `${data.warnings} warning(s)`}>
            {data.warnings}
          </span>
        ) : (
          <span className="node-card__ok" role="img" title="Ready" aria-label="No problems" />
        )}
      </header>
      <div className="node-card__body">
        <div className="node-card__label" title={data.label}>
          {data.label}
        </div>
        <div className="node-card__summary" title={data.summary}>
          {data.summary}
        </div>
      </div>
      {labelled && (
        <footer className="node-card__outputs">
          {data.outputs.map((output, index) => (
            <span key={output.id} className={`node-card__output node-card__output--${output.id}`} style={vertical ? { left: offsetOf(index, data.outputs.length) } : { top: offsetOf(index, data.outputs.length) }}>
              {output.label}
            </span>
          ))}
        </footer>
      )}
      {handles}
    </div>
  );
}
