import type { FlowDocument } from '../flow/document';
import { nodeDefinitions } from '../flow/nodes';
import type { Problem } from '../flow/problems';
import { syncError, type FieldError, type SyncError } from './sync-error';
import { validateFlow } from '../flow/validate';

/** One problem as a marketer reads it before publishing: the step (by label), the field, what is wrong. */
export interface PublishIssue {
  /** `"Welcome SMS" (Send message)`, `Campaign settings`, `The flow`. */
  where: string;
  /** `body`, `timeout`; absent for a problem about the whole step. */
  field?: string;
  message: string;
  /** JSON path and node id, for tools and for jumping to the step; never shown as text. */
  path: string;
  nodeId?: string;
}

export type PublishCheck = { ok: true; warnings: PublishIssue[] } | { ok: false; errors: PublishIssue[]; warnings: PublishIssue[] };

/**
 * The one publishing rule, for the app, the host and the CLI on every backend: a flow with
 * errors is never published (the errors are listed by step label and field); warnings do not
 * block, but the caller shows them first (the app asks once, the CLI prints them).
 *
 * @example
 * const check = publishCheck(doc, new Date());
 * if (!check.ok) return refuse(describePublishIssues(check.errors));
 */
export function publishCheck(doc: FlowDocument, now: Date): PublishCheck {
  const problems = validateFlow(doc, { now });
  const issues = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).map((p) => publishIssue(doc, p));
  const errors = issues('error');
  const warnings = issues('warning');
  return errors.length ? { ok: false, errors, warnings } : { ok: true, warnings };
}

/** Where a problem is, in the words of the editor: the step's label (or its kind's title) and the field. */
export function publishIssue(doc: FlowDocument, p: Problem): PublishIssue {
  const node = p.nodeId ? doc.nodes.find((n) => n.id === p.nodeId) : undefined;
  const base = { message: p.message, path: p.path, ...(p.nodeId ? { nodeId: p.nodeId } : {}) };
  if (node) {
    const title = nodeDefinitions[node.type].title;
    const label = node.data.label?.trim();
    const field = p.field ? fieldName(p.field) : undefined;
    return { ...base, where: label ? `"${label}" (${title})` : title, ...(field ? { field } : {}) };
  }
  const campaignField = /^\$\.campaign\.(.+)$/.exec(p.path)?.[1];
  if (campaignField) return { ...base, where: 'Campaign settings', field: fieldName(campaignField) };
  return { ...base, where: p.path.startsWith('$.campaign') ? 'Campaign settings' : 'The flow' };
}

/** `data.duration.amount` → `duration amount`; `data.timeoutSeconds` → `timeout seconds`. */
function fieldName(field: string): string {
  return field
    .replace(/^data\./, '')
    .replace(/\[\d+\]/g, '')
    .split('.')
    .map((s) => s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ');
}

/** One line per issue: `"Welcome SMS" (Send message) · body: Write the message…`. */
export function describePublishIssues(issues: readonly PublishIssue[]): string {
  return issues.map((i) => `${i.where}${i.field ? ` · ${i.field}` : ''}: ${i.message}`).join('\n');
}

/** The refusal message for a flow with errors, counting them. */
export function publishRefusal(errors: readonly PublishIssue[]): string {
  return `Not published: the flow has ${errors.length === 1 ? '1 error' : `${errors.length} errors`}. Fix ${errors.length === 1 ? 'it' : 'them'} first:\n${describePublishIssues(errors)}`;
}

/** The sync error an adapter or the engine answers for a flow with errors: each one placed on its step. */
export function publishRefusalError(errors: readonly PublishIssue[]): SyncError {
  const fields: FieldError[] = errors.map((i) => ({ attribute: i.field ?? '', message: i.message, path: i.path, label: `${i.where}${i.field ? ` · ${i.field}` : ''}`, ...(i.nodeId ? { nodeId: i.nodeId } : {}) }));
  return syncError('validation', `Not published: the flow has ${errors.length === 1 ? '1 error' : `${errors.length} errors`}. Fix ${errors.length === 1 ? 'it' : 'them'} first.`, { fields });
}
