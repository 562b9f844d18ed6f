import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneCheck = { ok: true; e164: string; country?: string } | { ok: false; input: string; reason: string };

/**
 * Validates a phone number and gives its E.164 form (+14155550123), the only form SMS and
 * WhatsApp providers accept. Numbers without a + are read in `defaultCountry`, when given.
 */
export function checkPhone(input: string, defaultCountry?: string): PhoneCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, input, reason: 'No phone number.' };
  if ((raw.match(/\d/g) ?? []).length < 3) return { ok: false, input, reason: 'Not a phone number.' };
  const parsed = parsePhoneNumberFromString(raw, defaultCountry as CountryCode | undefined);
  if (!parsed) {
    return { ok: false, input, reason: raw.startsWith('+') || defaultCountry ? 'Not a phone number.' : 'Not in international form (+ and country code), and no default country is set.' };
  }
  if (!parsed.isValid()) return { ok: false, input, reason: `Not a valid number${parsed.country ? ` in ${parsed.country}` : ''}.` };
  return { ok: true, e164: parsed.number, ...(parsed.country ? { country: parsed.country } : {}) };
}

/** Splits a list of recipients' numbers into valid (deduplicated, E.164) and invalid ones. */
export function checkPhones(inputs: readonly string[], defaultCountry?: string): { valid: string[]; invalid: Extract<PhoneCheck, { ok: false }>[]; duplicates: number } {
  const valid = new Set<string>();
  const invalid: Extract<PhoneCheck, { ok: false }>[] = [];
  let duplicates = 0;
  for (const input of inputs) {
    const r = checkPhone(input, defaultCountry);
    if (!r.ok) invalid.push(r);
    else if (valid.has(r.e164)) duplicates++;
    else valid.add(r.e164);
  }
  return { valid: [...valid], invalid, duplicates };
}
