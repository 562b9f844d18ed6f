import { mkdtemp, readFile, rm, stat, chmod, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chooseSecretCipher, createSecretStore, type SecretCipher } from './secret-store';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-secrets-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const posix = process.platform !== 'win32';
/** A reversible stand-in for safeStorage: the point is that the file never holds the plain text. */
const fakeCipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decrypt: (sealed) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
};

describe('owner-only file store (web edition)', () => {
  it('stores, tests, reads (main only) and deletes a secret', async () => {
    const store = createSecretStore({ file: join(dir, 'web', 'secrets.json') });
    expect(store.protection).toBe('owner-only-file');
    expect(await store.has('backend.default')).toBe(false);
    await store.set('backend.default', 'tok-123');
    expect(await store.has('backend.default')).toBe(true);
    expect(await store.get('backend.default')).toBe('tok-123');
    expect(await store.delete('backend.default')).toBe(true);
    expect(await store.delete('backend.default')).toBe(false);
    expect(await store.get('backend.default')).toBeUndefined();
  });

  it.runIf(posix)('writes the file 0600 inside a 0700 folder', async () => {
    const folder = join(dir, 'perm');
    await mkdir(folder, { mode: 0o755 });
    const file = join(folder, 'secrets.json');
    await createSecretStore({ file }).set('a', 'b');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('tightens a file someone made readable by others', async () => {
    const file = join(dir, 'loose', 'secrets.json');
    const store = createSecretStore({ file });
    await store.set('a', 'b');
    await chmod(file, 0o644);
    expect(await store.has('a')).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps both of two quick writes', async () => {
    const store = createSecretStore({ file: join(dir, 'race', 'secrets.json') });
    await Promise.all([store.set('one', '1'), store.set('two', '2'), store.set('three', '3')]);
    expect(await Promise.all(['one', 'two', 'three'].map((name) => store.get(name)))).toEqual(['1', '2', '3']);
  });

  it('treats a damaged file as empty instead of failing', async () => {
    const file = join(dir, 'broken', 'secrets.json');
    await mkdir(join(dir, 'broken'), { recursive: true });
    await writeFile(file, '{ nope', { mode: 0o600 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = createSecretStore({ file });
    expect(await store.has('a')).toBe(false);
    await store.set('a', 'b');
    expect(await store.get('a')).toBe('b');
    warn.mockRestore();
  });
});

describe('encrypted store (Electron safeStorage)', () => {
  it('never writes the token in plain text', async () => {
    const file = join(dir, 'sealed', 'secrets.json');
    const store = createSecretStore({ file, cipher: fakeCipher });
    expect(store.protection).toBe('os-encrypted');
    await store.set('backend.default', 'tok-SECRET-42');
    expect(await readFile(file, 'utf8')).not.toContain('tok-SECRET-42');
    expect(await store.get('backend.default')).toBe('tok-SECRET-42');
  });

  it('cannot read a sealed secret without the keychain, but still knows it is there', async () => {
    const file = join(dir, 'sealed2', 'secrets.json');
    await createSecretStore({ file, cipher: fakeCipher }).set('a', 'b');
    const withoutKeychain = createSecretStore({ file });
    expect(await withoutKeychain.has('a')).toBe(true);
    expect(await withoutKeychain.get('a')).toBeUndefined();
  });
});

describe('chooseSecretCipher', () => {
  const safeStorage = (available: boolean, backend?: string) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend ?? 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(plain),
    decryptString: (sealed: Buffer) => sealed.toString(),
  });

  it('uses the OS keychain when there is one', () => {
    expect(chooseSecretCipher(safeStorage(true), 'darwin')).toBeDefined();
    expect(chooseSecretCipher(safeStorage(true, 'kwallet5'), 'linux')).toBeDefined();
  });

  it('does not pretend: no keychain, or Linux basic_text, means the owner-only file', () => {
    expect(chooseSecretCipher(safeStorage(false), 'win32')).toBeUndefined();
    expect(chooseSecretCipher(safeStorage(true, 'basic_text'), 'linux')).toBeUndefined();
  });
});
