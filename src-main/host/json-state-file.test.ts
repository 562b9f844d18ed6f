import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createJsonStateFile } from './json-state-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-state-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const schema = z.object({ count: z.number().int() });

describe('createJsonStateFile', () => {
  it('round-trips a valid value', async () => {
    const state = createJsonStateFile(join(dir, 'a.json'), schema, () => ({ count: 0 }));
    expect(await state.load()).toEqual({ count: 0 });
    await state.save({ count: 3 });
    expect(await state.load()).toEqual({ count: 3 });
    expect(JSON.parse(await readFile(join(dir, 'a.json'), 'utf8'))).toEqual({ count: 3 });
  });

  it('falls back on a damaged or hand-edited file', async () => {
    const file = join(dir, 'b.json');
    const state = createJsonStateFile(file, schema, () => ({ count: 7 }));
    await writeFile(file, '{"count": "lots"}');
    expect(await state.load()).toEqual({ count: 7 });
    await writeFile(file, 'not json');
    expect(await state.load()).toEqual({ count: 7 });
  });

  it('refuses to save a value its schema rejects', async () => {
    const state = createJsonStateFile(join(dir, 'c.json'), schema, () => ({ count: 0 }));
    await expect(state.save({ count: 1.5 })).rejects.toThrow();
  });
});
