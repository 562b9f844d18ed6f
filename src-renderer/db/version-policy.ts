/** How often an automatic version is kept while editing, and how many of them. */
export const AUTO_VERSION_EVERY_MS = 5 * 60_000;
export const AUTO_VERSIONS_KEPT = 30;

interface VersionStamp {
  id?: number;
  createdAt: number;
  auto: boolean;
}

/**
 * Whether a save should also keep an automatic version, and which old automatic versions to
 * drop. Named versions are never dropped.
 */
export function planAutoVersion(versions: readonly VersionStamp[], now: number): { add: boolean; drop: number[] } {
  const autos = versions.filter((v) => v.auto).sort((a, b) => a.createdAt - b.createdAt);
  const newest = autos.at(-1);
  const add = !newest || now - newest.createdAt >= AUTO_VERSION_EVERY_MS;
  const excess = autos.length + (add ? 1 : 0) - AUTO_VERSIONS_KEPT;
  const drop = excess > 0 ? autos.slice(0, excess).flatMap((v) => (v.id === undefined ? [] : [v.id])) : [];
  return { add, drop };
}
