import { seededRandom } from '../random/prng';
import type { OneOffChannel } from './one-off';
import { checkPhone } from './phone';
import { countSms, type SmsEncoding } from './sms';

/** A contact as a one-off campaign sees it. */
export interface Contact {
  id: string;
  name: string;
  email: string;
  /** As typed into the CRM: may be missing, local or malformed. */
  phone: string | null;
  labels: string[];
  company: string;
  city: string;
  country: string;
}

export interface Recipient {
  contact: Contact;
  e164: string;
  /** The message as this contact receives it (variables filled in). */
  text: string;
  segments: number;
  encoding: SmsEncoding;
}

export interface SkippedContact {
  contact: Contact;
  reason: 'no-phone' | 'invalid-phone' | 'duplicate-phone';
  detail: string;
}

export interface AudiencePreview {
  /** Contacts with any of the labels. */
  matched: number;
  recipients: Recipient[];
  skipped: SkippedContact[];
  /** Sum of every recipient's SMS segments (0 unless the channel is SMS). */
  totalSegments: number;
}

/**
 * Who a one-off campaign reaches, as Chatwoot resolves it: contacts labelled with ANY of the
 * labels that have a phone number; here a number must also be valid (E.164 after parsing) and
 * each number is sent to once. SMS segments are counted per recipient, after variables are
 * filled in, since a long name can tip a message into another segment.
 */
export function previewAudience(input: { labels: readonly string[]; message: string; channel: OneOffChannel; campaignName?: string; inboxName?: string }, contacts: readonly Contact[]): AudiencePreview {
  const wanted = new Set(input.labels);
  const matched = contacts.filter((c) => c.labels.some((l) => wanted.has(l)));
  const recipients: Recipient[] = [];
  const skipped: SkippedContact[] = [];
  const seen = new Map<string, Contact>();
  for (const contact of matched) {
    if (!contact.phone?.trim()) {
      skipped.push({ contact, reason: 'no-phone', detail: 'No phone number.' });
      continue;
    }
    const phone = checkPhone(contact.phone);
    if (!phone.ok) {
      skipped.push({ contact, reason: 'invalid-phone', detail: `${contact.phone}: ${phone.reason}` });
      continue;
    }
    const first = seen.get(phone.e164);
    if (first) {
      skipped.push({ contact, reason: 'duplicate-phone', detail: `${phone.e164} is also ${first.name}'s number; it gets one message.` });
      continue;
    }
    seen.set(phone.e164, contact);
    const text = renderMessage(input.message, contact, { campaignName: input.campaignName, inboxName: input.inboxName });
    const sms = countSms(text);
    recipients.push({ contact, e164: phone.e164, text, segments: input.channel === 'sms' ? sms.segments : 0, encoding: sms.encoding });
  }
  return { matched: matched.length, recipients, skipped, totalSegments: recipients.reduce((n, r) => n + r.segments, 0) };
}

/**
 * Fills `{{ contact.name }}`-style variables for one contact, as Chatwoot's Liquid does: an
 * unknown or empty variable becomes nothing.
 *
 * @example renderMessage('Hi {{ contact.first_name }}!', contact) // 'Hi Ana!'
 */
export function renderMessage(body: string, contact: Contact, extra: { campaignName?: string | undefined; inboxName?: string | undefined } = {}): string {
  const [first = '', ...rest] = contact.name.split(' ');
  const values: Record<string, string> = {
    'contact.name': contact.name,
    'contact.first_name': first,
    'contact.last_name': rest.join(' '),
    'contact.email': contact.email,
    'contact.phone_number': contact.phone ?? '',
    'contact.company': contact.company,
    'contact.city': contact.city,
    'contact.country': contact.country,
    'campaign.name': extra.campaignName ?? '',
    'inbox.name': extra.inboxName ?? '',
  };
  return body.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Emma', 'Farah', 'Gustav', 'Hiro', 'Inès', 'Jonas', 'Kwame', 'Lena', 'Mateo', 'Nora', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoë'];
const LAST = ['Silva', 'Becker', 'Martin', 'Ivanov', 'Walsh', 'Haddad', 'Lind', 'Tanaka', 'Moreau', 'Keller', 'Mensah', 'Vogel', 'García', 'Byrne', 'Nyström', 'Sharma', 'Park', 'Costa', 'Berg', 'Ruiz'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark Industries', 'Wayne Enterprises'];
/** Labels the sample workspace uses, most common first. */
export const SAMPLE_LABELS = ['newsletter', 'trial', 'enterprise', 'status-page-subscriber', 'vip', 'churn-risk', 'beta'] as const;
const LABEL_ODDS = [0.45, 0.25, 0.2, 0.15, 0.08, 0.1, 0.06];
const PLACES: { city: string; country: string; phone: (r: () => number) => string }[] = [
  { city: 'San Francisco', country: 'US', phone: (r) => `+1 415 555 ${digits(r, 4, '2')}` },
  { city: 'New York', country: 'US', phone: (r) => `+1 (212) 555-${digits(r, 4, '2')}` },
  { city: 'London', country: 'GB', phone: (r) => `+44 20 7946 0${digits(r, 3)}` },
  { city: 'Paris', country: 'FR', phone: (r) => `+33 6 ${digits(r, 2, '1')} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}` },
  { city: 'Berlin', country: 'DE', phone: (r) => `+49 151 ${digits(r, 8, '2')}` },
  { city: 'São Paulo', country: 'BR', phone: (r) => `+55 11 9${digits(r, 4, '6')}-${digits(r, 4)}` },
  { city: 'Mumbai', country: 'IN', phone: (r) => `+91 98${digits(r, 8)}` },
];
const BROKEN = ['+1 555', '12345', '+44 12', '0151 2345678', '+49 000 1', 'call me'];

function digits(r: () => number, n: number, first?: string): string {
  let s = first ?? '';
  while (s.length < n) s += String(Math.floor(r() * 10));
  return s;
}

/**
 * A reproducible sample of contacts for audience previews: names, labels, and phone numbers
 * that are mostly valid, some missing (about 1 in 9) and some malformed (about 1 in 14).
 */
export function generateContacts({ seed = 1, count = 240 }: { seed?: number; count?: number } = {}): Contact[] {
  const r = seededRandom(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const out: Contact[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const place = pick(PLACES);
    const roll = r();
    const phone = roll < 0.11 ? null : roll < 0.18 ? pick(BROKEN) : place.phone(r);
    const labels = SAMPLE_LABELS.filter((_, j) => r() < LABEL_ODDS[j]!);
    const company = pick(COMPANIES);
    const email = `${name.toLowerCase().normalize('NFKD').replace(/[^a-z ]/g, '').replace(' ', '.')}@${company.toLowerCase().replace(/\s+/g, '')}.example`;
    out.push({ id: `contact-${i + 1}`, name, email, phone, labels, company, city: place.city, country: place.country });
  }
  return out;
}
