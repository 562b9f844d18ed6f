import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FlowDocument, FlowEdge, FlowNode, NodeKind, NodeData } from '../flow';
import { createEmptyFlow, defaultData, importFlowJson } from '../flow';

/** A fixed "now" for tests: past-time checks must not depend on the day the suite runs. */
export const TEST_NOW = new Date('2026-11-21T12:00:00Z');

/** A node of a kind with default data, overridable. */
export function node<K extends NodeKind>(id: string, type: K, data: Partial<NodeData<K>> = {}): FlowNode {
  return { id, type, position: { x: 0, y: 0 }, data: { ...defaultData(type), ...data } } as FlowNode;
}

export function edge(source: string, target: string, sourceHandle = 'next'): FlowEdge {
  return { id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target };
}

/** A workflow with a valid trigger and the given nodes and edges (trigger id: "trigger"). */
export function flow(nodes: FlowNode[] = [], edges: FlowEdge[] = [], campaign: Partial<FlowDocument['campaign']> = {}): FlowDocument {
  const doc = createEmptyFlow({ name: 'Test flow', id: 'test-flow', now: TEST_NOW });
  doc.campaign = { ...doc.campaign, trigger: { type: 'event', event: 'user.signed_up', properties: [] }, ...campaign };
  doc.nodes.push(...nodes);
  doc.edges.push(...edges);
  return doc;
}

/** A send node that is valid on its own. */
export function sendNode(id: string, body = 'Hello {{ contact.name }}'): FlowNode {
  return node(id, 'send', { channel: 'chat', body });
}

const examplesDir = fileURLToPath(new URL('../../resources/examples/', import.meta.url));

/** The shipped example files: name and text. */
export function exampleFiles(): { name: string; text: string }[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(examplesDir + name, 'utf8') }));
}

/** A shipped example, parsed. Throws if it does not import. */
export function example(name: string): FlowDocument {
  const file = exampleFiles().find((f) => f.name === `${name}.json`);
  if (!file) throw new Error(`no example ${name}`);
  const r = importFlowJson(file.text, { now: TEST_NOW });
  if (!r.ok) throw new Error(`example ${name} does not import: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.document;
}
