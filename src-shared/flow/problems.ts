/** How bad a problem is: errors block publishing, warnings and infos do not. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One validation or import problem. `path` is always a JSON path into the document
 * (`$.nodes[3].data.body`); problems about a node also name it and the field within it.
 */
export interface Problem {
  severity: Severity;
  /** Stable machine code, e.g. `graph.cycle`; safe to match on in tools and tests. */
  code: string;
  /** A sentence a marketer understands. */
  message: string;
  path: string;
  /** The step's id, for tools, `--json` output and tooltips; human texts use `step`. */
  nodeId?: string;
  /** How a person reads the step this is about: `"Welcome" (Send message)` (see `stepName`). */
  step?: string;
  edgeId?: string;
  /** Field within the node, e.g. `data.body`. */
  field?: string;
}

/** A problem a node kind reports about itself; the validator adds where it is. */
export interface NodeProblem {
  severity: Severity;
  code: string;
  message: string;
  /** Relative to the node, e.g. `data.duration.amount`. */
  field?: string;
}

/** Turns a path of keys into `$.a[0].b`; keys that are not identifiers are quoted. */
export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Errors first, then by path, so reports read top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return problems.sort((a, b) => rank[a.severity] - rank[b.severity] || a.path.localeCompare(b.path, 'en', { numeric: true }));
}
