import type { ReactNode } from 'react';
import { FlowIcon } from './icons';
import { navigate } from './use-route';

/** The top-level places of the app, in the header. */
export function AppNav({ current }: { current: 'flows' | 'campaigns' | 'settings' }) {
  const items = [
    ['flows', 'Flows', '#/', () => navigate({ screen: 'flows' })],
    ['campaigns', 'Campaigns', '#/campaigns/live-chat', () => navigate({ screen: 'campaigns', tab: 'live-chat' })],
    ['settings', 'Settings', '#/settings', () => navigate({ screen: 'settings' })],
  ] as const;
  return (
    <nav className="app-nav" aria-label="Main">
      {items.map(([key, label, href, go]) => (
        <a
          key={key}
          href={href}
          className={`app-nav__link${current === key ? ' app-nav__link--on' : ''}`}
          aria-current={current === key ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            go();
          }}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}

/** The header of the app's top-level screens: brand, navigation, and the screen's own actions. */
export function AppHeader({ current, children }: { current: 'flows' | 'campaigns' | 'settings'; children?: ReactNode }) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          <FlowIcon size={18} />
        </span>
        <span className="brand__name">Campaign Studio</span>
      </div>
      <AppNav current={current} />
      {children}
    </header>
  );
}
