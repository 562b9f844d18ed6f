import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleFiles, TEST_NOW } from '../testing/flow-builders';
import { importFlowJson } from './io';

/**
 * The importer under hostile files (#14): deep nesting, bad escapes, huge numbers, prototype
 * keys and truncation, spliced into the shipped examples. Seeded and bounded, so CI runs the
 * same 2,400 files every time. Nothing may throw, and every problem must say where it is.
 */
const files = exampleFiles().map((f) => f.text);

/** Offsets just after a `:` or `[` (a value starts there), and inside strings. */
const valueStarts = (text: string) => [...text.matchAll(/[:[]\s*/g)].map((m) => m.index! + m[0].length);
const stringInsides = (text: string) => [...text.matchAll(/"[^"\\\n]{2,}"/g)].map((m) => m.index! + 2);

const deep = (depth: number, kind: number) =>
  kind === 0 ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : kind === 1 ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'{"type":"group","match":"any","rules":['.repeat(depth)}${']}'.repeat(depth)}`;

const hostile = fc.oneof(
  fc.record({ kind: fc.constant('nesting' as const), depth: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 200, max: 20_000 })), shape: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('escape' as const), escape: fc.constantFrom('\\q', '\\x41', '\\u12', '\\u12G4', '\\', '\\\n', '\\U0041', '\u0001', '\n', '\\0') }),
  fc.record({ kind: fc.constant('number' as const), value: fc.constantFrom('1e400', '-1e400', '1e-400', `${'9'.repeat(500)}`, '-0', '0.0000000000000000000001', '123456789012345678901234567890', '01', '1.', '.5', '-', '+1', 'NaN', 'Infinity', '0x10') }),
  fc.record({ kind: fc.constant('proto' as const), key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), value: fc.constantFrom('{"polluted": true}', '"x"', '1', 'null', '[]') }),
  fc.record({ kind: fc.constant('truncate' as const) }),
);

function damage(text: string, h: Record<string, unknown>, at: number): string {
  const pick = (list: number[]) => list[at % Math.max(1, list.length)] ?? 0;
  switch (h.kind) {
    case 'nesting': {
      const i = pick(valueStarts(text));
      return `${text.slice(0, i)}${deep(h.depth as number, h.shape as number)}, "x": ${text.slice(i)}`.replace(/, "x": (\s*[\]}])/, '$1');
    }
    case 'escape': {
      const i = pick(stringInsides(text));
      return text.slice(0, i) + (h.escape as string) + text.slice(i);
    }
    case 'number': {
      const i = pick(valueStarts(text));
      return `${text.slice(0, i)}${h.value as string}, "n": ${text.slice(i)}`;
    }
    case 'proto': {
      const i = pick([...text.matchAll(/\{/g)].map((m) => m.index! + 1));
      return `${text.slice(0, i)}"${h.key as string}": ${h.value as string},${text.slice(i)}`;
    }
    default:
      return text.slice(0, at % text.length);
  }
}

describe('hostile flow files', () => {
  it('2,400 generated files: no crash, every problem located, nothing polluted', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), hostile, fc.nat(), (which, h, at) => {
        const text = damage(files[which]!, h as Record<string, unknown>, at);
        const r = importFlowJson(text, { now: TEST_NOW });
        for (const p of r.problems) {
          expect(p.path, p.message).toMatch(/^\$/);
          expect(p.message.length).toBeGreaterThan(0);
          if (p.code === 'json.syntax') expect(p.message).toMatch(/at line \d+, column \d+/);
        }
        if (!r.ok) {
          refused++;
          expect(r.problems.length).toBeGreaterThan(0);
          let v8Failed = false;
          try {
            JSON.parse(text);
          } catch {
            v8Failed = true;
          }
          // A syntax error is placed before the end whenever the file does not simply stop.
          if (v8Failed && h.kind !== 'truncate') expect(r.problems[0]?.message).not.toMatch(/the file ends/);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2_400, seed: 20261130, endOnFailure: true },
    );
    expect(refused).toBeGreaterThan(1_000);
  }, 120_000);
});
