/**
 * A read-only record over `keys` whose values are computed on first read and kept. A slider
 * move on a 5,000-step flow then costs the few counts on screen, not one per step: the canvas
 * reads the nodes and edges it draws. It enumerates, spreads and compares like a plain object.
 */
export function lazyRecord<V>(keys: { has(key: string): boolean; keys(): Iterable<string> }, compute: (key: string) => V): Record<string, V> {
  const values = new Map<string, V>();
  const read = (key: string): V => {
    let v = values.get(key);
    if (v === undefined && !values.has(key)) values.set(key, (v = compute(key)));
    return v as V;
  };
  const own = (key: string | symbol): key is string => typeof key === 'string' && keys.has(key);
  return new Proxy({} as Record<string, V>, {
    get: (_target, key) => (own(key) ? read(key) : undefined),
    has: (_target, key) => own(key),
    ownKeys: () => [...keys.keys()],
    getOwnPropertyDescriptor: (_target, key) => (own(key) ? { value: read(key), enumerable: true, configurable: true, writable: false } : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

const keySets = new WeakMap<readonly { id: string }[], ReadonlySet<string>>();

/** The ids of a list of nodes or edges, as a set kept per list. */
export function idsOf(list: readonly { id: string }[]): ReadonlySet<string> {
  let ids = keySets.get(list);
  if (!ids) keySets.set(list, (ids = new Set(list.map((x) => x.id))));
  return ids;
}
