import { nodeDefinitions, type FlowDocument } from '../../src-shared/flow/index';

export interface FlowLabels {
  node(id: string): string;
  kind(id: string): FlowDocument['nodes'][number]['type'] | 'end';
  exit(id: string): string;
}

const kept = new WeakMap<FlowDocument, FlowLabels>();

/**
 * Node and exit names for explanations, from the flow a run used: an unnamed step by its kind's
 * title ("End"), never its id. Kept per document: the panels ask on every slider move.
 */
export function flowLabels(doc: FlowDocument): FlowLabels {
  let labels = kept.get(doc);
  if (!labels) kept.set(doc, (labels = labelsOf(doc)));
  return labels;
}

function labelsOf(doc: FlowDocument): FlowLabels {
  const nodes = new Map(doc.nodes.map((n) => [n.id, { label: n.data.label?.trim() || nodeDefinitions[n.type].title, kind: n.type }]));
  const exits = new Map(doc.campaign.globalExits.map((x) => [x.id, x.name]));
  return {
    node: (id: string) => (id ? (nodes.get(id)?.label ?? id) : 'Journey'),
    kind: (id: string) => nodes.get(id)?.kind ?? 'end',
    exit: (id: string) => exits.get(id) ?? id,
  };
}
