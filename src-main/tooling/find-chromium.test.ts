import { afterEach, describe, expect, it, vi } from 'vitest';
import { findChromium, noChromiumMessage } from './find-chromium.mjs';

afterEach(() => vi.unstubAllEnvs());

describe('findChromium', () => {
  it('prefers $CHROMIUM_PATH when it is executable', () => {
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    expect(findChromium()).toBe(process.execPath);
  });

  it('skips a $CHROMIUM_PATH that does not exist', () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    expect(findChromium()).not.toBe('/nonexistent/chromium');
  });

  it('tells the user how to get one', () => {
    expect(noChromiumMessage).toContain('CHROMIUM_PATH');
    expect(noChromiumMessage).toContain('apt-get install -y chromium');
  });
});
