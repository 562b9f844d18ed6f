import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../src-shared/flow/index';
import { edge, flow, node, sendNode } from '../../src-shared/testing/flow-builders';
import { createEditorStore, selectCanRedo, selectCanUndo } from './editor-store';

function make(doc: FlowDocument = flow([sendNode('a')], [edge('trigger', 'a')])) {
  let n = 0;
  return createEditorStore(doc, { newId: (prefix) => `${prefix}-${++n}` });
}

const ids = (doc: FlowDocument) => doc.nodes.map((x) => x.id);

describe('editor store: history', () => {
  it('undoes and redoes an added node, selection included', () => {
    const store = make();
    store.getState().addNode('wait', { x: 0, y: 300 });
    expect(ids(store.getState().doc)).toEqual(['trigger', 'a', 'wait-1']);
    expect(store.getState().selection.nodes).toEqual(['wait-1']);
    store.getState().undo();
    expect(ids(store.getState().doc)).toEqual(['trigger', 'a']);
    expect(store.getState().selection.nodes).toEqual([]);
    store.getState().redo();
    expect(ids(store.getState().doc)).toEqual(['trigger', 'a', 'wait-1']);
    expect(selectCanRedo(store.getState())).toBe(false);
  });

  it('makes a whole drag one undo step', () => {
    const store = make();
    for (let y = 10; y <= 100; y += 10) store.getState().moveNodes(new Map([['a', { x: 0, y }]]), false);
    store.getState().moveNodes(new Map([['a', { x: 0, y: 120 }]]), true);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc.nodes[1]?.position).toEqual({ x: 0, y: 0 });
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  it('coalesces typing in one field and splits on another field', () => {
    const store = make();
    const data = store.getState().doc.nodes[1]!.data as Extract<FlowDocument['nodes'][number], { type: 'send' }>['data'];
    for (const body of ['H', 'He', 'Hey']) store.getState().updateNodeData('a', { ...data, body }, 'body');
    store.getState().updateNodeData('a', { ...data, body: 'Hey', label: 'x' }, 'label');
    store.getState().settle();
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().doc.nodes[1]?.data).toMatchObject({ body: 'Hey' });
    store.getState().undo();
    expect(store.getState().doc.nodes[1]?.data).toMatchObject({ body: 'Hello {{ contact.name }}' });
  });

  it('loading is never an undo step and clears history', () => {
    const store = make();
    store.getState().addNode('end', { x: 0, y: 0 });
    store.getState().load(flow());
    expect(store.getState().past).toEqual([]);
    expect(store.getState().lastChange).toBe('load');
    store.getState().undo();
    expect(ids(store.getState().doc)).toEqual(['trigger']);
  });

  it('an undo after a new edit drops the redo branch', () => {
    const store = make();
    store.getState().addNode('end', { x: 0, y: 0 });
    store.getState().undo();
    store.getState().addNode('wait', { x: 0, y: 0 });
    expect(selectCanRedo(store.getState())).toBe(false);
  });
});

describe('editor store: edits', () => {
  it('refuses a bad connection with a visible reason and no history', () => {
    const store = make();
    expect(store.getState().connect({ source: 'a', sourceHandle: 'next', target: 'trigger' })).toBe(false);
    expect(store.getState().notice).toMatchObject({ tone: 'refusal', message: expect.stringContaining('entry trigger') });
    expect(store.getState().past).toEqual([]);
  });

  it('adds after the selected node, connected', () => {
    const store = make();
    store.getState().select({ nodes: ['a'], edges: [] });
    store.getState().addAfterSelection('end', { x: 0, y: 0 });
    expect(store.getState().doc.edges.at(-1)).toMatchObject({ source: 'a', target: 'end-1', sourceHandle: 'next' });
  });

  it('inserts on an edge', () => {
    const store = make();
    expect(store.getState().insertOnEdge('trigger-next-a', 'wait')).toBe(true);
    expect(store.getState().doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['trigger>wait-1', 'wait-1>a']);
  });

  it('deletes the selection but keeps the trigger', () => {
    const store = make();
    store.getState().selectAll();
    store.getState().deleteSelection();
    expect(ids(store.getState().doc)).toEqual(['trigger']);
    expect(store.getState().doc.edges).toEqual([]);
    expect(store.getState().selection.nodes).toEqual(['trigger']);
  });

  it('copies, pastes beside the original (each paste further along) and duplicates', () => {
    const store = make(flow([sendNode('a'), node('b', 'end')], [edge('trigger', 'a'), edge('a', 'b')]));
    store.getState().select({ nodes: ['a', 'b'], edges: [] });
    const clip = store.getState().copySelection()!;
    store.getState().paste(clip);
    store.getState().paste(clip);
    const doc = store.getState().doc;
    expect(doc.nodes).toHaveLength(7);
    // Copies go beside what they copy, never 40 px off it (that overlapped the original).
    expect(doc.nodes.slice(-4).map((n) => n.position.x)).toEqual([260, 260, 520, 520]);
    expect(store.getState().selection.nodes).toHaveLength(2);
    expect(store.getState().selection.edges).toHaveLength(1);
    store.getState().duplicateSelection();
    expect(store.getState().doc.nodes).toHaveLength(9);
  });

  it('pastes at a point', () => {
    const store = make();
    store.getState().select({ nodes: ['a'], edges: [] });
    const clip = store.getState().copySelection()!;
    store.getState().paste(clip, { x: 500, y: 600 });
    expect(store.getState().doc.nodes.at(-1)?.position).toEqual({ x: 500, y: 600 });
  });

  it('restores a version as one undoable step and keeps the flow id', () => {
    const store = make();
    const old = flow([], [], { id: 'elsewhere' });
    store.getState().restore(old, 'Monday');
    expect(ids(store.getState().doc)).toEqual(['trigger']);
    expect(store.getState().doc.campaign.id).toBe('test-flow');
    store.getState().undo();
    expect(ids(store.getState().doc)).toEqual(['trigger', 'a']);
  });
});
