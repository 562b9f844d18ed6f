import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { whenIdle } from './when-idle';

/**
 * Content that starts below the fold of a scrolling panel, drawn just after the panel's first
 * frame rather than in it: the render is a transition, which React does in slices that yield
 * to the browser, so the first frame (and input right after it) does not wait for what nobody
 * can see yet. The canvas does the same with its nodes (React Flow draws only those in view).
 * Nothing else changes: the content mounts once, in the same place, with the same state.
 */
export function BelowTheFold({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => whenIdle(() => startTransition(() => setShown(true)), 1000), []);
  return shown ? children : <div aria-busy="true" data-testid="below-the-fold" />;
}
