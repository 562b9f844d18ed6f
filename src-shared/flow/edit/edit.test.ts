import { describe, expect, it } from 'vitest';
import { edge, flow, node, sendNode, TEST_NOW } from '../../testing/flow-builders';
import { validateFlow } from '../validate';
import { copyNodes, pasteNodes, readClipboard } from './clipboard';
import { canConnect } from './connect';
import { addNode, addNodeAfter, insertOnEdge, removeElements } from './operations';

const filter = () => node('f', 'filter', { condition: { type: 'group', match: 'all', rules: [{ type: 'tag', operator: 'has', tag: 'vip' }] } });

describe('canConnect', () => {
  const doc = flow([filter(), sendNode('a'), sendNode('b')], [edge('trigger', 'f'), edge('f', 'a', 'match'), edge('a', 'b')]);

  it('refuses a second edge from a decision output, with the reason', () => {
    const r = canConnect(doc, { source: 'f', sourceHandle: 'match', target: 'b' });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('"Match" already leads somewhere') });
    expect(canConnect(doc, { source: 'f', sourceHandle: 'else', target: 'b' })).toEqual({ ok: true });
  });

  it('refuses loops, edges into the trigger and to itself', () => {
    expect(canConnect(doc, { source: 'b', sourceHandle: 'next', target: 'f' })).toMatchObject({ ok: false, reason: expect.stringContaining('loop') });
    expect(canConnect(doc, { source: 'a', sourceHandle: 'next', target: 'trigger' })).toMatchObject({ ok: false, reason: expect.stringContaining('entry trigger') });
    expect(canConnect(doc, { source: 'a', sourceHandle: 'next', target: 'a' })).toMatchObject({ ok: false });
  });

  it('allows fan-out from a "next" output', () => {
    expect(canConnect(doc, { source: 'trigger', sourceHandle: 'next', target: 'b' })).toEqual({ ok: true });
  });
});

describe('edit operations', () => {
  it('add after a node connects from its first free output', () => {
    const doc = flow([filter()], [edge('trigger', 'f'), edge('f', 'x', 'match')]);
    const r = addNodeAfter(doc, 'f', 'send', 's1', 'e-new');
    if (!r.ok) throw new Error(r.reason);
    expect(r.doc.edges.at(-1)).toEqual({ id: 'e-new', source: 'f', sourceHandle: 'else', target: 's1' });
    expect(r.selected).toEqual(['s1']);
  });

  it('insert on an edge splits it and moves the steps below down', () => {
    const doc = flow([{ ...sendNode('a'), position: { x: 0, y: 150 } }], [edge('trigger', 'a')]);
    const r = insertOnEdge(doc, 'trigger-next-a', 'wait', 'w', 'e2');
    if (!r.ok) throw new Error(r.reason);
    expect(r.doc.edges).toEqual([
      { id: 'trigger-next-a', source: 'trigger', sourceHandle: 'next', target: 'w' },
      { id: 'e2', source: 'w', sourceHandle: 'next', target: 'a' },
    ]);
    expect(r.doc.nodes.find((n) => n.id === 'a')!.position.y).toBe(300);
    expect(insertOnEdge(doc, 'trigger-next-a', 'end', 'x', 'y')).toMatchObject({ ok: false });
  });

  it('a second trigger and deleting the trigger are refused', () => {
    const doc = flow();
    expect(addNode(doc, 'trigger', 't2', { x: 0, y: 0 })).toMatchObject({ ok: false });
    expect(removeElements(doc, ['trigger'])).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be deleted') });
  });

  it('deleting a node takes its edges with it', () => {
    const doc = flow([sendNode('a'), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b')]);
    const r = removeElements(doc, ['a', 'trigger']);
    if (!r.ok) throw new Error(r.reason);
    expect(r.doc.nodes.map((n) => n.id)).toEqual(['trigger', 'b']);
    expect(r.doc.edges).toEqual([]);
  });
});

describe('copy and paste', () => {
  it('pastes with fresh ids, internal edges only, twice in a row, into another flow', () => {
    const source = flow([sendNode('a'), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b')]);
    const clip = readClipboard(JSON.stringify(copyNodes(source, ['trigger', 'a', 'b'])))!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(clip.edges).toHaveLength(1);
    let n = 0;
    const target = flow([sendNode('a')], [edge('trigger', 'a')]);
    const once = pasteNodes(target, clip, { x: 40, y: 40 }, (p) => `${p}-${++n}`);
    const twice = pasteNodes(once.doc, clip, { x: 80, y: 80 }, (p) => `${p}-${++n}`);
    expect(twice.doc.nodes).toHaveLength(6);
    expect(new Set(twice.doc.nodes.map((x) => x.id)).size).toBe(6);
    expect(validateFlow(twice.doc, { now: TEST_NOW }).filter((p) => p.code.startsWith('edge.') || p.code.includes('duplicate'))).toEqual([]);
    expect(twice.selected).toHaveLength(2);
  });

  it('ignores clipboard text that is not ours', () => {
    expect(readClipboard('hello')).toBeNull();
    expect(readClipboard('{"nodes": []}')).toBeNull();
  });
});

describe('duplicate', () => {
  it('duplicates the selection without the trigger, with fresh ids', async () => {
    const { duplicateNodes } = await import('./clipboard');
    const doc = flow([sendNode('a'), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b')]);
    let n = 0;
    const r = duplicateNodes(doc, ['trigger', 'a', 'b'], { x: 40, y: 40 }, (p) => `${p}-${++n}`);
    expect(r.doc.nodes).toHaveLength(5);
    expect(r.doc.edges).toHaveLength(3);
    expect(r.selected).toEqual(['send-1', 'send-2']);
    expect(duplicateNodes(doc, ['trigger'], { x: 0, y: 0 }, (p) => p)).toEqual({ doc, selected: [] });
  });
});
