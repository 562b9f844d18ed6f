import type { FlowDocument } from '../../src-shared/flow/index';

type CampaignKind = FlowDocument['campaign']['kind'];

export const kindLabels: Record<CampaignKind, string> = {
  workflow: 'Workflow',
  'live-chat': 'Live chat',
  'one-off': 'One-off',
};

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday": how long ago `then` was, seen from `now`. */
export function formatRelativeTime(then: number, now: number, locale = 'en'): string {
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'minute') return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** "1 node", "12 nodes". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

let counts: Intl.NumberFormat | null = null;
/**
 * 12,345, as `Intl.NumberFormat('en-US')` writes it. Whole numbers are grouped here: making
 * the first Intl number format loads ICU's locale data, ~20 ms of the main thread, which
 * opening any flow paid for its step count in the top bar. Other numbers go to one formatter
 * for all (`toLocaleString` builds one per call, slow over thousands of badges).
 */
export const formatCount = (n: number): string => {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return (counts ??= new Intl.NumberFormat('en-US')).format(n);
  const digits = String(n < 0 ? -n : n);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
};

/** A safe file name for an exported flow: "Spring sale!" -> "spring-sale.json". */
export function exportFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'flow'}.json`;
}
