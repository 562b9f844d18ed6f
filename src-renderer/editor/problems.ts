import { validateFlow, type FlowDocument, type Problem } from '../../src-shared/flow/index';
import { plural } from '../ui/format';

/** What the canvas shows on a node: how many errors and warnings, and the first messages. */
export interface NodeProblemSummary {
  errors: number;
  warnings: number;
  messages: string[];
}

/** Same steps, data, edges and campaign: only positions may differ, which validation ignores. */
function sameContent(a: FlowDocument, b: FlowDocument): boolean {
  if (a.campaign !== b.campaign || a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!;
    const y = b.nodes[i]!;
    if (x !== y && (x.data !== y.data || x.id !== y.id || x.type !== y.type)) return false;
  }
  return true;
}

/**
 * Validation for an editor: re-runs only when something other than positions changed, so a
 * drag of a 1,000-node flow does not validate it on every frame.
 */
export function createProblemsCache(now: () => Date = () => new Date()): (doc: FlowDocument) => Problem[] {
  let last: { doc: FlowDocument; problems: Problem[] } | null = null;
  return (doc) => {
    if (last && (last.doc === doc || sameContent(last.doc, doc))) {
      last = { doc, problems: last.problems };
      return last.problems;
    }
    last = { doc, problems: validateFlow(doc, { now: now() }) };
    return last.problems;
  };
}

/** Problems grouped by the node they are about. */
export function summariseByNode(problems: readonly Problem[]): Map<string, NodeProblemSummary> {
  const out = new Map<string, NodeProblemSummary>();
  for (const p of problems) {
    if (!p.nodeId || p.severity === 'info') continue;
    const entry = out.get(p.nodeId) ?? { errors: 0, warnings: 0, messages: [] };
    if (p.severity === 'error') entry.errors++;
    else entry.warnings++;
    if (entry.messages.length < 3) entry.messages.push(p.message);
    out.set(p.nodeId, entry);
  }
  return out;
}

/**
 * Problems shown under one form field: those whose field is `field` or lies inside it, but
 * not those owned by a nested editor (`except`, e.g. the rules of a condition).
 */
export function problemsAt(problems: readonly Problem[], owner: { nodeId?: string; pathPrefix?: string }, field: string, exact = false): Problem[] {
  return problems.filter((p) => {
    const at = owner.nodeId !== undefined ? (p.nodeId === owner.nodeId ? p.field : undefined) : campaignField(p, owner.pathPrefix ?? '$.campaign');
    if (at === undefined) return false;
    return exact ? at === field : at === field || at.startsWith(`${field}.`) || at.startsWith(`${field}[`);
  });
}

function campaignField(p: Problem, prefix: string): string | undefined {
  if (p.nodeId || !p.path.startsWith(prefix)) return undefined;
  const rest = p.path.slice(prefix.length);
  return rest.startsWith('.') ? rest.slice(1) : rest;
}

/** "2 errors · 1 warning": only the severities present. */
export function describeCounts(problems: readonly Problem[]): string {
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  const parts: [number, string][] = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'note'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => plural(n, word))
    .join(' · ');
}

export type ProblemTone = 'ok' | 'error' | 'warning' | 'info';

/**
 * What the editor's problems button says. Errors and warnings are problems; notes alone are
 * not ("1 note", in a calm tone), so a flow with only a hint does not look broken.
 */
export function problemSummary(problems: readonly Problem[]): { text: string; tone: ProblemTone } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (errors + warnings > 0) return { text: plural(errors + warnings, 'problem'), tone: errors > 0 ? 'error' : 'warning' };
  if (problems.length > 0) return { text: plural(problems.length, 'note'), tone: 'info' };
  return { text: 'No problems', tone: 'ok' };
}
