import { fromMenu } from './from-menu';
import type { ActionContext, EditorAction, EditorUi } from './types';

/** An action carried out by a part of the screen; disabled while that part is not shown. */
const byUi = (part: keyof EditorUi) => ({
  perform: ({ ui }: ActionContext) => ui[part]?.(),
  enabled: ({ ui }: ActionContext) => typeof ui[part] === 'function',
});

/** The canvas viewport, the flow as a file, and help. */
export const viewActions: readonly EditorAction[] = [
  fromMenu('view.fitView', { group: 'Canvas', ...byUi('fitView') }),
  fromMenu('view.zoomIn', { group: 'Canvas', ...byUi('zoomIn') }),
  fromMenu('view.zoomOut', { group: 'Canvas', ...byUi('zoomOut') }),
  fromMenu('view.autoLayout', { group: 'Canvas', ...byUi('autoLayout') }),
  fromMenu('view.simulate', { group: 'Flow', ...byUi('preview') }),
  fromMenu('flow.export', { group: 'Flow', ...byUi('exportFlow') }),
  { id: 'editor.save', label: 'Save now', group: 'Flow', accelerators: ['CmdOrCtrl+S'], inMenu: false, ...byUi('save') },
  { id: 'editor.shortcuts', label: 'Keyboard shortcuts', group: 'Help', accelerators: ['?'], inMenu: false, ...byUi('showShortcuts') },
];
