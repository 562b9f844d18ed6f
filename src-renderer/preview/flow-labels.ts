import { nodeDefinitions, type FlowDocument } from '../../src-shared/flow/index';

/** Node and exit names for explanations, from the flow a run used: an unnamed step by its kind's title ("End"), never its id. */
export function flowLabels(doc: FlowDocument) {
  const nodes = new Map(doc.nodes.map((n) => [n.id, { label: n.data.label?.trim() || nodeDefinitions[n.type].title, kind: n.type }]));
  const exits = new Map(doc.campaign.globalExits.map((x) => [x.id, x.name]));
  return {
    node: (id: string) => (id ? (nodes.get(id)?.label ?? id) : 'Journey'),
    kind: (id: string) => nodes.get(id)?.kind ?? 'end',
    exit: (id: string) => exits.get(id) ?? id,
  };
}
