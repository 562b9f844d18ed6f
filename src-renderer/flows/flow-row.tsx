import { useState } from 'react';
import type { FlowSummary } from '../db/schema';
import { FlowSyncBadges } from '../sync/flow-sync-badges';
import { formatRelativeTime, kindLabels, plural } from '../ui/format';
import { CopyIcon, TrashIcon } from '../ui/icons';

interface FlowRowProps {
  flow: FlowSummary;
  now: number;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
  onDuplicate: (id: string) => void;
}

/** One saved flow. Deleting asks once more in place, then offers an undo. */
export function FlowRow({ flow, now, onOpen, onDelete, onDuplicate }: FlowRowProps) {
  const [confirming, setConfirming] = useState(false);
  const updated = new Date(flow.updatedAt);
  return (
    <li className="flow-row" data-testid="flow-row">
      <button type="button" className="flow-row__main" onClick={() => onOpen(flow.id)} aria-label={`Open ${flow.name}`}>
        <span className={`kind-dot kind-dot--${flow.kind}`} aria-hidden="true" />
        <span className="flow-row__name">{flow.name || 'Untitled flow'}</span>
        <span className="flow-row__meta">
          <span className="tag">{kindLabels[flow.kind]}</span>
          <span>{plural(flow.nodeCount, 'step')}</span>
          <time dateTime={updated.toISOString()} title={updated.toLocaleString()}>
            Updated {formatRelativeTime(flow.updatedAt, now)}
          </time>
          <FlowSyncBadges flow={flow} />
        </span>
      </button>
      <div className="flow-row__actions">
        {confirming ? (
          <>
            <span className="flow-row__confirm">Delete this flow?</span>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="button button--small button--danger" onClick={() => onDelete(flow.id)}>
              Delete
            </button>
          </>
        ) : (
          <>
            <button type="button" className="icon-button" onClick={() => onDuplicate(flow.id)} aria-label={`Duplicate ${flow.name}`} title="Duplicate">
              <CopyIcon />
            </button>
            <button type="button" className="icon-button" onClick={() => setConfirming(true)} aria-label={`Delete ${flow.name}`} title="Delete">
              <TrashIcon />
            </button>
          </>
        )}
      </div>
    </li>
  );
}
