import { fromMenu } from './from-menu';
import type { EditorAction } from './types';

const hasSelection = ({ store }: Parameters<EditorAction['enabled']>[0]) => {
  const { nodes, edges } = store.getState().selection;
  return nodes.length > 0 || edges.length > 0;
};

/** Undo, clipboard, selection: what acts on the steps of the open flow. */
export const editActions: readonly EditorAction[] = [
  fromMenu('edit.undo', {
    group: 'Edit',
    perform: ({ store }) => store.getState().undo(),
    enabled: ({ store }) => store.getState().past.length > 0 || store.getState().pending !== null,
  }),
  fromMenu('edit.redo', {
    group: 'Edit',
    extraKeys: ['Ctrl+Y'],
    perform: ({ store }) => store.getState().redo(),
    enabled: ({ store }) => store.getState().future.length > 0,
  }),
  fromMenu('edit.cut', { group: 'Edit', clipboard: true, perform: () => undefined, enabled: hasSelection }),
  fromMenu('edit.copy', { group: 'Edit', clipboard: true, perform: () => undefined, enabled: hasSelection }),
  fromMenu('edit.paste', { group: 'Edit', clipboard: true, perform: () => undefined, enabled: () => true }),
  fromMenu('edit.duplicate', {
    group: 'Edit',
    perform: ({ store }) => store.getState().duplicateSelection(),
    enabled: ({ store }) => store.getState().selection.nodes.length > 0,
  }),
  fromMenu('edit.delete', {
    group: 'Edit',
    extraKeys: ['Backspace'],
    perform: ({ store }) => store.getState().deleteSelection(),
    enabled: hasSelection,
  }),
  fromMenu('edit.selectAll', {
    group: 'Edit',
    perform: ({ store }) => store.getState().selectAll(),
    enabled: ({ store }) => store.getState().doc.nodes.length > 0,
  }),
  {
    id: 'editor.deselect',
    label: 'Deselect',
    group: 'Edit',
    accelerators: ['Escape'],
    inMenu: false,
    perform: ({ store }) => store.getState().select({ nodes: [], edges: [] }),
    // With nothing selected, Escape is left to whatever else listens (a popover, a menu).
    enabled: hasSelection,
  },
];
