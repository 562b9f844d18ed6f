import { useEffect, useMemo, useState } from 'react';
import type { FlowRecord } from '../db/schema';
import { selectBackends } from '../sync/backends-store';
import { useBackends, useSyncHost } from '../sync/sync-context';
import { useFlowSync } from '../sync/use-flow-sync';
import type { BackendSyncView } from '../sync/sync-views';
import type { Placement, RemoteRead } from './campaign-truth';

/** How often a card reads its campaign's status again while the list is open. */
const REFRESH_MS = 60_000;

/**
 * Where a campaign is published (every backend whose sync record has a remote id) and its
 * status there, read from the backend through the host (`live.status`) when the card appears,
 * after each publish, and every minute. `views` are the flow's sync views, for the caller too.
 */
export function usePlacements(record: FlowRecord): { placements: Placement[]; views: BackendSyncView[] | undefined; publishing: string[] } {
  const views = useFlowSync(record.id, record.document);
  const backends = useBackends(selectBackends);
  const host = useSyncHost();
  const linked = useMemo(
    () =>
      (views ?? []).flatMap((v) => {
        const b = backends?.find((x) => x.name === v.backend);
        const remoteId = v.record?.remoteId;
        return b && remoteId ? [{ backend: b.name, kind: b.connection.type === 'chatwoot' ? ('chatwoot' as const) : ('delivery' as const), remoteId, revision: v.record?.remoteRevision ?? '' }] : [];
      }),
    [views, backends],
  );
  const key = JSON.stringify(linked);
  const [reads, setReads] = useState<Record<string, RemoteRead>>({});
  useEffect(() => {
    const list = JSON.parse(key) as typeof linked;
    if (!list.length) return;
    let current = true;
    const read = () =>
      list.forEach((p) =>
        host.live.status({ backend: p.backend, remoteId: p.remoteId }).then(
          (r) => current && setReads((s) => ({ ...s, [`${p.backend}/${p.remoteId}`]: r.ok ? { status: 'ready', remote: r.remote } : { status: 'error', error: r.error } })),
          (e: unknown) => current && setReads((s) => ({ ...s, [`${p.backend}/${p.remoteId}`]: { status: 'error', error: { kind: 'network', message: e instanceof Error ? e.message : String(e) } } })),
        ),
      );
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [host, key]);
  const placements = linked.map(({ backend, kind, remoteId }) => ({ backend, kind, remoteId, read: reads[`${backend}/${remoteId}`] ?? ({ status: 'loading' } as const) }));
  return { placements, views, publishing: publishingLines(views) };
}

/** A publish under way or stuck, per backend: said on the card, since its status cannot be read yet. */
function publishingLines(views: BackendSyncView[] | undefined): string[] {
  return (views ?? []).flatMap((v) => {
    if (!v.backend) return [];
    if (v.view.status === 'error' || v.view.status === 'offline' || v.view.status === 'conflict') return [`Publishing to “${v.backend}”: ${v.view.label}. ${v.view.message}`];
    if (v.view.pending) return [`Publishing to “${v.backend}”…`];
    return [];
  });
}
