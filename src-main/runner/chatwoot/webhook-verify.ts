import { createHmac, timingSafeEqual } from 'node:crypto';

/** Chatwoot's own replay window: a delivery signed more than 5 minutes away from our clock is refused. */
export const DEFAULT_TOLERANCE_MS = 5 * 60_000;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** `"sha256=" + hex HMAC-SHA256(secret, "<timestamp>.<raw body>")`, as Chatwoot signs a webhook delivery. */
export function signChatwootPayload(secret: string, timestamp: string, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

/**
 * Whether a webhook delivery really comes from our Chatwoot account and is fresh. The MAC is
 * computed over the raw bytes (re-serialised JSON would differ) and compared in constant time;
 * the timestamp check stops a captured delivery from being replayed later.
 *
 * @example
 * verifyChatwootSignature({ secret, timestamp: req.headers['x-chatwoot-timestamp'], signature: req.headers['x-chatwoot-signature'], rawBody, now: Date.now() })
 */
export function verifyChatwootSignature(o: { secret: string; timestamp: string | undefined; signature: string | undefined; rawBody: Buffer; now: number; toleranceMs?: number }): VerifyResult {
  if (!o.secret) return { ok: false, reason: 'no webhook secret is configured (CHATWOOT_WEBHOOK_SECRET)' };
  if (o.signature === undefined || o.signature.trim() === '') return { ok: false, reason: 'missing X-Chatwoot-Signature header' };
  if (o.timestamp === undefined || o.timestamp.trim() === '') return { ok: false, reason: 'missing X-Chatwoot-Timestamp header' };
  const ts = o.timestamp.trim();
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, reason: `X-Chatwoot-Timestamp "${ts.slice(0, 40)}" is not a Unix time in seconds` };
  const skewMs = o.now - Number(ts) * 1000;
  const tolerance = o.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  if (skewMs > tolerance) return { ok: false, reason: `timestamp is ${Math.round(skewMs / 1000)} s old (at most ${Math.round(tolerance / 1000)} s allowed)` };
  if (-skewMs > tolerance) return { ok: false, reason: `timestamp is ${Math.round(-skewMs / 1000)} s in the future (at most ${Math.round(tolerance / 1000)} s allowed)` };

  const sig = o.signature.trim();
  const match = /^sha256=([0-9a-fA-F]*)$/.exec(sig);
  if (!match) return { ok: false, reason: 'X-Chatwoot-Signature must read "sha256=<hex digest>"' };
  const given = Buffer.from(match[1]!.toLowerCase(), 'utf8');
  const expected = Buffer.from(signChatwootPayload(o.secret, ts, o.rawBody).slice('sha256='.length), 'utf8');
  // timingSafeEqual throws on different lengths; a wrong length is simply a mismatch, and says nothing secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
