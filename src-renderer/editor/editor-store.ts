import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  addNode,
  addNodeAfter,
  canConnect,
  connect,
  copyNodes,
  duplicateNodes,
  insertOnEdge,
  moveNodes,
  newId as randomId,
  pasteNodes,
  removeElements,
  updateCampaign,
  updateNodeData,
  type Connection,
  type ConnectCheck,
  type FlowClipboard,
  type FlowDocument,
  type FlowNode,
  type NodeKind,
  type Position,
} from '../../src-shared/flow/index';
import { copyOffset } from '../canvas/placement';
import { flowDirection, type FlowDirection } from '../canvas/to-react-flow';

/**
 * Whether a change goes into undo history (after Excalidraw's capture-update idea):
 * `immediately` is one undo step now; `eventually` is part of a gesture (a drag, typing in a
 * field) that becomes one step when it settles; `never` is not undoable (loading, saving).
 */
export type Capture = 'immediately' | 'eventually' | 'never';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface CommitOptions {
  capture: Capture;
  /** Gesture name for `eventually`: a change in another group first settles the previous one. */
  group?: string;
  selection?: Selection;
}

interface Snapshot {
  doc: FlowDocument;
  selection: Selection;
}

export type SidePanel = 'selection' | 'campaign' | 'history';
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

export interface EditorNotice {
  id: number;
  tone: 'refusal' | 'info';
  message: string;
}

export interface EditorState {
  doc: FlowDocument;
  selection: Selection;
  past: Snapshot[];
  future: Snapshot[];
  /** The state before an unsettled gesture began. */
  pending: { base: Snapshot; group: string } | null;
  /** Bumps on every document change; `lastChange` says where the change came from. */
  revision: number;
  lastChange: 'load' | 'edit';
  direction: FlowDirection;
  notice: EditorNotice | null;
  panel: SidePanel;
  problemsOpen: boolean;
  /** A node the canvas should bring into view (problems panel, paste); `seq` makes repeats count. */
  focus: { nodeId: string; seq: number } | null;
  /** Bumped to ask the canvas to fit everything in view once it has drawn the latest positions. */
  fitRequest: number;
  saveStatus: SaveStatus;

  load(doc: FlowDocument): void;
  commit(doc: FlowDocument, options: CommitOptions): void;
  settle(): void;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  selectAll(): void;
  addNode(kind: NodeKind, position: Position): boolean;
  addAfterSelection(kind: NodeKind, fallback: Position): boolean;
  insertOnEdge(edgeId: string, kind: NodeKind): boolean;
  checkConnection(connection: Connection): ConnectCheck;
  connect(connection: Connection): boolean;
  deleteSelection(): void;
  moveNodes(positions: ReadonlyMap<string, Position>, done: boolean): void;
  updateNodeData(nodeId: string, data: FlowNode['data'], group?: string): void;
  updateCampaign(campaign: FlowDocument['campaign'], group?: string): void;
  copySelection(): FlowClipboard | null;
  paste(clipboard: FlowClipboard, at?: Position): void;
  duplicateSelection(): void;
  applyLayout(positions: ReadonlyMap<string, Position>): void;
  restore(doc: FlowDocument, label: string): void;
  notify(message: string, tone?: EditorNotice['tone']): void;
  dismissNotice(): void;
  setPanel(panel: SidePanel): void;
  setProblemsOpen(open: boolean): void;
  focusNode(nodeId: string): void;
  setSaveStatus(status: SaveStatus): void;
}

export interface EditorStoreOptions {
  /** Fresh ids for new nodes and edges; tests pass a counter. */
  newId?: (prefix: string) => string;
  historyLimit?: number;
}

const EMPTY: Selection = { nodes: [], edges: [] };

function sameSelection(a: Selection, b: Selection): boolean {
  return a.nodes.length === b.nodes.length && a.edges.length === b.edges.length && a.nodes.every((id, i) => id === b.nodes[i]) && a.edges.every((id, i) => id === b.edges[i]);
}

/** The selection without ids that no longer exist in `doc`. */
function existing(doc: FlowDocument, selection: Selection): Selection {
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const edges = new Set(doc.edges.map((e) => e.id));
  return { nodes: selection.nodes.filter((id) => nodes.has(id)), edges: selection.edges.filter((id) => edges.has(id)) };
}

/**
 * The editor's state for one open flow: the document, selection, undo history and panels.
 * One store per open flow (and per test), provided through React context.
 */
export function createEditorStore(initial: FlowDocument, options: EditorStoreOptions = {}): StoreApi<EditorState> {
  const newId = options.newId ?? randomId;
  const limit = options.historyLimit ?? 200;
  let noticeSeq = 0;
  let focusSeq = 0;

  return createStore<EditorState>()((set, get) => {
    const snapshot = (): Snapshot => ({ doc: get().doc, selection: get().selection });
    const trim = (stack: Snapshot[]) => (stack.length > limit ? stack.slice(stack.length - limit) : stack);

    const refuse = (reason: string) => get().notify(reason, 'refusal');

    const commit = (doc: FlowDocument, opts: CommitOptions) => {
      const state = get();
      const selection = opts.selection ?? state.selection;
      if (opts.capture === 'never') {
        set({ doc, selection, revision: state.revision + 1, lastChange: 'edit' });
        return;
      }
      if (opts.capture === 'eventually') {
        const group = opts.group ?? 'gesture';
        if (state.pending && state.pending.group !== group) state.settle();
        const pending = get().pending ?? { base: snapshot(), group };
        set({ doc, selection, pending, future: [], revision: get().revision + 1, lastChange: 'edit' });
        return;
      }
      state.settle();
      set({ past: trim([...get().past, snapshot()]), future: [], doc, selection, revision: get().revision + 1, lastChange: 'edit' });
    };

    const applyResult = (r: { ok: true; doc: FlowDocument; selected?: string[] } | { ok: false; reason: string }): boolean => {
      if (!r.ok) {
        refuse(r.reason);
        return false;
      }
      commit(r.doc, { capture: 'immediately', selection: r.selected ? { nodes: r.selected, edges: [] } : undefined });
      if (r.selected?.length) set({ panel: 'selection' });
      return true;
    };

    return {
      doc: initial,
      selection: EMPTY,
      past: [],
      future: [],
      pending: null,
      revision: 0,
      lastChange: 'load',
      direction: flowDirection(initial),
      notice: null,
      panel: 'campaign',
      problemsOpen: false,
      focus: null,
      fitRequest: 0,
      saveStatus: 'saved',

      load: (doc) =>
        set((state) => ({ doc, selection: existing(doc, state.selection), past: [], future: [], pending: null, revision: state.revision + 1, lastChange: 'load', direction: flowDirection(doc) })),

      commit,

      settle: () => {
        const { pending, doc, past } = get();
        if (!pending) return;
        set({ pending: null, past: pending.base.doc === doc ? past : trim([...past, pending.base]) });
      },

      undo: () => {
        get().settle();
        const { past, future } = get();
        const previous = past.at(-1);
        if (!previous) return;
        const current = snapshot();
        set({ past: past.slice(0, -1), future: [...future, current], doc: previous.doc, selection: existing(previous.doc, previous.selection), revision: get().revision + 1, lastChange: 'edit' });
      },

      redo: () => {
        get().settle();
        const { past, future } = get();
        const next = future.at(-1);
        if (!next) return;
        set({ future: future.slice(0, -1), past: [...past, snapshot()], doc: next.doc, selection: existing(next.doc, next.selection), revision: get().revision + 1, lastChange: 'edit' });
      },

      select: (selection) => {
        if (sameSelection(selection, get().selection)) return;
        set(selection.nodes.length || selection.edges.length ? { selection, panel: 'selection' } : { selection });
      },

      selectAll: () => get().select({ nodes: get().doc.nodes.map((n) => n.id), edges: get().doc.edges.map((e) => e.id) }),

      addNode: (kind, position) => applyResult(addNode(get().doc, kind, newId(kind), position)),

      addAfterSelection: (kind, fallback) => {
        const { selection } = get();
        if (selection.nodes.length === 1) return applyResult(addNodeAfter(get().doc, selection.nodes[0]!, kind, newId(kind), newId('e')));
        if (selection.nodes.length > 1) {
          refuse('Select a single step to add after it.');
          return false;
        }
        return get().addNode(kind, fallback);
      },

      insertOnEdge: (edgeId, kind) => applyResult(insertOnEdge(get().doc, edgeId, kind, newId(kind), newId('e'))),

      checkConnection: (connection) => canConnect(get().doc, connection),

      connect: (connection) => {
        const id = newId('e');
        const r = connect(get().doc, connection, id);
        if (!r.ok) {
          refuse(r.reason);
          return false;
        }
        commit(r.doc, { capture: 'immediately' });
        return true;
      },

      deleteSelection: () => {
        const { selection } = get();
        if (!selection.nodes.length && !selection.edges.length) return;
        const r = removeElements(get().doc, selection.nodes, selection.edges);
        if (!r.ok) return void refuse(r.reason);
        const kept = selection.nodes.filter((id) => r.doc.nodes.some((n) => n.id === id));
        commit(r.doc, { capture: 'immediately', selection: { nodes: kept, edges: [] } });
        if (kept.length) get().notify('The entry trigger stays: every flow starts there.', 'info');
      },

      moveNodes: (positions, done) => {
        if (positions.size) commit(moveNodes(get().doc, positions), { capture: 'eventually', group: 'move' });
        if (done) get().settle();
      },

      updateNodeData: (nodeId, data, group) =>
        commit(updateNodeData(get().doc, nodeId, data), group ? { capture: 'eventually', group: `node:${nodeId}:${group}` } : { capture: 'immediately' }),

      updateCampaign: (campaign, group) => commit(updateCampaign(get().doc, campaign), group ? { capture: 'eventually', group: `campaign:${group}` } : { capture: 'immediately' }),

      copySelection: () => {
        const { selection, doc } = get();
        const clipboard = copyNodes(doc, selection.nodes);
        if (!clipboard.nodes.length) return null;
        return clipboard;
      },

      paste: (clipboard, at) => {
        if (!clipboard.nodes.length) return;
        let offset: Position;
        if (at) {
          const minX = Math.min(...clipboard.nodes.map((n) => n.position.x));
          const minY = Math.min(...clipboard.nodes.map((n) => n.position.y));
          offset = { x: at.x - minX, y: at.y - minY };
        } else {
          // Beside the original on the first free spot: repeated pastes line up, none overlaps.
          offset = copyOffset(get().doc, clipboard.nodes);
        }
        const r = pasteNodes(get().doc, clipboard, offset, newId);
        commit(r.doc, { capture: 'immediately', selection: { nodes: r.selected, edges: r.doc.edges.filter((e) => r.selected.includes(e.source) && r.selected.includes(e.target)).map((e) => e.id) } });
        set({ panel: 'selection' });
      },

      duplicateSelection: () => {
        const { selection, doc } = get();
        const r = duplicateNodes(doc, selection.nodes, copyOffset(doc, doc.nodes.filter((n) => selection.nodes.includes(n.id))), newId);
        if (!r.selected.length) return void refuse(selection.nodes.length ? 'The entry trigger cannot be duplicated: a flow has one.' : 'Select the steps to duplicate.');
        commit(r.doc, { capture: 'immediately', selection: { nodes: r.selected, edges: [] } });
      },

      applyLayout: (positions) => {
        commit(moveNodes(get().doc, positions), { capture: 'immediately' });
        set({ direction: 'down', fitRequest: get().fitRequest + 1 });
      },

      restore: (doc, label) => {
        const current = get().doc;
        // A version keeps the flow's identity: restoring never turns it into another flow.
        commit({ ...doc, campaign: { ...doc.campaign, id: current.campaign.id } }, { capture: 'immediately', selection: EMPTY });
        set({ direction: flowDirection(doc) });
        get().notify(`Restored “${label}”. Undo brings back what you had.`, 'info');
      },

      notify: (message, tone = 'info') => set({ notice: { id: ++noticeSeq, tone, message } }),
      dismissNotice: () => set({ notice: null }),
      setPanel: (panel) => set({ panel }),
      setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
      focusNode: (nodeId) => set({ focus: { nodeId, seq: ++focusSeq }, selection: { nodes: [nodeId], edges: [] }, panel: 'selection' }),
      setSaveStatus: (saveStatus) => set({ saveStatus }),
    };
  });
}

export type EditorStore = StoreApi<EditorState>;

export const selectCanUndo = (s: EditorState) => s.past.length > 0 || s.pending !== null;
export const selectCanRedo = (s: EditorState) => s.future.length > 0;
