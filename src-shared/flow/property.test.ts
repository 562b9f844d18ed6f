import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleFiles, TEST_NOW } from '../testing/flow-builders';
import { generateFlow } from './generator';
import { exportFlowJson, importFlowJson } from './io';
import { validateFlow } from './validate';

describe('generated flows', () => {
  it('are valid and round-trip through export/import unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (size, seed) => {
        const doc = generateFlow({ nodes: size, seed });
        expect(doc.nodes).toHaveLength(size);
        expect(validateFlow(doc, { now: TEST_NOW }).filter((p) => p.severity === 'error')).toEqual([]);
        const text = exportFlowJson(doc);
        const back = importFlowJson(text, { now: TEST_NOW });
        if (!back.ok) throw new Error(JSON.stringify(back.problems));
        expect(back.document).toEqual({ ...doc, $schema: back.document.$schema });
        expect(exportFlowJson(back.document)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('are the same for the same seed', () => {
    expect(exportFlowJson(generateFlow({ nodes: 40, seed: 9 }))).toBe(exportFlowJson(generateFlow({ nodes: 40, seed: 9 })));
  });
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every location in a JSON value, as a key path. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('trigger', 'wait', 'next', 'match', 'n1', '{{ contact.x }}', '2020-01-01T00:00', 'Europe/Paris', -1, 1e308),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

const mutation = fc.record({ kind: fc.constantFrom('set', 'delete', 'duplicate'), at: fc.nat(), value: junk });

describe('the importer under random damage', () => {
  const files = exampleFiles();
  it('never throws and every problem is located', () => {
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { nil: undefined }), (which, mutations, cut) => {
        const doc = JSON.parse(files[which]!.text) as Json;
        for (const m of mutations) {
          const all = paths(doc).filter((p) => p.length > 0);
          const path = all[m.at % all.length]!;
          const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k as string]!, doc) as Record<string, Json> | Json[];
          const key = path[path.length - 1]!;
          if (m.kind === 'set') (parent as Record<string, Json>)[key as string] = m.value;
          else if (m.kind === 'delete') {
            if (Array.isArray(parent)) parent.splice(key as number, 1);
            else delete parent[key as string];
          } else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]!));
        }
        let text = JSON.stringify(doc, null, 2);
        if (cut !== undefined && cut % 5 === 0) text = text.slice(0, cut % text.length);
        const r = importFlowJson(text, { now: TEST_NOW });
        for (const p of r.problems) {
          expect(p.path).toMatch(/^\$/);
          expect(p.message.length).toBeGreaterThan(5);
          expect(p.code).toMatch(/^[a-z-]+\.[a-z_-]+$/);
        }
        if (!r.ok) expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
