import { Component as ReactComponent, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

/** A part of the app loaded as its own chunk, and how to start loading it before it is shown. */
export type LazyPart<P extends object> = ComponentType<P> & { preload(): Promise<unknown> };

/**
 * A component whose code is a separate chunk, fetched the first time it is shown or when
 * `preload()` is called (after the editor's first frame, say). Opening a flow then parses and
 * runs only what its first frame draws. Once loaded, the part renders at once, without a
 * Suspense fallback; before that `fallback` stands in (keep it the same size, so nothing moves).
 *
 * @example
 * const PreviewPanel = lazyPart(() => import('../preview/preview-panel').then((m) => m.PreviewPanel));
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch (the app was updated underneath, say) is retried the next time.
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Part(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return Component === Lazy ? (
      <LoadFailure>
        <Suspense fallback={fallback}>
          <Lazy {...props} />
        </Suspense>
      </LoadFailure>
    ) : (
      <Component {...props} />
    );
  }
  return Object.assign(Part, { preload });
}

/**
 * What shows in place of a part whose code could not be fetched (the app was updated or removed
 * underneath it, say): the reason and a reload, instead of an empty window. Nothing is lost by
 * reloading: the editor saves each edit as it is made.
 */
class LoadFailure extends ReactComponent<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="empty-state" role="alert">
        <h2 className="empty-state__title">This part of the app could not be loaded</h2>
        <p className="empty-state__lead">{error.message || 'Its code could not be fetched.'}</p>
        <p className="empty-state__lead">Your work is saved; reloading fetches the app again.</p>
        <div className="empty-state__actions">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
