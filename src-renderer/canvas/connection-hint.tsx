import { useConnection, ViewportPortal } from '@xyflow/react';
import { useEditorApi } from '../editor/editor-context';

/**
 * While a connection is dragged over a handle it may not join, says why next to the pointer,
 * before the user lets go.
 */
export function ConnectionHint() {
  const api = useEditorApi();
  const connection = useConnection();
  if (!connection.inProgress || connection.isValid !== false || !connection.toNode || !connection.fromHandle) return null;
  const fromSource = connection.fromHandle.type === 'source';
  const check = api.getState().checkConnection({
    source: fromSource ? connection.fromNode.id : connection.toNode.id,
    sourceHandle: (fromSource ? connection.fromHandle.id : connection.toHandle?.id) ?? 'next',
    target: fromSource ? connection.toNode.id : connection.fromNode.id,
  });
  if (check.ok) return null;
  return (
    <ViewportPortal>
      <div className="connection-hint" role="status" data-testid="connection-hint" style={{ transform: `translate(${connection.to.x + 14}px, ${connection.to.y + 14}px)` }}>
        {check.reason}
      </div>
    </ViewportPortal>
  );
}
