import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findVersion } from './version';

describe('findVersion', () => {
  it('reads the campaign-studio package.json above the script', () => {
    expect(findVersion(fileURLToPath(new URL('./main.ts', import.meta.url)))).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('says unknown when there is no script or no package above it', () => {
    expect(findVersion('')).toBe('unknown');
    expect(findVersion('/nonexistent/dir/cli.cjs')).toBe('unknown');
    expect(findVersion('/')).toBe('unknown');
  });
});
