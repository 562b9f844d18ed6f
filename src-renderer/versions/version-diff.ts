import type { FlowDocument } from '../../src-shared/flow/index';

/** One line of what restoring a version would change, in words a marketer reads. */
export interface VersionChange {
  kind: 'added' | 'removed' | 'changed' | 'settings';
  text: string;
}

const labelOf = (n: FlowDocument['nodes'][number]) => n.data.label?.trim() || n.type;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the flow would look like after restoring `version` over `current`: steps that come back,
 * steps that go, steps whose settings differ, connections and campaign settings. Positions are
 * not changes anyone reads, so moving a step is not listed.
 *
 * @example versionChanges(editor.doc, version.document) // [{ kind: 'removed', text: 'Removes “Reminder” (send)' }]
 */
export function versionChanges(current: FlowDocument, version: FlowDocument): VersionChange[] {
  const out: VersionChange[] = [];
  const now = new Map(current.nodes.map((n) => [n.id, n]));
  const then = new Map(version.nodes.map((n) => [n.id, n]));
  if (current.campaign.name !== version.campaign.name) out.push({ kind: 'settings', text: `Name: “${current.campaign.name}” → “${version.campaign.name}”` });
  const { name: _a, id: _b, ...restNow } = current.campaign;
  const { name: _c, id: _d, ...restThen } = version.campaign;
  const settings = Object.keys({ ...restNow, ...restThen }).filter((k) => !same(restNow[k as keyof typeof restNow], restThen[k as keyof typeof restThen]));
  if (settings.length) out.push({ kind: 'settings', text: `Campaign settings differ: ${settings.join(', ')}` });
  for (const n of version.nodes) if (!now.has(n.id)) out.push({ kind: 'added', text: `Brings back “${labelOf(n)}” (${n.type})` });
  for (const n of current.nodes) if (!then.has(n.id)) out.push({ kind: 'removed', text: `Removes “${labelOf(n)}” (${n.type})` });
  for (const n of version.nodes) {
    const c = now.get(n.id);
    if (!c) continue;
    if (labelOf(c) !== labelOf(n)) out.push({ kind: 'changed', text: `Renames “${labelOf(c)}” to “${labelOf(n)}”` });
    const { label: _l1, ...dataNow } = c.data as Record<string, unknown>;
    const { label: _l2, ...dataThen } = n.data as Record<string, unknown>;
    const fields = Object.keys({ ...dataNow, ...dataThen }).filter((k) => !same(dataNow[k], dataThen[k]));
    if (fields.length) out.push({ kind: 'changed', text: `“${labelOf(n)}”: ${fields.join(', ')} differ` });
  }
  const edgeKey = (e: FlowDocument['edges'][number]) => `${e.source}|${e.sourceHandle || 'next'}|${e.target}`;
  const edgesNow = new Set(current.edges.map(edgeKey));
  const edgesThen = new Set(version.edges.map(edgeKey));
  const gained = [...edgesThen].filter((k) => !edgesNow.has(k)).length;
  const lost = [...edgesNow].filter((k) => !edgesThen.has(k)).length;
  if (gained || lost) out.push({ kind: 'changed', text: `Connections: ${gained} back, ${lost} removed` });
  return out;
}
