import { campaignProblems } from './campaign-checks';
import type { FlowDocument } from './document';
import { graphProblems } from './graph-checks';
import { nodeDefinitions, nodeProblems, stepName } from './nodes';
import { sortProblems, type Problem } from './problems';

export interface ValidateOptions {
  /** "Now" for past-time checks; pass the clock in, so validation is repeatable. */
  now: Date;
}

/**
 * Every problem in a parsed flow at once: graph structure, each node's settings, the
 * campaign settings and the rules of its kind. Errors first.
 *
 * @example validateFlow(doc, { now: new Date() }).filter((p) => p.severity === 'error')
 */
export function validateFlow(doc: FlowDocument, opts: ValidateOptions): Problem[] {
  const out: Problem[] = [...graphProblems(doc), ...campaignProblems(doc, opts.now), ...kindProblems(doc)];
  doc.nodes.forEach((node, i) => {
    for (const p of nodeProblems(node, { campaign: doc.campaign, now: opts.now })) {
      out.push({ severity: p.severity, code: p.code, message: p.message, path: `$.nodes[${i}]${p.field ? `.${p.field}` : ''}`, nodeId: node.id, ...(p.field ? { field: p.field } : {}) });
    }
  });
  // Every problem about a step also names it for people (CLI lines, lists away from the canvas).
  const byId = new Map(doc.nodes.map((n) => [n.id, n] as const));
  for (const p of out) {
    const node = p.nodeId === undefined ? undefined : byId.get(p.nodeId);
    if (node && p.step === undefined) p.step = stepName(node);
  }
  return sortProblems(out);
}

/** Live-chat and one-off campaigns are a trigger, one message and optionally an end. */
function kindProblems(doc: FlowDocument): Problem[] {
  const kind = doc.campaign.kind;
  if (kind === 'workflow') return [];
  const out: Problem[] = [];
  const label = kind === 'live-chat' ? 'A live-chat campaign' : 'A one-off campaign';
  const sends = doc.nodes.filter((n) => n.type === 'send');
  doc.nodes.forEach((n, i) => {
    if (n.type !== 'trigger' && n.type !== 'send' && n.type !== 'end') {
      out.push({ severity: 'error', code: 'kind.node-not-allowed', message: `${label} sends one message; a ${nodeDefinitions[n.type].title} step needs a workflow campaign.`, path: `$.nodes[${i}]`, nodeId: n.id });
    }
    if (n.type === 'send') {
      const allowed = kind === 'live-chat' ? ['chat'] : ['sms', 'whatsapp', 'email', 'api'];
      if (n.data.channel && !allowed.includes(n.data.channel)) {
        out.push({ severity: 'error', code: 'kind.channel', message: `${label} sends by ${allowed.join(' or ')}, not ${n.data.channel}.`, path: `$.nodes[${i}].data.channel`, nodeId: n.id, field: 'data.channel' });
      }
    }
  });
  if (sends.length !== 1) {
    out.push({ severity: 'error', code: 'kind.one-message', message: `${label} has exactly one message; this one has ${sends.length}.`, path: '$.nodes' });
  }
  return out;
}
