import type { Migration } from './migration';

/**
 * Version 1 (the preview format) to 2:
 * - edges named their output `handle`; now `sourceHandle`, so it reads like React Flow's edges;
 * - the campaign had `exitCriteria: ConditionGroup[]`; exits now have ids and names (`globalExits`);
 * - wait nodes held `{ seconds }`; now a typed wait spec with a marketer's duration ("2 days").
 */
export const namedHandlesExitsDurations: Migration = {
  name: '0001-named-handles-exits-durations',
  from: 1,
  migrate(doc) {
    const edges = Array.isArray(doc.edges) ? doc.edges : [];
    const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
    const campaign = isObject(doc.campaign) ? doc.campaign : {};
    const { exitCriteria, ...restCampaign } = campaign;
    return {
      ...doc,
      schemaVersion: 2,
      campaign: {
        ...restCampaign,
        ...(Array.isArray(exitCriteria)
          ? { globalExits: exitCriteria.map((condition, i) => ({ id: `exit-${i + 1}`, name: '', condition })) }
          : {}),
      },
      edges: edges.map((e) => {
        if (!isObject(e) || !('handle' in e)) return e;
        const { handle, ...rest } = e;
        return { ...rest, sourceHandle: handle };
      }),
      nodes: nodes.map((n) => {
        if (!isObject(n) || n.type !== 'wait' || !isObject(n.data) || typeof n.data.seconds !== 'number') return n;
        const { seconds, ...data } = n.data as { seconds: number } & Record<string, unknown>;
        return { ...n, data: { ...data, wait: { mode: 'duration', duration: secondsToDuration(seconds) } } };
      }),
    };
  },
};

/** The upgraded paths back in version 1 terms: `data.wait.…` was `data.seconds`, `sourceHandle` was `handle`, exits were `exitCriteria`. */
namedHandlesExitsDurations.pathBefore = (path, before) => {
  const wait = /^\$\.nodes\[(\d+)\]\.data\.wait\b/.exec(path);
  if (wait) {
    const node = Array.isArray(before.nodes) ? before.nodes[Number(wait[1])] : undefined;
    return isObject(node) && isObject(node.data) && typeof node.data.seconds === 'number' ? `$.nodes[${wait[1]}].data.seconds` : path;
  }
  const handle = /^(\$\.edges\[\d+\])\.sourceHandle$/.exec(path);
  if (handle) return `${handle[1]}.handle`;
  const exit = /^\$\.campaign\.globalExits\[(\d+)\](.*)$/.exec(path);
  if (exit) {
    if (exit[2]!.startsWith('.condition')) return `$.campaign.exitCriteria[${exit[1]}]${exit[2]!.slice('.condition'.length)}`;
    return exit[2] ? null : `$.campaign.exitCriteria[${exit[1]}]`;
  }
  return path;
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The largest whole unit that expresses the seconds exactly; minutes (rounded up) otherwise. */
function secondsToDuration(seconds: number) {
  const units = [['weeks', 604_800], ['days', 86_400], ['hours', 3_600]] as const;
  for (const [unit, size] of units) {
    if (seconds > 0 && seconds % size === 0) return { amount: seconds / size, unit };
  }
  return { amount: Math.ceil(Math.max(0, seconds) / 60), unit: 'minutes' as const };
}
