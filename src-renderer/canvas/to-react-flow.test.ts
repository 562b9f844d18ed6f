import { describe, expect, it } from 'vitest';
import { createEmptyFlow, exportFlowJson, importFlowJson, nodeDefinitions, type FlowDocument } from '../../src-shared/flow/index';
import { flowDirection, toReactFlow, type CanvasNodeData } from './to-react-flow';

/** Trigger -> filter -(else)-> end, built through the importer so defaults are filled in. */
function flowWithFilter(): FlowDocument {
  const base = JSON.parse(exportFlowJson(createEmptyFlow({ name: 'Test', kind: 'workflow' })));
  base.nodes.push({ id: 'f1', type: 'filter', position: { x: 0, y: 200 }, data: { ...nodeDefinitions.filter.defaults(), label: 'VIPs?' } });
  base.nodes.push({ id: 'e1', type: 'end', position: { x: 0, y: 400 }, data: {} });
  base.edges = [
    { id: 'a', source: base.nodes[0].id, sourceHandle: 'next', target: 'f1' },
    { id: 'b', source: 'f1', sourceHandle: 'else', target: 'e1' },
  ];
  const imported = importFlowJson(JSON.stringify(base));
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  return imported.document;
}

describe('toReactFlow', () => {
  it('makes one canvas node per document node, typed by kind', () => {
    const { nodes } = toReactFlow(flowWithFilter());
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      [nodes[0]?.id, 'trigger'],
      ['f1', 'filter'],
      ['e1', 'end'],
    ]);
  });

  it('uses the label when given, else the kind title', () => {
    const { nodes } = toReactFlow(flowWithFilter());
    expect(nodes[1]?.data.label).toBe('VIPs?');
    expect(nodes[2]?.data.label).toBe(nodes[2]?.data.title);
  });

  it('labels edges by output except the plain next', () => {
    const { edges } = toReactFlow(flowWithFilter());
    expect(edges[0]?.label).toBeUndefined();
    expect(edges[1]?.label).toBeTruthy();
    expect(edges[1]?.sourceHandle).toBe('else');
  });

  it("names the source handle only when the step has more than one (React Flow takes a step's only one)", () => {
    const { edges } = toReactFlow(flowWithFilter());
    expect(edges[0]?.sourceHandle).toBeNull();
    expect(edges[0]?.className).toBe('edge--next');
    expect(edges.map((e) => e.sourceHandle)).toEqual([null, 'else']);
  });

  it('counts problems on their nodes', () => {
    const { nodes } = toReactFlow(flowWithFilter(), [
      { severity: 'error', code: 'x', message: 'bad', path: '$.nodes[1]', nodeId: 'f1' },
      { severity: 'warning', code: 'y', message: 'meh', path: '$.nodes[1]', nodeId: 'f1' },
    ]);
    expect(nodes[1]?.data).toMatchObject({ errors: 1, warnings: 1 });
    expect(nodes[0]?.data).toMatchObject({ errors: 0, warnings: 0 });
  });
});

describe('flowDirection', () => {
  it('reads the layout from where edges go', () => {
    expect(flowDirection(flowWithFilter())).toBe('down');
    const across = flowWithFilter();
    across.nodes.forEach((node, index) => (node.position = { x: index * 300, y: 0 }));
    expect(flowDirection(across)).toBe('right');
  });
});

describe('createCanvasProjection', () => {
  const input = (doc: FlowDocument, selected: string[] = []) => ({
    doc,
    selectedNodes: new Set(selected),
    selectedEdges: new Set<string>(),
    problems: new Map(),
    direction: 'down' as const,
    measured: new Map([['f1', { width: 212, height: 80 }]]),
  });

  it('gives cards of the same size and outputs one handles array, the one cardHandles works out', async () => {
    const { cardHandles, createCanvasProjection } = await import('./to-react-flow');
    const { generateFlow } = await import('../../src-shared/flow/index');
    const doc = generateFlow({ nodes: 60, seed: 7 });
    const { nodes } = createCanvasProjection()({ ...input(doc), measured: new Map() });
    for (const node of nodes) expect(node.handles).toEqual(cardHandles(node.data.outputs, 'down', node.type !== 'trigger', node.measured as { width: number; height: number }));
    const sends = nodes.filter((node) => node.type === 'send');
    expect(sends.length).toBeGreaterThan(1);
    expect(new Set(sends.map((node) => node.handles)).size).toBe(1);
  });

  it('works out a card summary only when it is read, and gives the one toReactFlow gives', async () => {
    const { createCanvasProjection } = await import('./to-react-flow');
    const { generateFlow } = await import('../../src-shared/flow/index');
    const doc = generateFlow({ nodes: 200, seed: 3 });
    const send = nodeDefinitions.send as unknown as { summary: (...args: unknown[]) => string };
    const original = send.summary;
    let calls = 0;
    send.summary = (...args) => {
      calls++;
      return original(...args);
    };
    try {
      const { nodes } = createCanvasProjection()({ ...input(doc), measured: new Map() });
      expect(calls).toBe(0);
      const sends = nodes.filter((node) => node.type === 'send');
      const eager = toReactFlow(doc).nodes;
      calls = 0;
      for (const node of sends) expect(node.data.summary).toBe(eager.find((n) => n.id === node.id)!.data.summary);
      expect(calls).toBe(sends.length);
      // Read again: kept, not worked out twice.
      for (const node of sends) void node.data.summary;
      expect(calls).toBe(sends.length);
    } finally {
      send.summary = original;
    }
  });

  it("gives each card the data toReactFlow gives, problems included", async () => {
    const { createCanvasProjection } = await import('./to-react-flow');
    const { generateFlow } = await import('../../src-shared/flow/index');
    const doc = generateFlow({ nodes: 80, seed: 5 });
    const flagged = doc.nodes[3]!.id;
    const problems = new Map([[flagged, { errors: 2, warnings: 1, messages: ['No channel', 'Empty body'] }]]);
    const { nodes } = createCanvasProjection()({ ...input(doc), problems, measured: new Map() });
    const eager = toReactFlow(doc, [
      { severity: 'error', code: 'a', message: 'No channel', path: '$', nodeId: flagged },
      { severity: 'error', code: 'b', message: 'Empty body', path: '$', nodeId: flagged },
      { severity: 'warning', code: 'c', message: 'Long', path: '$', nodeId: flagged },
    ]).nodes;
    const fields = (d: CanvasNodeData) => ({ kind: d.kind, title: d.title, label: d.label, summary: d.summary, outputs: d.outputs, direction: d.direction, errors: d.errors, warnings: d.warnings });
    expect(nodes.map((n) => fields(n.data))).toEqual(eager.map((n) => fields(n.data)));
    expect(nodes.find((n) => n.id === flagged)?.data.problems).toEqual(['No channel', 'Empty body']);
    expect(nodes.find((n) => n.id !== flagged)?.data.problems).toEqual([]);
  });

  it('keeps unchanged nodes and edges as the same objects', async () => {
    const { createCanvasProjection } = await import('./to-react-flow');
    const { moveNodes } = await import('../../src-shared/flow/index');
    const project = createCanvasProjection();
    const doc = flowWithFilter();
    const first = project(input(doc));
    expect(first.nodes[1]?.measured).toEqual({ width: 212, height: 80 });
    const moved = project(input(moveNodes(doc, new Map([['e1', { x: 9, y: 9 }]]))));
    expect(moved.nodes[0]).toBe(first.nodes[0]);
    expect(moved.nodes[1]).toBe(first.nodes[1]);
    expect(moved.nodes[2]).not.toBe(first.nodes[2]);
    expect(moved.nodes[2]?.position).toEqual({ x: 9, y: 9 });
    expect(moved.edges[0]).toBe(first.edges[0]);
    // Moving nodes changes no edge: React Flow gets the same array and re-indexes nothing.
    expect(moved.edges).toBe(first.edges);
    const selected = project(input(doc, ['f1']));
    expect(selected.nodes[1]?.selected).toBe(true);
    expect(selected.nodes[0]).toBe(first.nodes[0]);
    expect(selected.edges).toBe(first.edges);
    const edgeSelected = project({ ...input(doc), selectedEdges: new Set([doc.edges[0]!.id]) });
    expect(edgeSelected.edges).not.toBe(first.edges);
    expect(edgeSelected.edges[0]?.selected).toBe(true);
  });

  it('selects and deselects a card without making its data or handles again', async () => {
    const { createCanvasProjection } = await import('./to-react-flow');
    const project = createCanvasProjection();
    const doc = flowWithFilter();
    const first = project(input(doc));
    const selected = project(input(doc, ['f1']));
    expect(selected.nodes[1]).not.toBe(first.nodes[1]);
    expect(selected.nodes[1]).toEqual({ ...first.nodes[1], selected: true });
    expect(selected.nodes[1]?.data).toBe(first.nodes[1]?.data);
    expect(selected.nodes[1]?.handles).toBe(first.nodes[1]?.handles);
    const again = project(input(doc));
    expect(again.nodes[1]?.selected).toBe(false);
    expect(again.nodes[1]?.data).toBe(first.nodes[1]?.data);
    // Anything else that changes the card still makes it again.
    const other = project({ ...input(doc, ['f1']), direction: 'right' });
    expect(other.nodes[1]?.data).not.toBe(first.nodes[1]?.data);
    expect(other.nodes[1]?.selected).toBe(true);
  });
});

describe('card handles', () => {
  it('sit where the card draws them: the input centred on top, outputs spread along the bottom (or the sides across)', async () => {
    const { cardHandles } = await import('./to-react-flow');
    const centre = (h: { x: number; y: number; width?: number; height?: number }) => [h.x + h.width! / 2, h.y + h.height! / 2];
    const down = cardHandles([{ id: 'yes' }, { id: 'no' }], 'down', true, { width: 212, height: 89 });
    expect(down.map((h) => [h.type, h.id, ...centre(h)])).toEqual([
      ['target', null, 106, 1],
      ['source', 'yes', 71, 88],
      ['source', 'no', 141, 88],
    ]);
    const across = cardHandles([{ id: 'next' }], 'right', false, { width: 212, height: 75 });
    expect(across.map((h) => [h.type, h.position, ...centre(h)])).toEqual([['source', 'right', 211, 37.5]]);
  });
});
