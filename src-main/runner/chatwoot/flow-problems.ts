import { findAgent, findInbox } from '../../../src-shared/sync/chatwoot/directory';
import type { FlowDocument } from '../../../src-shared/flow/document';
import type { Problem } from '../../../src-shared/flow/problems';
import { findTeam, type RunnerDirectory } from './runner-directory';

type Kind = 'inbox' | 'agent' | 'team';
const FIND: Record<Kind, (d: RunnerDirectory, ref: string) => { id: number } | undefined> = { inbox: findInbox, agent: findAgent, team: findTeam };
const PLURAL: Record<Kind, string> = { inbox: 'inboxes', agent: 'agents', team: 'teams' };

/**
 * Every reason, located in the document, why the runner cannot run this flow against Chatwoot:
 * refused at publish (422) rather than discovered when a journey reaches the step. Without a
 * directory only what Chatwoot can never do is reported; with the account's directory, names
 * of inboxes, teams and agents that do not resolve are reported too.
 *
 * @example runnerChatwootProblems(doc, directory).filter((p) => p.severity === 'error')
 */
export function runnerChatwootProblems(doc: FlowDocument, directory?: RunnerDirectory): Problem[] {
  const problems: Problem[] = [];
  const defaultInbox = doc.campaign.channelDefaults.inboxId?.trim() || undefined;

  const unresolved = (kind: Kind, ref: string, path: string, nodeId?: string, field?: string) => {
    if (!directory || FIND[kind](directory, ref)) return;
    const names = (kind === 'inbox' ? directory.inboxes : kind === 'agent' ? directory.agents : directory.teams).map((x) => x.name).join(', ') || 'none';
    problems.push({ severity: 'error', code: `chatwoot.unknown-${kind}`, message: `The Chatwoot account has no ${kind} "${ref}" (its ${PLURAL[kind]}: ${names}).`, path, ...(nodeId ? { nodeId } : {}), ...(field ? { field } : {}) });
  };

  let defaultInboxUsed = false;
  doc.nodes.forEach((n, i) => {
    const at = `$.nodes[${i}]`;
    const label = n.data.label || n.id;
    if (n.type === 'assign') {
      const t = n.data.target;
      if (t?.type === 'inbox') {
        problems.push({ severity: 'error', code: 'chatwoot.assign-inbox', message: `The assignment "${label}" hands the conversation to the inbox ${t.name || t.inboxId}; Chatwoot cannot assign a conversation to an inbox, only to an agent or a team. Choose a team or an agent.`, path: `${at}.data.target`, nodeId: n.id, field: 'data.target' });
      } else if (t?.type === 'team') unresolved('team', t.teamId, `${at}.data.target`, n.id, 'data.target');
      else if (t?.type === 'agent') unresolved('agent', t.agentId, `${at}.data.target`, n.id, 'data.target');
    }
    if (n.type === 'send') {
      if (n.data.conversation === 'new') {
        const own = n.data.inboxId?.trim();
        if (own) unresolved('inbox', own, `${at}.data.inboxId`, n.id, 'data.inboxId');
        else if (defaultInbox) defaultInboxUsed = true;
        else problems.push({ severity: 'error', code: 'chatwoot.no-inbox', message: `The message "${label}" starts a new conversation but names no inbox, and the flow has no default inbox: Chatwoot needs one to create the conversation in.`, path: `${at}.data.inboxId`, nodeId: n.id, field: 'data.inboxId' });
      }
      if (n.data.sender?.type === 'agent') {
        problems.push({ severity: 'warning', code: 'chatwoot.sender-ignored', message: `The message "${label}" names an agent as sender; through the API Chatwoot sends it as the user whose token the runner uses.`, path: `${at}.data.sender`, nodeId: n.id, field: 'data.sender' });
      }
      if (n.data.subject.trim()) {
        problems.push({ severity: 'warning', code: 'chatwoot.subject-ignored', message: `The message "${label}" has a subject; a Chatwoot message has none (an email inbox uses the conversation's subject).`, path: `${at}.data.subject`, nodeId: n.id, field: 'data.subject' });
      }
    }
  });
  if (defaultInboxUsed && defaultInbox) unresolved('inbox', defaultInbox, '$.campaign.channelDefaults.inboxId');
  return problems;
}
