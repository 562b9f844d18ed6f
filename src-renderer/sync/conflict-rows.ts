import { describeTrigger, type FlowDocument } from '../../src-shared/flow/index';
import { audienceLabels, stripMarker } from '../../src-shared/sync/index';

/** One line of the side-by-side comparison of a conflict. */
export interface ConflictRow {
  label: string;
  local: string;
  remote: string;
  differs: boolean;
}

function keyFields(doc: FlowDocument): [string, string][] {
  const c = doc.campaign;
  const send = doc.nodes.find((n) => n.type === 'send');
  const data = send?.type === 'send' ? send.data : undefined;
  const sender = data?.sender ?? c.channelDefaults.sender;
  const trigger = c.trigger;
  return [
    ['Name', c.name],
    ['Message', data?.body ?? '—'],
    ['Inbox', data?.inboxId ?? c.channelDefaults.inboxId ?? '—'],
    ['Sent by', !sender ? 'Inbox bot' : sender.type === 'agent' ? (sender.name ?? `agent ${sender.agentId}`) : (sender.name ?? 'Bot')],
    ['Shown on', trigger.type === 'page_visit' ? trigger.urlPattern : describeTrigger(trigger)],
    ...(trigger.type === 'page_visit' ? [['Time on page', `${trigger.secondsOnPage} s`] as [string, string]] : []),
    ...(c.kind === 'one-off' ? [['Audience', audienceLabels(doc).join(', ') || 'everyone'] as [string, string]] : []),
    ['Status', c.status],
    ['Description', stripMarker(c.description) || '—'],
    ['Steps', String(doc.nodes.length)],
  ];
}

/**
 * The fields a marketer recognises, local beside remote, each marked when they differ: what
 * the conflict dialog shows so the choice is made knowing what each side would lose.
 *
 * @example conflictRows(local, remote).filter((r) => r.differs).map((r) => r.label) // ['Message']
 */
export function conflictRows(local: FlowDocument, remote: FlowDocument | null): ConflictRow[] {
  const mine = keyFields(local);
  const theirs = remote ? new Map(keyFields(remote)) : new Map<string, string>();
  return mine.map(([label, value]) => {
    const other = remote ? (theirs.get(label) ?? '—') : 'Deleted';
    return { label, local: value, remote: other, differs: other !== value };
  });
}
