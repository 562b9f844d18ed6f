import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useState } from 'react';
import { exportFlowJson, exportFlowsBundle } from '../../src-shared/flow/index';
import { flowRepository } from '../db/flow-repository';
import { useEditor, useEditorApi } from './editor-context';
import { selectCanRedo, selectCanUndo, type EditorState, type SaveStatus } from './editor-store';
import { problemSummary } from './problems';
import { useProblems, useProblemsChecked } from './use-problems';
import { ImportButton } from '../import/import-button';
import { useFlowImport } from '../import/use-flow-import';
import { PreviewToggle } from '../preview/preview-toggle';
import { PublishControl } from '../sync/publish-control';
import { exportFileName, kindLabels, plural } from '../ui/format';
import { AlertIcon, ArrowLeftIcon, CheckIcon, DownloadIcon, InfoIcon, KeyboardIcon, LayoutIcon, RedoIcon, UndoIcon } from '../ui/icons';
import { useProvideEditorUi } from './actions/editor-ui';
import { useAutoLayout } from './use-auto-layout';
import { fitDuration } from '../canvas/zoom-detail';
import { saveFlowText } from './download';
import { ShortcutsDialog } from './shortcuts-dialog';

/** A flow with only notes reads calm (neutral), not informational. */
const SUMMARY_TONE = { ok: 'success', error: 'danger', warning: 'warning', info: 'neutral' } as const;

const selectName = (s: EditorState) => s.doc.campaign.name;
const selectKind = (s: EditorState) => s.doc.campaign.kind;
const selectCount = (s: EditorState) => s.doc.nodes.length;
const selectSave = (s: EditorState) => s.saveStatus;
const selectProblemsOpen = (s: EditorState) => s.problemsOpen;

const SAVE_TEXT: Record<SaveStatus, string> = { saved: 'Saved', pending: 'Unsaved changes', saving: 'Saving…', failed: 'Could not save' };

/** The flow's title bar: back, name, history, layout, problems, import and export. */
export function EditorTopbar({ onBack }: { onBack: () => void }) {
  const api = useEditorApi();
  const name = useEditor(selectName);
  const kind = useEditor(selectKind);
  const count = useEditor(selectCount);
  const saveStatus = useEditor(selectSave);
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const problemsOpen = useEditor(selectProblemsOpen);
  const problems = useProblems();
  // A big flow is validated just after it is drawn: until then the pill says so, not "No problems".
  const checked = useProblemsChecked();
  const summary = checked ? problemSummary(problems) : { text: 'Checking…', tone: 'info' as const };
  const { fitView, zoomIn, zoomOut, getNodes } = useReactFlow();
  const rf = useStoreApi();
  const { importFile } = useFlowImport();
  const layout = useAutoLayout(api);
  const [shortcuts, setShortcuts] = useState(false);

  // What the editor's actions (editor/actions/) do through the canvas and the top bar.
  useProvideEditorUi(api, {
    fitView: () => {
      const { width, height } = rf.getState();
      void fitView({ duration: fitDuration(getNodes(), width, height, 200) });
    },
    zoomIn: () => void zoomIn({ duration: 150 }),
    zoomOut: () => void zoomOut({ duration: 150 }),
    autoLayout: layout.start,
    exportFlow: () => {
      const doc = api.getState().doc;
      void saveFlowText(exportFileName(doc.campaign.name), exportFlowJson(doc));
    },
    showShortcuts: () => setShortcuts(true),
  });

  return (
    <header className="topbar topbar--flow">
      <button type="button" className="icon-button" onClick={onBack} aria-label="Back to flows" title="Back to flows">
        <ArrowLeftIcon size={18} />
      </button>
      <div className="flow-title">
        <h1 className="flow-title__name" data-testid="flow-name">
          {name || 'Untitled flow'}
        </h1>
        <span className={`tag tag--${kind} flow-title__meta`}>{kindLabels[kind]}</span>
        <span className="muted flow-title__meta flow-title__count">{plural(count, 'step')}</span>
        <span className={`save-status save-status--${saveStatus} flow-title__meta`} data-testid="save-status" role="status">
          {SAVE_TEXT[saveStatus]}
        </span>
      </div>
      <PreviewToggle />
      <div className="toolbar" role="toolbar" aria-label="Edit">
        <button type="button" className="icon-button" onClick={() => api.getState().undo()} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl/⌘ Z)">
          <UndoIcon size={17} />
        </button>
        <button type="button" className="icon-button" onClick={() => api.getState().redo()} disabled={!canRedo} aria-label="Redo" title="Redo (Shift Ctrl/⌘ Z)">
          <RedoIcon size={17} />
        </button>
        <span className="toolbar__divider" aria-hidden="true" />
        {layout.running ? (
          <>
            <span className="layout-status" role="status" data-testid="layout-status">
              <span className="preview-spinner preview-spinner--small" aria-hidden="true" />
              Arranging {plural(layout.running.steps, 'step')}…
            </span>
            <button type="button" className="button button--quiet button--small" onClick={layout.cancel} title="Stop arranging; nothing is moved" data-testid="layout-cancel">
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="button button--quiet" onClick={layout.start} disabled={layout.busy} title="Arrange all steps top to bottom" data-testid="auto-layout">
            <LayoutIcon />
            <span className="topbar-label">Auto-layout</span>
          </button>
        )}
      </div>
      <div className="topbar__actions">
        <button type="button" className="status-pill" data-tone={SUMMARY_TONE[summary.tone]} aria-expanded={problemsOpen} onClick={() => api.getState().setProblemsOpen(!problemsOpen)} data-testid="problem-count">
          {summary.tone === 'ok' ? <CheckIcon size={14} /> : summary.tone === 'info' ? <InfoIcon size={14} /> : <AlertIcon size={14} />}
          {summary.text}
        </button>
        <ImportButton onFile={(file) => void importFile(file)} className="button button--quiet" title="Import a flow file (JSON)">
          <span className="topbar-label">Import</span>
        </ImportButton>
        <ExportMenu />
        <button type="button" className="icon-button" onClick={() => setShortcuts(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" data-testid="show-shortcuts">
          <KeyboardIcon size={18} />
        </button>
        <PublishControl />
      </div>
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
    </header>
  );
}

function ExportMenu() {
  const api = useEditorApi();
  const [open, setOpen] = useState(false);
  const exportOne = () => {
    const doc = api.getState().doc;
    setOpen(false);
    void saveFlowText(exportFileName(doc.campaign.name), exportFlowJson(doc));
  };
  const exportAll = async () => {
    setOpen(false);
    const records = await flowRepository.all();
    const current = api.getState().doc;
    const docs = records.map((r) => (r.id === current.campaign.id ? current : r.document));
    await saveFlowText(`campaign-studio-flows-${new Date().toISOString().slice(0, 10)}.json`, exportFlowsBundle(docs));
  };
  return (
    <div className="menu" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node) && setOpen(false)}>
      <button type="button" className="button" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((v) => !v)} title="Export this flow or all flows as JSON">
        <DownloadIcon />
        <span className="topbar-label">Export</span>
      </button>
      {open && (
        <div className="menu__popover menu__popover--list" role="menu">
          <button type="button" role="menuitem" className="menu__item" onClick={exportOne}>
            This flow
            <span className="menu__item-hint">One .json file</span>
          </button>
          <button type="button" role="menuitem" className="menu__item" onClick={() => void exportAll()}>
            All flows
            <span className="menu__item-hint">One file with every flow</span>
          </button>
        </div>
      )}
    </div>
  );
}
