/**
 * SMS length as carriers count it: GSM-7 (160 characters, 153 per part when split) unless a
 * character outside GSM-7 forces UCS-2 (70, 67 per part). GSM-7 extension characters
 * (`{ } [ ] ~ \ | ^ €` and form feed) take two septets, and an escape pair is never split
 * across parts; in UCS-2 a surrogate pair (most emoji) is never split either.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) used. */
  units: number;
  segments: number;
  /** Units per segment at this length: 160/153 or 70/67. */
  perSegment: number;
  /** Units left before another segment is needed. */
  remaining: number;
  /** The characters that forced UCS-2, each once, in order of appearance. */
  nonGsm: string[];
}

/** Counts an SMS body. An empty body is one segment of nothing. */
export function countSms(text: string): SmsCount {
  const chars = Array.from(text);
  const nonGsm = [...new Set(chars.filter((c) => !basic.has(c) && !extended.has(c)))];
  if (nonGsm.length === 0) {
    const sizes = chars.map((c) => (extended.has(c) ? 2 : 1));
    return finish('GSM-7', chars.length, sizes, 160, 153, nonGsm);
  }
  return finish('UCS-2', chars.length, chars.map((c) => c.length), 70, 67, nonGsm);
}

function finish(encoding: SmsEncoding, characters: number, sizes: number[], single: number, part: number, nonGsm: string[]): SmsCount {
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units <= single) return { encoding, characters, units, segments: 1, perSegment: single, remaining: single - units, nonGsm };
  // Fill parts greedily without splitting a two-unit character.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, characters, units, segments, perSegment: part, remaining: part - used, nonGsm };
}
