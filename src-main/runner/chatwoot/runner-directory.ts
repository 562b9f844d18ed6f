import * as z from 'zod';
import { lazySchema } from '../../../src-shared/schema/lazy-schema';
import { AgentListResponse, buildDirectory, findAgent, findInbox, InboxListResponse, type AccountDirectory } from '../../../src-shared/sync/chatwoot/directory';
import { chatwootPaths } from '../../../src-shared/sync/chatwoot/paths';
import type { ApiAnswer, createApiRequest } from './api-request';

/** `GET /api/v1/accounts/{id}/teams` → `[...]` (Chatwoot's team resource). */
export const TeamListResponse = lazySchema(() => z.array(z.looseObject({ id: z.number().int(), name: z.string(), description: z.string().nullish(), allow_auto_assign: z.boolean().optional() })));

/** The sync adapter's directory plus teams (labels are not needed by the runner and stay empty). */
export interface RunnerDirectory extends AccountDirectory {
  teams: { id: number; name: string }[];
}

const slug = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The team a flow names: numeric id, then name ignoring case, then name as a slug ("tier-2" for "Tier 2"). */
export function findTeam(dir: Pick<RunnerDirectory, 'teams'>, ref: string): RunnerDirectory['teams'][number] | undefined {
  const r = ref.trim();
  if (/^\d+$/.test(r)) return dir.teams.find((t) => t.id === Number(r));
  return dir.teams.find((t) => t.name.toLowerCase() === r.toLowerCase()) ?? dir.teams.find((t) => slug(t.name) === slug(r));
}

type Kind = 'inbox' | 'agent' | 'team';
const MAX_AGE_MS = 60_000;

/**
 * The account's inboxes, agents and teams, fetched when first needed and again when a name
 * is not found in a copy older than a few seconds (someone may just have created the team).
 * Names resolve exactly as the sync adapter resolves them (findInbox/findAgent).
 */
export function createRunnerDirectory(request: ReturnType<typeof createApiRequest>, accountId: number, now: () => number = Date.now) {
  let cached: { at: number; dir: RunnerDirectory } | undefined;

  async function load(): Promise<ApiAnswer<RunnerDirectory>> {
    const inboxes = await request('GET', chatwootPaths.inboxes(accountId), InboxListResponse, 'the inbox list');
    if (!inboxes.ok) return inboxes;
    const agents = await request('GET', chatwootPaths.agents(accountId), AgentListResponse, 'the agent list');
    if (!agents.ok) return agents;
    const teams = await request('GET', `/api/v1/accounts/${accountId}/teams`, TeamListResponse, 'the team list');
    if (!teams.ok) return teams;
    const base = buildDirectory(inboxes.value, agents.value, { payload: [] });
    const dir: RunnerDirectory = { ...base, teams: teams.value.map((t) => ({ id: t.id, name: t.name })) };
    cached = { at: now(), dir };
    return { ok: true, status: 200, value: dir };
  }

  const finders = {
    inbox: (d: RunnerDirectory, ref: string) => findInbox(d, ref),
    agent: (d: RunnerDirectory, ref: string) => findAgent(d, ref),
    team: (d: RunnerDirectory, ref: string) => findTeam(d, ref),
  } satisfies Record<Kind, (d: RunnerDirectory, ref: string) => { id: number } | undefined>;

  const listed = (d: RunnerDirectory, kind: Kind) => (kind === 'inbox' ? d.inboxes : kind === 'agent' ? d.agents : d.teams).map((x) => x.name).join(', ') || 'none';

  return {
    /** The numeric id of an inbox, agent or team named by id, name (or email for agents). */
    async resolve(kind: Kind, ref: string): Promise<{ ok: true; id: number } | { ok: false; retry: boolean; reason: string }> {
      let dir = cached?.dir;
      let fresh = false;
      if (!dir || now() - cached!.at > MAX_AGE_MS) {
        const loaded = await load();
        if (!loaded.ok) return loaded;
        dir = loaded.value;
        fresh = true;
      }
      let hit = finders[kind](dir, ref);
      if (!hit && !fresh && now() - cached!.at > 5_000) {
        const loaded = await load();
        if (!loaded.ok) return loaded;
        dir = loaded.value;
        hit = finders[kind](dir, ref);
      }
      if (hit) return { ok: true, id: hit.id };
      return { ok: false, retry: false, reason: `Chatwoot account ${accountId} has no ${kind} "${ref}" (its ${kind === 'inbox' ? 'inboxes' : `${kind}s`}: ${listed(dir, kind)}).` };
    },
  };
}
