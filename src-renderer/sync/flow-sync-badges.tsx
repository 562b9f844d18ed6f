import type { FlowSummary } from '../db/schema';
import { SyncBadge } from './sync-badge';
import { useListedFlowSync } from './use-flow-sync';

/** The sync state of a listed flow on each backend it was published to (or "Not published"). */
export function FlowSyncBadges({ flow }: { flow: FlowSummary }) {
  const views = useListedFlowSync(flow);
  if (!views) return null;
  return (
    <span className="sync-badges" data-testid="flow-sync">
      {views.map((v) => (
        <SyncBadge key={v.backend ?? 'local'} v={v} showBackend={views.length > 1} />
      ))}
    </span>
  );
}
