/**
 * A zod schema built on first use instead of when its module loads. Building zod's classic
 * schemas is not free (each one sets up its methods), and every entry point loads the modules
 * that declare them: the CLI, each population worker thread and the app's first frame paid for
 * every schema of the flow format, the host contract and sync before doing anything. Most runs
 * use a few of them or none (a worker only runs the engine).
 *
 * The value behaves as the schema itself (same type; parse, extend, embed in other schemas);
 * it is built once, the first time anything reads from it. Calls are marked free of side
 * effects, so bundlers drop the schemas a bundle never reads. ESLint's `local/lazy-schemas`
 * rule reports a schema built when its module loads.
 *
 * @example export const Id = lazySchema(() => z.string().min(1).max(120));
 */
/*#__NO_SIDE_EFFECTS__*/
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  const lazy: T = new Proxy({} as T, {
    get: (_target, key) => {
      const schema = real();
      const value: unknown = Reflect.get(schema, key);
      if (typeof value !== 'function') return value;
      // Zod's methods close over the schema they were built on, so what they wrap it in
      // (`.optional()`, `.nullable()`, `.array()`, `.or()`…) would hold that schema rather than
      // this value: two identities for one schema where identity counts (a recursive schema's
      // JSON Schema refers to itself by identity). The wrapper is pointed back at this value.
      return (...args: unknown[]) => pointAt(Reflect.apply(value, schema, args), schema, lazy);
    },
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
  return lazy;
}

/**
 * `out` with `from` replaced by `to` where a wrapper keeps what it wraps: in its definition
 * (`innerType`, `element`, `options`…) and in the copies zod keeps on the schema (`element`,
 * `options`), one level deep.
 */
function pointAt(out: unknown, from: object, to: object): unknown {
  const def = (out as { _zod?: { def?: Record<string, unknown> } } | null)?._zod?.def;
  if (out === from || !def) return out;
  for (const holder of [def, out as Record<string, unknown>]) {
    for (const key of Object.keys(holder)) {
      const v = holder[key];
      if (v === from) holder[key] = to;
      else if (Array.isArray(v) && v.includes(from)) holder[key] = v.map((x) => (x === from ? to : x));
    }
  }
  return out;
}
