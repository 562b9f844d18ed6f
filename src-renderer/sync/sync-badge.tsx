import type { ButtonHTMLAttributes } from 'react';
import { badgeText, type BackendSyncView } from './sync-views';

/** A flow's sync state on one backend as a small coloured badge; a button when `onClick` is given. */
export function SyncBadge({ v, showBackend = false, ...button }: { v: BackendSyncView; showBackend?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const text = badgeText(v);
  const busy = text === 'Publishing…';
  const className = `sync-badge sync-badge--${v.view.status}${v.view.locked ? ' sync-badge--locked' : ''}${busy ? ' sync-badge--busy' : ''}`;
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
      <button type="button" className={className} title={title} data-testid="sync-badge" data-status={v.view.status} {...button}>
        {content}
      </button>
    );
  }
  return (
    <span className={className} title={title} data-testid="sync-badge" data-status={v.view.status}>
      {content}
    </span>
  );
}
