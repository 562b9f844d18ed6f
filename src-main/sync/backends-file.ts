import { BackendsFile, type BackendsFileEntry } from '../../src-shared/sync/backend-config';

/** The environment variable naming the CLI's backends file when `--config` is not given. */
export const BACKENDS_ENV = 'CAMPAIGN_STUDIO_BACKENDS';

export type BackendsFileResult = { ok: true; backends: BackendsFile } | { ok: false; message: string };

/**
 * Parses the CLI's backends file. Tokens are refused in it (they belong in environment
 * variables, named by `tokenEnv`), with a message that says so.
 */
export function parseBackendsFile(text: string, file: string): BackendsFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${file} is not valid JSON: ${(e as Error).message}` };
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, entry] of Object.entries(raw)) {
      const keys = entry && typeof entry === 'object' ? Object.keys(entry) : [];
      const secret = keys.find((k) => /token|secret|password|key$/i.test(k) && k !== 'tokenEnv');
      if (secret) return { ok: false, message: `${file}: backend "${name}" has "${secret}"; tokens are never read from this file. Put the token in an environment variable and name it with "tokenEnv".` };
    }
  }
  const parsed = BackendsFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${file}: ${issue.path.join('.') || 'the file'}: ${issue.message}. Expected {"name": {"type": "chatwoot", "baseUrl", "accountId", "tokenEnv"} | {"type": "delivery", "baseUrl", "tokenEnv"}}.` };
  }
  return { ok: true, backends: parsed.data };
}

export type { BackendsFileEntry };
