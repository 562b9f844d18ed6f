import type { HostHandlers } from '../handler-registry';

const noBackend = { ok: false as const, error: { kind: 'config' as const, message: 'No backends in tests.', retryable: false } };

/** Handlers for every channel that answer canned values; override the ones a test is about. */
export function fakeHostHandlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  return {
    'app.info': () => ({ edition: 'web', version: '0.0.1', platform: 'linux' }),
    'examples.list': () => [],
    'examples.read': ({ file }) => ({ file, text: '{}' }),
    'file.openFlow': () => ({ supported: false }),
    'file.saveFlow': () => ({ supported: false }),
    'file.takePending': () => ({ files: [] }),
    'secrets.set': () => ({ stored: true, protection: 'owner-only-file' }),
    'secrets.has': () => ({ stored: false }),
    'secrets.delete': () => ({ deleted: false }),
    'backends.list': () => [],
    'backends.save': () => ({ saved: true }),
    'backends.delete': () => ({ deleted: false }),
    'backends.test': () => ({ ok: false, error: { kind: 'config', message: 'No backends in tests.', retryable: false }, checks: [] }),
    'sync.directory': () => ({ ok: false, error: { kind: 'config', message: 'No backends in tests.', retryable: false } }),
    'sync.push': () => ({ ok: false, error: { kind: 'config', message: 'No backends in tests.', retryable: false } }),
    'sync.contacts': () => noBackend,
    'sync.stats': () => ({ ok: false, error: { kind: 'config', message: 'No backends in tests.', retryable: false } }),
    'live.flow': () => noBackend,
    'live.status': () => noBackend,
    'live.stats': () => noBackend,
    'live.journeys': () => noBackend,
    'live.journey': () => noBackend,
    'live.control': () => noBackend,
    'sync.unpublish': () => ({ ok: false, error: { kind: 'config', message: 'No backends in tests.', retryable: false } }),
    'live.test': () => noBackend,
    ...overrides,
  };
}
