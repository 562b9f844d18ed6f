import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flowJsonSchemaText } from '../../src-shared/flow';
import { SCHEMA_FILE } from './write-schema';

const examplesDir = fileURLToPath(new URL('../../resources/examples/', import.meta.url));

describe('resources/schema/flow.schema.json', () => {
  it('is up to date with the flow document', async () => {
    const written = await readFile(SCHEMA_FILE, 'utf8').catch(() => '(missing)');
    expect(written === flowJsonSchemaText(), 'resources/schema/flow.schema.json is out of date: run `npm run schema`').toBe(true);
  });

  it('describes every top-level key the examples use', async () => {
    const schema = JSON.parse(flowJsonSchemaText()) as { properties: Record<string, unknown>; required: string[] };
    // A missing or empty examples folder is a failure, not a pass with nothing checked.
    const examples = (await readdir(examplesDir)).filter((f) => f.endsWith('.json'));
    expect(examples).toContain('onboarding-drip.json');
    for (const example of examples) {
      const flow = JSON.parse(await readFile(`${examplesDir}${example}`, 'utf8')) as Record<string, unknown>;
      for (const key of Object.keys(flow)) expect(Object.keys(schema.properties), `${example}: "${key}"`).toContain(key);
      for (const key of schema.required) expect(Object.keys(flow), `${example} lacks required "${key}"`).toContain(key);
    }
  });
});
