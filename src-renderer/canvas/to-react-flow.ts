import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { nodeDefinitions, type FlowDocument, type FlowEdge, type FlowNode, type NodeKind, type Problem } from '../../src-shared/flow/index';

/** Which way the flow reads; handles sit on the matching sides of the cards. */
export type FlowDirection = 'down' | 'right';

export type CanvasNodeData = {
  kind: NodeKind;
  title: string;
  label: string;
  summary: string;
  outputs: { id: string; label: string }[];
  direction: FlowDirection;
  errors: number;
  warnings: number;
  /** The first few problem messages, for the badge's tooltip. */
  problems?: string[];
};

export type CanvasNode = Node<CanvasNodeData, NodeKind>;

type Campaign = FlowDocument['campaign'];

// The registry is keyed by kind; a node's data always matches its own kind's definition.
function definitionOf(node: FlowNode) {
  return nodeDefinitions[node.type] as unknown as {
    title: string;
    outputs(data: unknown): { id: string; label: string }[];
    summary(data: unknown, campaign: Campaign): string;
  };
}

function describe(node: FlowNode, campaign: Campaign) {
  const definition = definitionOf(node);
  return { title: definition.title, outputs: definition.outputs(node.data), summary: definition.summary(node.data, campaign) };
}

/** Down when edges mostly travel down the page, right when they mostly travel across. */
export function flowDirection(doc: Pick<FlowDocument, 'nodes' | 'edges'>): FlowDirection {
  // Filled in a loop, not from [id, position] pairs: no array per node when a big flow opens.
  const at = new Map<string, FlowNode['position']>();
  for (const node of doc.nodes) at.set(node.id, node.position);
  let dx = 0;
  let dy = 0;
  for (const edge of doc.edges) {
    const from = at.get(edge.source);
    const to = at.get(edge.target);
    if (!from || !to) continue;
    dx += Math.abs(to.x - from.x);
    dy += Math.abs(to.y - from.y);
  }
  return dx > dy ? 'right' : 'down';
}

/**
 * Turns a flow document into React Flow's nodes and edges in one eager pass: every summary
 * worked out, nothing cached. No view draws from it any more (the editor's canvas uses
 * `createCanvasProjection`, the previews and the live view draw through that canvas); it is the
 * plain reference the projection's tests compare with. Edges are labelled with their output's
 * name unless it is the plain `next`.
 */
export function toReactFlow(doc: FlowDocument, problems: readonly Problem[] = []): { nodes: CanvasNode[]; edges: Edge[] } {
  const direction = flowDirection(doc);
  const outputsById = new Map<string, { id: string; label: string }[]>();
  const nodes = doc.nodes.map((node): CanvasNode => {
    const { title, outputs, summary } = describe(node, doc.campaign);
    outputsById.set(node.id, outputs);
    const own = problems.filter((problem) => problem.nodeId === node.id);
    return {
      id: node.id,
      type: node.type,
      position: node.position,
      data: {
        kind: node.type,
        title,
        label: node.data.label?.trim() || title,
        summary,
        outputs,
        direction,
        errors: own.filter((problem) => problem.severity === 'error').length,
        warnings: own.filter((problem) => problem.severity === 'warning').length,
      },
    };
  });
  const edges = doc.edges.map((edge) => toCanvasEdge(edge, outputsById.get(edge.source)));
  return { nodes, edges };
}

/** One array for every edge's label padding (React Flow only reads it). */
const LABEL_PADDING: [number, number] = [6, 3];

function toCanvasEdge(edge: FlowEdge, outputs: { id: string; label: string }[] | undefined, selected = false): Edge {
  const handle = edge.sourceHandle || 'next';
  const label = handle === 'next' ? undefined : (outputs?.find((output) => output.id === handle)?.label ?? handle);
  return {
    id: edge.id,
    source: edge.source,
    // A step with one output has one source handle, which React Flow takes when an edge names
    // none. Naming it anyway costs React Flow a lookup entry per edge, rebuilt whenever the
    // edges change: most edges of a big flow leave such a step.
    sourceHandle: outputs?.length === 1 && outputs[0]!.id === handle ? null : handle,
    target: edge.target,
    // Routed around the cards, label off them (routed-edge.tsx); the read-only views fall back to smooth-step.
    type: 'routed',
    label,
    labelBgPadding: LABEL_PADDING,
    labelBgBorderRadius: 4,
    className: `edge--${handle}`,
    interactionWidth: 24,
    selected,
  };
}

/** The node card's size in CSS pixels (see canvas.css), before React Flow measures it. */
export const CARD_SIZE = { width: 212, height: 75, outputs: 14 } as const;
/** A handle's size and the card's border (canvas.css): handles sit centred on the border's inner edge. */
const HANDLE = 9;
const BORDER = 1;

/**
 * Where the card's handles are (node-card.tsx, canvas.css), worked out from its size. React Flow
 * otherwise draws every node once to measure them, even with only the visible ones drawn after:
 * 5,000 cards mounted when a big flow opens.
 */
export function cardHandles(outputs: readonly { id: string }[], direction: FlowDirection, hasInput: boolean, size: { width: number; height: number }): NodeHandle[] {
  const inner = { width: size.width - 2 * BORDER, height: size.height - 2 * BORDER };
  const at = (cx: number, cy: number) => ({ x: cx - HANDLE / 2, y: cy - HANDLE / 2, width: HANDLE, height: HANDLE });
  const down = direction === 'down';
  const handles: NodeHandle[] = [];
  if (hasInput) handles.push({ id: null, type: 'target', position: down ? Position.Top : Position.Left, ...(down ? at(BORDER + inner.width / 2, BORDER) : at(BORDER, BORDER + inner.height / 2)) });
  outputs.forEach((output, index) => {
    const share = (index + 1) / (outputs.length + 1);
    const centre = down ? at(BORDER + share * inner.width, size.height - BORDER) : at(size.width - BORDER, BORDER + share * inner.height);
    handles.push({ id: output.id, type: 'source', position: down ? Position.Bottom : Position.Right, ...centre });
  });
  return handles;
}

export interface ProjectionInput {
  doc: FlowDocument;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  problems: ReadonlyMap<string, ProblemSummary>;
  direction: FlowDirection;
  /** Sizes React Flow measured; a controlled flow must hand them back with its nodes. */
  measured: ReadonlyMap<string, { width: number; height: number }>;
}

type ProblemSummary = { errors: number; warnings: number; messages: string[] };
/** Shared by every node without problems (most of them). */
const noMessages: string[] = [];

/**
 * A card's data in the editor. Its summary is worked out when a card first shows it: a big flow
 * opens with a dozen of its thousands of steps drawn, and the others' summaries may never be
 * read. A class, with that getter on its prototype, rather than an object literal with a getter:
 * V8 defines a literal's getter on every object it makes, about 2 µs each against under 1 µs for
 * a class instance (measured in Node), and a 5,000-step flow makes 5,000 as it opens.
 */
class CardData implements CanvasNodeData {
  readonly kind: NodeKind;
  readonly title: string;
  readonly label: string;
  readonly errors: number;
  readonly warnings: number;
  readonly problems: string[];
  private cachedSummary: string | undefined;
  private readonly node: FlowNode;
  private readonly definition: ReturnType<typeof definitionOf>;
  private readonly campaign: Campaign;

  constructor(
    node: FlowNode,
    definition: ReturnType<typeof definitionOf>,
    campaign: Campaign,
    readonly outputs: { id: string; label: string }[],
    readonly direction: FlowDirection,
    own: ProblemSummary | undefined,
    summary: string | undefined,
  ) {
    this.kind = node.type;
    this.title = definition.title;
    this.label = node.data.label?.trim() || this.title;
    this.errors = own?.errors ?? 0;
    this.warnings = own?.warnings ?? 0;
    this.problems = own?.messages ?? noMessages;
    this.cachedSummary = summary;
    this.node = node;
    this.definition = definition;
    this.campaign = campaign;
  }

  get summary(): string {
    return (this.cachedSummary ??= this.definition.summary(this.node.data, this.campaign));
  }
}

/** What a canvas node is made from besides its document node; compared field by field (no key strings: this runs for every node). */
interface NodeKey {
  selected: boolean;
  own: ProblemSummary | undefined;
  direction: FlowDirection;
  size: { width: number; height: number } | undefined;
  triggerSummary: string;
}

const sameProblems = (a: ProblemSummary | undefined, b: ProblemSummary | undefined) =>
  a === b || (!!a && !!b && a.errors === b.errors && a.warnings === b.warnings && a.messages.length === b.messages.length && a.messages.every((m, i) => m === b.messages[i]));
const sameSize = (a: NodeKey['size'], b: NodeKey['size']) => a === b || (!!a && !!b && a.width === b.width && a.height === b.height);
/** Whether two keys give the same card, selected or not. */
const sameCard = (a: NodeKey, b: NodeKey) => a.direction === b.direction && a.triggerSummary === b.triggerSummary && sameSize(a.size, b.size) && sameProblems(a.own, b.own);

/**
 * The editor's document-to-canvas mapping, with a cache: a node or edge whose inputs did not
 * change keeps its object, so React Flow skips it. Dragging one node of 1,000 rebuilds one, and
 * the edges array stays the same.
 */
export function createCanvasProjection() {
  const nodeCache = new WeakMap<FlowNode, { key: NodeKey; out: CanvasNode; outputs: { id: string; label: string }[] }>();
  const edgeCache = new WeakMap<FlowEdge, { selected: boolean; label: string; out: Edge }>();
  let lastEdges: Edge[] = [];
  // Cards of the same size, direction and outputs have the same handles: one array for all of
  // them (React Flow only reads it), instead of a few objects per node on every rebuild.
  const handleSets = new Map<string, NodeHandle[]>();
  const handlesFor = (outputs: readonly { id: string }[], hasInput: boolean, size: { width: number; height: number }, direction: FlowDirection) => {
    let key = `${direction} ${hasInput ? 1 : 0} ${size.width} ${size.height}`;
    for (const output of outputs) key += ` ${output.id}`;
    let handles = handleSets.get(key);
    if (!handles) handleSets.set(key, (handles = cardHandles(outputs, direction, hasInput, size)));
    return handles;
  };

  return function project(input: ProjectionInput): { nodes: CanvasNode[]; edges: Edge[] } {
    const { doc, selectedNodes, selectedEdges, problems, direction, measured } = input;
    const outputsById = new Map<string, { id: string; label: string }[]>();
    const nodes = doc.nodes.map((node): CanvasNode => {
      const selected = selectedNodes.has(node.id);
      const own = problems.get(node.id);
      const size = measured.get(node.id);
      // The trigger's summary reads the campaign, so it is part of the key (and worked out now).
      const triggerSummary = node.type === 'trigger' ? definitionOf(node).summary(node.data, doc.campaign) : '';
      const key: NodeKey = { selected, own, direction, size, triggerSummary };
      const cached = nodeCache.get(node);
      if (cached && sameCard(cached.key, key)) {
        outputsById.set(node.id, cached.outputs);
        if (cached.key.selected === selected) return cached.out;
        // Only selected or not: the same card data and handles (select all, then Escape, on
        // 5,000 steps made every card's data, outputs and handle key again).
        const out: CanvasNode = { ...cached.out, selected };
        nodeCache.set(node, { key, out, outputs: cached.outputs });
        return out;
      }
      const definition = definitionOf(node);
      const outputs = definition.outputs(node.data);
      outputsById.set(node.id, outputs);
      const labelled = outputs.length > 1 || outputs.some((output) => output.id !== 'next');
      // Cards have a fixed width and height (canvas.css): starting from that size and its
      // handles lets React Flow draw only the nodes in view from the first frame, instead of
      // all of them to measure them; a node whose real size differs reports it and is corrected.
      const measuredSize = size ?? { width: CARD_SIZE.width, height: CARD_SIZE.height + (labelled && direction === 'down' ? CARD_SIZE.outputs : 0) };
      const out: CanvasNode = {
        id: node.id,
        type: node.type,
        position: node.position,
        selected,
        measured: measuredSize,
        handles: handlesFor(outputs, node.type !== 'trigger', measuredSize, direction),
        data: new CardData(node, definition, doc.campaign, outputs, direction, own, node.type === 'trigger' ? triggerSummary : undefined),
      };
      nodeCache.set(node, { key, out, outputs });
      return out;
    });
    const edges = doc.edges.map((edge) => {
      const selected = selectedEdges.has(edge.id);
      const outputs = outputsById.get(edge.source);
      const label = outputs?.find((output) => output.id === edge.sourceHandle)?.label ?? '';
      const cached = edgeCache.get(edge);
      if (cached && cached.selected === selected && cached.label === label) return cached.out;
      const out = toCanvasEdge(edge, outputs, selected);
      edgeCache.set(edge, { selected, label, out });
      return out;
    });
    // A drag moves nodes only: the same edges keep the same array, or React Flow would re-index
    // all of them (and redraw their markers) on every mouse move.
    if (edges.length !== lastEdges.length || edges.some((e, i) => e !== lastEdges[i])) lastEdges = edges;
    return { nodes, edges: lastEdges };
  };
}
