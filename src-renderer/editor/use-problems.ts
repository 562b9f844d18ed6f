import { useDeferredValue, useMemo, useSyncExternalStore } from 'react';
import type { FlowDocument, Problem } from '../../src-shared/flow/index';
import { whenIdle } from '../ui/when-idle';
import { useEditorApi } from './editor-context';
import type { EditorStore } from './editor-store';
import { createProblemsCache } from './problems';

/** One `make(store)` per editor store, made on first use and dropped with the store. */
function perStore<T>(make: (store: EditorStore) => T): (store: EditorStore) => T {
  const made = new WeakMap<EditorStore, T>();
  return (store) => {
    if (!made.has(store)) made.set(store, make(store));
    return made.get(store)!;
  };
}

const cacheFor = perStore(() => createProblemsCache());

/** Flows above this many steps are drawn before they are first validated. */
export const CHECK_AFTER_OPEN_FROM = 500;

/** Whether a flow's first validation may run yet, and who to tell when it may. */
export interface FirstCheck {
  done: boolean;
  listeners: Set<() => void>;
}

/**
 * The first check of a flow of `steps` steps: at once up to CHECK_AFTER_OPEN_FROM steps; for a
 * bigger flow, when `schedule` calls back (by default once the editor has drawn it and the main
 * thread is idle: validating 5,000 steps took ~55 ms of the open, and its garbage more).
 */
export function createFirstCheck(steps: number, schedule: (run: () => void) => void = (run) => void whenIdle(run, 1000)): FirstCheck {
  const check: FirstCheck = { done: steps <= CHECK_AFTER_OPEN_FROM, listeners: new Set() };
  if (!check.done) {
    schedule(() => {
      check.done = true;
      check.listeners.forEach((listener) => listener());
    });
  }
  return check;
}

const firstCheckFor = perStore((store) => createFirstCheck(store.getState().doc.nodes.length));

/** Whether the open flow has been validated yet (a big flow is, just after it is drawn). */
export function useProblemsChecked(): boolean {
  const check = firstCheckFor(useEditorApi());
  return useSyncExternalStore(
    (listener) => {
      check.listeners.add(listener);
      return () => check.listeners.delete(listener);
    },
    () => check.done,
  );
}

/** How long edits of a flow above CHECK_AFTER_OPEN_FROM steps must pause before it is validated again. */
export const CHECK_PAUSE_MS = 250;

/** The document validation reads, and who to tell when it changes. */
export interface CheckedDoc {
  get(): FlowDocument;
  subscribe(listener: () => void): () => void;
}

/**
 * The editor's document as validation sees it: every change of a flow up to
 * CHECK_AFTER_OPEN_FROM steps at once; for a bigger flow, the newest once edits pause for
 * `pauseMs`. Validating 5,000 steps takes ~20-30 ms, which on every keystroke made typing in
 * such a flow lag; its problems now follow a moment after the typing stops.
 */
export function createCheckedDoc(store: Pick<EditorStore, 'getState' | 'subscribe'>, pauseMs = CHECK_PAUSE_MS): CheckedDoc {
  let current = store.getState().doc;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const settle = () => {
    timer = undefined;
    current = store.getState().doc;
    listeners.forEach((listener) => listener());
  };
  store.subscribe((state) => {
    if (state.doc === current) return;
    if (timer !== undefined) clearTimeout(timer);
    if (state.doc.nodes.length <= CHECK_AFTER_OPEN_FROM) settle();
    else timer = setTimeout(settle, pauseMs);
  });
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const checkedDocFor = perStore((store) => createCheckedDoc(store));

const none: Problem[] = [];

/**
 * Every validation problem of the open flow. Deferred, so typing stays responsive (and in a
 * flow above CHECK_AFTER_OPEN_FROM steps, checked once edits pause: see createCheckedDoc);
 * re-validated only when something besides positions changed. Empty until the first check
 * (see useProblemsChecked).
 */
export function useProblems(): Problem[] {
  const store = useEditorApi();
  const checked = useProblemsChecked();
  const source = checkedDocFor(store);
  const doc = useDeferredValue(useSyncExternalStore(source.subscribe, source.get));
  return useMemo(() => (checked ? cacheFor(store)(doc) : none), [checked, store, doc]);
}
