import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signChatwootPayload, verifyChatwootSignature } from './webhook-verify';

const secret = 'whsec-test-0123456789';
const body = Buffer.from('{"event":"message_created","id":118,"content":"hi"}');
const nowSec = 1_790_000_000;
const now = nowSec * 1000;
const ts = String(nowSec);
/** Independent of the code under test: the HMAC spelled out by hand. */
const vector = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${body.toString('utf8')}`).digest('hex');

const verify = (over: Partial<Parameters<typeof verifyChatwootSignature>[0]> = {}) => verifyChatwootSignature({ secret, timestamp: ts, signature: vector, rawBody: body, now, ...over });

describe('verifyChatwootSignature', () => {
  it('accepts a delivery signed with the secret over "<timestamp>.<raw body>"', () => {
    expect(signChatwootPayload(secret, ts, body)).toBe(vector);
    expect(verify()).toEqual({ ok: true });
  });

  it('accepts upper-case hex and surrounding spaces in the header', () => {
    expect(verify({ signature: ` sha256=${vector.slice(7).toUpperCase()} ` })).toEqual({ ok: true });
  });

  it('refuses a signature made with another secret', () => {
    const other = signChatwootPayload('another-secret', ts, body);
    expect(verify({ signature: other })).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('refuses a tampered body (one byte changed)', () => {
    const tampered = Buffer.from(body);
    tampered[tampered.length - 3] = 'X'.charCodeAt(0);
    expect(verify({ rawBody: tampered })).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('refuses a signature computed over another timestamp (the timestamp is signed too)', () => {
    const sig = signChatwootPayload(secret, String(nowSec - 10), body);
    expect(verify({ signature: sig })).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('refuses stale and future timestamps, saying by how much', () => {
    const stale = String(nowSec - 412);
    expect(verify({ timestamp: stale, signature: signChatwootPayload(secret, stale, body) })).toEqual({ ok: false, reason: 'timestamp is 412 s old (at most 300 s allowed)' });
    const future = String(nowSec + 301);
    expect(verify({ timestamp: future, signature: signChatwootPayload(secret, future, body) })).toEqual({ ok: false, reason: 'timestamp is 301 s in the future (at most 300 s allowed)' });
  });

  it('accepts timestamps exactly at the edge of the window, and honours a custom tolerance', () => {
    const edge = String(nowSec - 300);
    expect(verify({ timestamp: edge, signature: signChatwootPayload(secret, edge, body) })).toEqual({ ok: true });
    const ten = String(nowSec - 10);
    expect(verify({ timestamp: ten, signature: signChatwootPayload(secret, ten, body), toleranceMs: 5_000 }).ok).toBe(false);
  });

  it('names a missing header', () => {
    expect(verify({ signature: undefined })).toEqual({ ok: false, reason: 'missing X-Chatwoot-Signature header' });
    expect(verify({ signature: '' })).toEqual({ ok: false, reason: 'missing X-Chatwoot-Signature header' });
    expect(verify({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing X-Chatwoot-Timestamp header' });
  });

  it('refuses a timestamp that is not Unix seconds', () => {
    expect(verify({ timestamp: '2030-01-01T00:00:00Z' })).toEqual({ ok: false, reason: 'X-Chatwoot-Timestamp "2030-01-01T00:00:00Z" is not a Unix time in seconds' });
  });

  it('treats a digest of the wrong length as a mismatch instead of throwing', () => {
    expect(verify({ signature: vector.slice(0, -2) })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verify({ signature: vector + 'ab' })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verify({ signature: 'sha256=' })).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('refuses a header without the sha256= prefix or with non-hex text', () => {
    expect(verify({ signature: vector.slice(7) }).ok).toBe(false);
    expect(verify({ signature: 'sha1=abcdef' })).toEqual({ ok: false, reason: 'X-Chatwoot-Signature must read "sha256=<hex digest>"' });
    expect(verify({ signature: 'sha256=zz' + vector.slice(9) }).ok).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(verify({ secret: '' })).toEqual({ ok: false, reason: 'no webhook secret is configured (CHATWOOT_WEBHOOK_SECRET)' });
  });
});
