import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';
import { lazySchema } from '../../src-shared/schema/lazy-schema';
import type { secretProtections } from '../../src-shared/host/contract';
import { restrictToOwner, writeFileAtomic } from './atomic-write';

export type SecretProtection = (typeof secretProtections)[number];

/** Electron's `safeStorage`, reduced to what the store needs (stubbed in tests). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/**
 * Backend API tokens, kept by the host process only. The renderer may set, test and delete
 * a secret through the contract; reading one back ({@link SecretStore.get}) is for the main
 * process itself (sync), and no channel exposes it.
 */
export interface SecretStore {
  /** How new secrets are protected: OS-encrypted when a cipher is available. */
  readonly protection: SecretProtection;
  set(name: string, value: string): Promise<void>;
  has(name: string): Promise<boolean>;
  delete(name: string): Promise<boolean>;
  get(name: string): Promise<string | undefined>;
}

const entrySchema = lazySchema(() => z.object({ protection: z.enum(['os-encrypted', 'owner-only-file']), value: z.string() }));
const fileSchema = lazySchema(() => z.object({ version: z.literal(1), secrets: z.record(z.string(), entrySchema) }));
type SecretsFile = z.infer<typeof fileSchema>;

export interface SecretStoreOptions {
  /** The JSON file holding the secrets; written 0600 inside a 0700 folder. */
  file: string;
  /** When given, values are sealed with it (base64 in the file); else stored as plain text. */
  cipher?: SecretCipher;
}

async function readSecrets(file: string): Promise<SecretsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { version: 1, secrets: {} };
  }
  // A file someone made readable by others is tightened before it is trusted any further.
  if (((await stat(file)).mode & 0o077) !== 0) await restrictToOwner(file, false);
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { version: 1, secrets: Object.assign(Object.create(null) as SecretsFile['secrets'], parsed.data.secrets) };
  } catch {
    // fall through: an unreadable file is treated as empty and replaced on the next write
  }
  console.warn(`[secrets] ${file} is not a valid secrets file; starting empty.`);
  return { version: 1, secrets: {} };
}

/**
 * The host's secret store: a JSON file with owner-only permissions (0600 in a 0700 folder,
 * written atomically), whose values are additionally sealed with the OS keychain through
 * `safeStorage` in the Electron edition. Operations run one at a time, so two quick writes
 * cannot lose each other.
 */
export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const { file, cipher } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const write = async (data: SecretsFile) => {
    await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600, dirMode: 0o700 });
    await restrictToOwner(dirname(file), true);
  };

  return {
    protection: cipher ? 'os-encrypted' : 'owner-only-file',
    set: (name, value) =>
      serial(async () => {
        const data = await readSecrets(file);
        data.secrets[name] = cipher ? { protection: 'os-encrypted', value: cipher.encrypt(value).toString('base64') } : { protection: 'owner-only-file', value };
        await write(data);
      }),
    has: (name) => serial(async () => Object.hasOwn((await readSecrets(file)).secrets, name)),
    delete: (name) =>
      serial(async () => {
        const data = await readSecrets(file);
        if (!Object.hasOwn(data.secrets, name)) return false;
        delete data.secrets[name];
        await write(data);
        return true;
      }),
    get: (name) =>
      serial(async () => {
        const entry = (await readSecrets(file)).secrets[name];
        if (!entry) return undefined;
        if (entry.protection === 'owner-only-file') return entry.value;
        // Sealed by a keychain this process cannot use (another machine, or no keyring now).
        if (!cipher) return undefined;
        try {
          return cipher.decrypt(Buffer.from(entry.value, 'base64'));
        } catch {
          return undefined;
        }
      }),
  };
}

/** What `safeStorage` offers; `getSelectedStorageBackend` exists on Linux only. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * The cipher to seal secrets with, or `undefined` when the OS offers no real keychain. On
 * Linux without a keyring Electron falls back to `basic_text`, a hard-coded key that protects
 * nothing; then the owner-only file is the honest protection, and the store says so.
 */
export function chooseSecretCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (sealed) => safeStorage.decryptString(sealed) };
}
