import { describe, expect, it } from 'vitest';
import { checkPhone, checkPhones } from './phone';
import { checkSchedule } from './schedule';
import { countSms } from './sms';
import { matchCampaignUrl } from './url-match';

describe('live-chat URL matching (Chatwoot widget semantics)', () => {
  it.each([
    // exact paths; the visitor's trailing slash is ignored
    ['https://x.com/about', 'https://x.com/about', true],
    ['https://x.com/about', 'https://x.com/about/', true],
    ['https://x.com/about', 'https://x.com/about/team', false],
    // a pattern ending in "/" is a prefix match on the path
    ['https://x.com/pricing/', 'https://x.com/pricing', true],
    ['https://x.com/pricing/', 'https://x.com/pricing/a', true],
    ['https://x.com/pricing/', 'https://x.com/pricing-plans', true],
    ['https://x.com/pricing/', 'https://x.com/about', false],
    // wildcards cross "/"
    ['https://x.com/blog/*', 'https://x.com/blog/2026/11/post', true],
    ['https://x.com/*/checkout', 'https://x.com/eu/shop/checkout', true],
    // query and fragment are ignored unless named
    ['https://x.com/pricing', 'https://x.com/pricing?utm_source=ad#plans', true],
    ['https://x.com/pricing?plan=pro', 'https://x.com/pricing?plan=pro', true],
    ['https://x.com/pricing?plan=pro', 'https://x.com/pricing?plan=basic', false],
    // subdomains must be named
    ['https://*.x.com/*', 'https://blog.x.com/a', true],
    ['https://*.x.com/*', 'https://x.com/a', false],
    ['https://x.com/*', 'https://www.x.com/a', false],
    // case-sensitive paths, case-insensitive host (URLs lower-case it)
    ['https://x.com/Pricing', 'https://x.com/pricing', false],
    ['https://X.com/pricing', 'https://x.com/pricing', true],
    // scheme must match
    ['https://x.com/pricing', 'http://x.com/pricing', false],
  ])('%s on %s → %s', (pattern, url, expected) => {
    expect(matchCampaignUrl(pattern, url).matches).toBe(expected);
  });

  it('explains patterns Chatwoot would refuse', () => {
    expect(matchCampaignUrl('/pricing', 'https://x.com/pricing')).toMatchObject({ matches: false, reason: expect.stringContaining('http://') });
    expect(matchCampaignUrl('https://x.com/(', 'https://x.com/')).toMatchObject({ matches: false, reason: expect.stringContaining('not a valid URL pattern') });
    expect(matchCampaignUrl('https://x.com/*', 'x.com')).toMatchObject({ matches: false, reason: expect.stringContaining('not a full URL') });
  });
});

describe('SMS counting', () => {
  it('plain GSM-7: 160 in one part, 153 per part after', () => {
    expect(countSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, remaining: 0 });
    expect(countSms('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(countSms('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSms('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(countSms('')).toMatchObject({ segments: 1, units: 0 });
  });

  it('extension characters take two septets and are never split', () => {
    expect(countSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, characters: 80 });
    expect(countSms('a' + '€'.repeat(80))).toMatchObject({ units: 161, segments: 2 });
    // 152 septets then an escape pair: it cannot straddle the boundary, so it opens part 2.
    expect(countSms('a'.repeat(152) + '{' + 'a'.repeat(10))).toMatchObject({ units: 164, segments: 2, remaining: 153 - 12 });
    expect(countSms('a'.repeat(152) + '{' + 'a'.repeat(152))).toMatchObject({ segments: 3 });
  });

  it('one non-GSM character switches the whole message to UCS-2', () => {
    expect(countSms('Hello ✓')).toMatchObject({ encoding: 'UCS-2', nonGsm: ['✓'], segments: 1 });
    expect(countSms('é is GSM, ê is not')).toMatchObject({ encoding: 'UCS-2', nonGsm: ['ê'] });
    expect(countSms('a'.repeat(70) + 'ç')).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('emoji are two UTF-16 units and never split', () => {
    expect(countSms('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, characters: 35 });
    expect(countSms('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
    // 66 units then an emoji: it moves whole to the second part.
    expect(countSms('a'.repeat(66) + '😀' + 'a')).toMatchObject({ units: 69, segments: 1 });
    expect(countSms('a'.repeat(66) + '😀' + 'a'.repeat(5))).toMatchObject({ units: 73, segments: 2, remaining: 67 - 7 });
  });

  it('long messages', () => {
    expect(countSms('x'.repeat(1530))).toMatchObject({ segments: 10 });
    expect(countSms('ж'.repeat(670))).toMatchObject({ encoding: 'UCS-2', segments: 10 });
  });
});

describe('phone numbers', () => {
  it('gives the E.164 form of valid numbers', () => {
    expect(checkPhone('+1 415 555 2671')).toEqual({ ok: true, e164: '+14155552671', country: 'US' });
    expect(checkPhone('020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it('says why a number is refused', () => {
    expect(checkPhone('')).toMatchObject({ ok: false, reason: 'No phone number.' });
    expect(checkPhone('020 7946 0958')).toMatchObject({ ok: false, reason: expect.stringContaining('international') });
    expect(checkPhone('+1 555')).toMatchObject({ ok: false });
    expect(checkPhone('+44 12')).toMatchObject({ ok: false });
    expect(checkPhone('call me')).toMatchObject({ ok: false, reason: 'Not a phone number.' });
  });

  it('splits a recipient list, removing duplicates', () => {
    const r = checkPhones(['+14155552671', '+1 (415) 555-2671', 'nope', '+33 6 12 34 56 78']);
    expect(r.valid).toEqual(['+14155552671', '+33612345678']);
    expect(r.duplicates).toBe(1);
    expect(r.invalid.map((i) => i.input)).toEqual(['nope']);
  });
});

describe('one-off scheduling', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('refuses the past in any timezone', () => {
    expect(checkSchedule('2026-11-21T06:59', 'America/New_York', now)).toMatchObject({ ok: false, reason: expect.stringContaining('already passed') });
    expect(checkSchedule('2026-11-21T07:01', 'America/New_York', now)).toMatchObject({ ok: true });
    expect(checkSchedule('2026-11-21T21:30', 'Asia/Tokyo', now)).toMatchObject({ ok: true });
    expect(checkSchedule('2026-11-21T20:59', 'Asia/Tokyo', now)).toMatchObject({ ok: false });
  });

  it('across DST: a time in the spring gap is moved and said so', () => {
    const r = checkSchedule('2027-03-28T02:30', 'Europe/Paris', now);
    expect(r).toMatchObject({ ok: true, note: expect.stringContaining('03:30') });
    if (r.ok) expect(r.at.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // the autumn overlap: 02:30 happens twice; the later one is taken, which is still future
    expect(checkSchedule('2027-10-31T02:30', 'Europe/Paris', now)).toMatchObject({ ok: true });
    // "now" just after a DST change: New York 2027-03-14 03:30 EDT = 07:30Z
    const justAfter = new Date('2027-03-14T07:31:00Z');
    expect(checkSchedule('2027-03-14T03:30', 'America/New_York', justAfter)).toMatchObject({ ok: false });
    expect(checkSchedule('2027-03-14T03:32', 'America/New_York', justAfter)).toMatchObject({ ok: true });
  });

  it('refuses impossible dates and unknown timezones', () => {
    expect(checkSchedule('2027-02-29T10:00', 'UTC', now)).toMatchObject({ ok: false, reason: expect.stringContaining('not a real date') });
    expect(checkSchedule('2027-02-01T10:00', 'Mars/Base', now)).toMatchObject({ ok: false, reason: expect.stringContaining('timezone') });
  });
});
