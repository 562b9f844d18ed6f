import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

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
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    ) : (
      <Component {...props} />
    );
  }
  return Object.assign(Part, { preload });
}
