import type { FlowDocument } from '../flow/document';
import { exportFlowJson } from '../flow/io';
import type { SyncOptions } from './sync-record';

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `text`, as 16 hex digits. Pure JS so it runs in the
 * renderer, a worker and Node alike; it detects change, it is not a security hash.
 *
 * @example fnv1a64('') // 'cbf29ce484222325'
 */
export function fnv1a64(text: string): string {
  // The 64-bit state in four 16-bit limbs (h3 most significant), so every product stays exact.
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  const mix = (byte: number) => {
    h0 ^= byte;
    // Multiply by the FNV prime 2^40 + 0x1b3: h * 0x1b3 plus h shifted left by 40 bits.
    const t0 = h0 * 0x1b3, t1 = h1 * 0x1b3, t2 = h2 * 0x1b3, t3 = h3 * 0x1b3;
    const c1 = t1 + (t0 >>> 16);
    const c2 = t2 + (c1 >>> 16) + (h0 << 8);
    const c3 = t3 + (c2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff;
    h1 = c1 & 0xffff;
    h2 = c2 & 0xffff;
    h3 = c3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) mix(c);
    else if (c < 0x800) {
      mix(0xc0 | (c >> 6));
      mix(0x80 | (c & 63));
    } else if (c < 0x10000) {
      mix(0xe0 | (c >> 12));
      mix(0x80 | ((c >> 6) & 63));
      mix(0x80 | (c & 63));
    } else {
      mix(0xf0 | (c >> 18));
      mix(0x80 | ((c >> 12) & 63));
      mix(0x80 | ((c >> 6) & 63));
      mix(0x80 | (c & 63));
    }
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/**
 * The content hash of a flow: FNV-1a of its canonical export with `meta` left out, so saving
 * without a change (a new `updatedAt`) does not make a synced flow "modified".
 */
export function flowContentHash(doc: FlowDocument): string {
  return `fnv1a64:${fnv1a64(exportFlowJson({ ...doc, meta: {} }))}`;
}

/** JSON with object keys sorted and `undefined` members left out, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The hash of what a push sends to one backend: the flow's content hash, plus the sync options
 * of its record (the WhatsApp template) when it has any. The engine stores it as `syncedHash`
 * and the status compares against it, so choosing another template marks a published flow
 * "Changed" while a save that changes nothing still does not. With no options it is the flow's
 * content hash itself, so records of flows without options keep their status.
 *
 * @example syncContentHash(flowContentHash(doc), record.options)
 */
export function syncContentHash(flowHash: string, options: SyncOptions | undefined): string {
  // Which waiting journeys to move is a one-time choice of a publish, not what is published.
  const { moveWaiting: _once, ...content } = options ?? {};
  const json = canonicalJson(content);
  return json === '{}' ? flowHash : `${flowHash}+opts:${fnv1a64(json)}`;
}
