import * as z from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    const build = vi.fn(() => z.object({ name: z.string().min(1) }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: 'Ada' })).toEqual({ name: 'Ada' });
    expect(schema.safeParse({ name: '' }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('works embedded in other schemas, extended and as a type', () => {
    const Id = lazySchema(() => z.string().regex(/^[a-z]+$/, 'lowercase letters only'));
    const Node = lazySchema(() => z.strictObject({ id: Id, tags: z.array(Id).default([]) }));
    const Named = lazySchema(() => Node.extend({ name: z.string() }));
    const parsed: z.infer<typeof Named> = Named.parse({ id: 'abc', name: 'A' });
    expect(parsed).toEqual({ id: 'abc', tags: [], name: 'A' });
    const bad = Named.safeParse({ id: 'abc', tags: ['ok', 'NO'], name: 'A' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['tags.1', 'lowercase letters only']]);
    expect(Node instanceof z.ZodType).toBe(true);
    expect('_zod' in Node).toBe(true);
    expect(Object.getPrototypeOf(Node)).toBe(Object.getPrototypeOf(z.strictObject({})));
  });

  it('allows recursive schemas through getters, as zod does', () => {
    const Tree = lazySchema(() =>
      z.object({
        label: z.string(),
        get children(): z.ZodArray<typeof Tree> {
          return z.array(Tree);
        },
      }),
    );
    expect(Tree.parse({ label: 'a', children: [{ label: 'b', children: [] }] })).toEqual({ label: 'a', children: [{ label: 'b', children: [] }] });
    expect(Tree.safeParse({ label: 'a', children: [{ label: 1, children: [] }] }).error?.issues[0]?.path).toEqual(['children', 0, 'label']);
  });

  it('gives the same JSON Schema as the schema built at once', () => {
    const eager = z.object({ when: z.string().optional(), n: z.number().int().min(0) });
    const lazy = lazySchema(() => z.object({ when: z.string().optional(), n: z.number().int().min(0) }));
    expect(z.toJSONSchema(lazy)).toEqual(z.toJSONSchema(eager));
  });
});

describe('lazySchema: identity', () => {
  it('wrappers made from a lazy schema hold the lazy value, not the schema built behind it', () => {
    const X = lazySchema(() => z.string());
    expect(X.optional().unwrap()).toBe(X);
    expect(X.nullable().unwrap()).toBe(X);
    expect(X.array().element).toBe(X);
    expect(X.or(z.number()).options[0]).toBe(X);
  });

  it('gives a recursive schema the JSON Schema it has when built at once, wrappers included', () => {
    const make = (wrap: <S extends object>(build: () => S) => S) => {
      const Group = wrap(() =>
        z.strictObject({
          match: z.enum(['all', 'any']),
          get rules(): z.ZodArray<typeof Rule> {
            return z.array(Rule);
          },
        }),
      );
      const Rule = wrap(() => z.union([z.strictObject({ tag: z.string() }), Group]));
      return wrap(() => z.strictObject({ audience: Group.nullable().default(null), exits: z.array(Group) }));
    };
    const eager = make((build) => build());
    expect(z.toJSONSchema(make(lazySchema), { io: 'input' })).toEqual(z.toJSONSchema(eager, { io: 'input' }));
  });
});
