import { describe, expect, it } from 'vitest';
import { importFlowJson } from './io';
import { locateJsonError } from './json-locate';

/** V8's own position, where its message gives one. */
const v8Position = (text: string): number | undefined => {
  try {
    JSON.parse(text);
  } catch (e) {
    const m = / at position (\d+)/.exec((e as Error).message);
    return m ? Number(m[1]) : undefined;
  }
  throw new Error(`${text} is valid JSON`);
};

describe('locateJsonError', () => {
  // #14.5: an invalid escape was reported as "the file ends" at the last line.
  it.each([
    ['an invalid escape', '{\n  "name": "caf\\q",\n  "x": 1\n}', 2, 15, /valid escape/],
    ['a short \\u escape', '{"a": "\\u12G4"}', 1, 8, /valid escape/],
    ['a raw line break in a string', '{"a": "x\ny"}', 1, 9, /end of the string/],
    ['a trailing comma in an object', '{"a": 1,}', 1, 9, /quoted property name/],
    ['a trailing comma in a list', '[1,]', 1, 4, /a value/],
    ['a missing colon', '{"a" 1}', 1, 6, /":"/],
    ['a truncated file', '{"a": [1, 2', 1, 12, /"," or "]"/],
    ['an unterminated string', '{"a": "abc', 1, 11, /closing quote/],
  ])('%s is placed where it is', (_name, text, line, column, expected) => {
    const at = locateJsonError(text);
    expect([at.line, at.column]).toEqual([line, column]);
    expect(at.expected).toMatch(expected);
  });

  it('agrees with V8 (within one character) wherever V8 names a position', () => {
    const cases = ['{"a":"caf\\q"}', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '{"a":"x\ny"}', '[01]', '[1e]', '[-]', '{"a":[1,2}', '{"a":tru}', '[1,2,3]]'];
    for (const text of cases) {
      const pos = v8Position(text);
      if (pos !== undefined) expect(Math.abs(locateJsonError(text).offset - pos), text).toBeLessThanOrEqual(1);
    }
  });

  it('measures any depth without recursion', () => {
    const deep = `${'['.repeat(200_000)}1${']'.repeat(199_999)}`;
    expect(locateJsonError(deep)).toMatchObject({ offset: deep.length, expected: '"," or "]"' });
    const r = importFlowJson(deep);
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'json.syntax', message: expect.stringMatching(/line 1, column 400001/) }] });
  }, 30_000);

  it('a long number is one value, not a fault', () => {
    expect(locateJsonError(`[${'9'.repeat(1000)}, }`)).toMatchObject({ offset: 1003, expected: expect.stringMatching(/a value/) });
  });
});
