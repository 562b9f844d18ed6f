import { generateContacts, type Contact, type OneOffChannel } from '../../src-shared/campaigns/index';

/** An inbox of the connected workspace. Until sync exists these are the sample workspace's. */
export interface Inbox {
  id: string;
  name: string;
  type: 'website' | OneOffChannel;
  detail: string;
}

export const INBOXES: readonly Inbox[] = [
  { id: 'website', name: 'Website', type: 'website', detail: 'www.example.com widget' },
  { id: 'help-center', name: 'Help center', type: 'website', detail: 'help.example.com widget' },
  { id: 'twilio-sms', name: 'Twilio SMS', type: 'sms', detail: '+1 415 555 0100' },
  { id: 'whatsapp', name: 'WhatsApp Business', type: 'whatsapp', detail: '+44 20 7946 0100' },
  { id: 'api', name: 'API inbox', type: 'api', detail: 'Delivered by your backend' },
];

export interface Agent {
  id: string;
  name: string;
  role: string;
}

export const AGENTS: readonly Agent[] = [
  { id: '12', name: 'Mia from Sales', role: 'Sales' },
  { id: '7', name: 'Jonas Keller', role: 'Support' },
  { id: '31', name: 'Priya Sharma', role: 'Customer success' },
];

export const inboxById = (id: string): Inbox | undefined => INBOXES.find((inbox) => inbox.id === id);
export const inboxName = (id: string): string => inboxById(id)?.name ?? (id || 'No inbox');
export const CHANNEL_NAMES: Record<OneOffChannel, string> = { sms: 'SMS', whatsapp: 'WhatsApp', api: 'API' };

/** The timezone of this computer, the natural default for a new campaign. */
export function localTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let zones: string[] | null = null;
/** Every IANA timezone the runtime knows, UTC first. */
export function allTimezones(): string[] {
  if (!zones) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
    zones = intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')] : ['UTC'];
  }
  return zones;
}

/** "Tue 1 Dec 2026, 09:00" for a wall-clock "2026-12-01T09:00". */
export function formatLocal(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return local || 'Not set';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  return `${day}, ${m[4]}:${m[5]}`;
}

let contacts: Contact[] | null = null;
/** The sample workspace's contacts (seeded, so every run shows the same people). */
export function sampleContacts(): Contact[] {
  contacts ??= generateContacts({ seed: 2026, count: 240 });
  return contacts;
}
