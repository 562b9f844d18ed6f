import { useEffect, useState } from 'react';
import type { HostResult } from '../../src-shared/host/contract';
import { getHost } from '../host/host-client';

/** "Campaign Studio 0.1.0 · web edition", from the host. */
export function AppVersion() {
  const [info, setInfo] = useState<HostResult<'app.info'> | null>(null);
  useEffect(() => {
    let live = true;
    getHost()
      .app.info()
      .then((value) => live && setInfo(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!info) return null;
  return (
    <span className="muted" data-testid="app-version">
      Campaign Studio {info.version} · {info.edition === 'web' ? 'web edition' : 'desktop'}
    </span>
  );
}
