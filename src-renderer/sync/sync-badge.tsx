import type { ButtonHTMLAttributes } from 'react';
import type { SyncStatus } from '../../src-shared/sync/index';
import type { Tone } from '../ui/tone';
import { badgeText, type BackendSyncView } from './sync-views';

const STATUS_TONE: Record<SyncStatus, Tone> = { 'local-only': 'neutral', synced: 'success', modified: 'info', conflict: 'danger', error: 'danger', offline: 'warning' };

/** A flow's sync state on one backend as a small coloured badge; a button when `onClick` is given. */
export function SyncBadge({ v, showBackend = false, ...button }: { v: BackendSyncView; showBackend?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const text = badgeText(v);
  const busy = text === 'Publishing…';
  const className = `sync-badge sync-badge--${v.view.status}${v.view.locked ? ' sync-badge--locked' : ''}${busy ? ' sync-badge--busy' : ''}`;
  const tone = v.view.locked ? 'neutral' : STATUS_TONE[v.view.status];
  const title = `${v.backend ? `${v.backend}: ` : ''}${v.view.message}`;
  const content = (
    <>
      <span className="sync-badge__dot" aria-hidden="true" />
      {text}
      {showBackend && v.backend && <span className="sync-badge__backend">{v.backend}</span>}
    </>
  );
  if (button.onClick) {
    return (
      <button type="button" className={className} title={title} data-testid="sync-badge" data-status={v.view.status} data-tone={tone} {...button}>
        {content}
      </button>
    );
  }
  return (
    <span className={className} title={title} data-testid="sync-badge" data-status={v.view.status} data-tone={tone}>
      {content}
    </span>
  );
}
