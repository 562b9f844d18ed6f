import { useDeferredValue, useMemo, useSyncExternalStore } from 'react';
import type { FlowDocument, Problem } from '../../src-shared/flow/index';
import { whenIdle } from '../ui/when-idle';
import { useEditor, useEditorApi } from './editor-context';
import type { EditorState, EditorStore } from './editor-store';
import { createProblemsCache } from './problems';

const caches = new WeakMap<EditorStore, (doc: FlowDocument) => Problem[]>();

function cacheFor(store: EditorStore) {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = createProblemsCache()));
  return cache;
}

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

const firstChecks = new WeakMap<EditorStore, FirstCheck>();

function firstCheckFor(store: EditorStore): FirstCheck {
  let check = firstChecks.get(store);
  if (!check) firstChecks.set(store, (check = createFirstCheck(store.getState().doc.nodes.length)));
  return check;
}

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

const selectDoc = (s: EditorState) => s.doc;
const none: Problem[] = [];

/**
 * Every validation problem of the open flow. Deferred, so typing stays responsive in large
 * flows; re-validated only when something besides positions changed. Empty until the first
 * check (see useProblemsChecked).
 */
export function useProblems(): Problem[] {
  const store = useEditorApi();
  const checked = useProblemsChecked();
  const doc = useDeferredValue(useEditor(selectDoc));
  return useMemo(() => (checked ? cacheFor(store)(doc) : none), [checked, store, doc]);
}
