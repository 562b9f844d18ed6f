import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the editor bench baseline', () => {
  // The editor bench's bare React Flow page draws generateFlow's output. Were the generator to
  // pull in the flow schemas again, that baseline would build every Zod schema as it loads, work
  // bare React Flow does not do, and the open ratio would flatter the editor (tests/bench/README.md).
  it('draws generateFlow, which loads without Zod or the flow schemas', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../src-shared/flow/generator.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('generator.ts'))).toBe(true);
    expect(inputs.filter((path) => path.includes('node_modules/zod') || path.endsWith('/document.ts'))).toEqual([]);
  });
});
