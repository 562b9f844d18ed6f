import { navigate } from './use-route';

/** The top-level places of the app, in the header. */
export function AppNav({ current }: { current: 'flows' | 'campaigns' }) {
  const items = [
    ['flows', 'Flows', () => navigate({ screen: 'flows' })],
    ['campaigns', 'Campaigns', () => navigate({ screen: 'campaigns', tab: 'live-chat' })],
  ] as const;
  return (
    <nav className="app-nav" aria-label="Main">
      {items.map(([key, label, go]) => (
        <a
          key={key}
          href={key === 'flows' ? '#/' : '#/campaigns/live-chat'}
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
