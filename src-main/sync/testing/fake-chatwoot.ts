import { chatwootValidators } from './chatwoot-schemas';
import { startFakeHttp, type JsonReply, type RecordedRequest } from './fake-http';

export interface FakeInbox {
  id: number;
  name: string;
  channel_type: string;
  medium?: string;
  provider?: string;
  message_templates?: { name: string; language: string; status: string; category?: string; components: { type: string; text?: string }[] }[];
  /** Chatwoot sends these for every inbox (each inbox is created with a weekly schedule); `workingHours` fills them in. */
  working_hours_enabled?: boolean;
  working_hours?: FakeWorkingHour[];
  timezone?: string;
}

/** One row of an inbox's weekly schedule as Chatwoot's inbox list sends it (see chatwoot-contract.ts). */
export interface FakeWorkingHour {
  day_of_week: number;
  closed_all_day: boolean;
  open_hour: number | null;
  open_minutes: number | null;
  close_hour: number | null;
  close_minutes: number | null;
  open_all_day: boolean;
}

/**
 * A weekly schedule from "HH:MM-HH:MM", "all day" or "closed" per day, Sunday first as Chatwoot
 * numbers days. Missing days are closed. Open all day is stored as 00:00–23:59, as Chatwoot does.
 *
 * @example workingHours({ 1: '09:00-17:00', 6: 'all day' })
 */
export function workingHours(days: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, string>>): FakeWorkingHour[] {
  return [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const spec = days[day as 0] ?? 'closed';
    if (spec === 'closed') return { day_of_week: day, closed_all_day: true, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null, open_all_day: false };
    if (spec === 'all day') return { day_of_week: day, closed_all_day: false, open_hour: 0, open_minutes: 0, close_hour: 23, close_minutes: 59, open_all_day: true };
    const [oh, om, ch, cm] = spec.split(/[-:]/).map(Number);
    return { day_of_week: day, closed_all_day: false, open_hour: oh!, open_minutes: om!, close_hour: ch!, close_minutes: cm!, open_all_day: false };
  });
}

/** What a new Chatwoot inbox starts with: Monday to Friday 09:00–17:00, weekends closed, turned off. */
const CHATWOOT_DEFAULT_HOURS = { working_hours_enabled: false, working_hours: workingHours({ 1: '09:00-17:00', 2: '09:00-17:00', 3: '09:00-17:00', 4: '09:00-17:00', 5: '09:00-17:00' }), timezone: 'UTC' };

export interface FakeCampaign {
  display_id: number;
  title: string;
  description: string | null;
  message: string;
  inbox_id: number;
  sender_id: number | null;
  enabled: boolean;
  campaign_type: 'ongoing' | 'one_off';
  campaign_status: 'active' | 'processing' | 'completed';
  scheduled_at: number | null;
  audience: { type: string; id: number }[];
  trigger_rules: Record<string, unknown>;
  trigger_only_during_business_hours: boolean;
  template_params: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
}

export interface FakeAccount {
  id: number;
  name: string;
  apiAccess: boolean;
  inboxes: FakeInbox[];
  agents: { id: number; name: string; email: string; role: 'administrator' | 'agent' }[];
  labels: { id: number; title: string }[];
  campaigns: FakeCampaign[];
  nextDisplayId: number;
  /** Contacts as Chatwoot's contacts API returns them (15 a page); none unless a test adds some. */
  contacts?: Record<string, unknown>[];
}

export interface FakeUser {
  id: number;
  name: string;
  email: string;
  token: string;
  accounts: { id: number; role: 'administrator' | 'agent' }[];
}

const PERMITTED = ['title', 'description', 'message', 'enabled', 'trigger_only_during_business_hours', 'inbox_id', 'sender_id', 'scheduled_at', 'audience', 'trigger_rules', 'template_params'];
const INBOX_TYPES: Record<string, string> = { 'Channel::WebWidget': 'Website', 'Channel::Sms': 'Sms', 'Channel::TwilioSms': 'Twilio SMS', 'Channel::Whatsapp': 'Whatsapp', 'Channel::Api': 'API', 'Channel::Email': 'Email' };

/** A sample account: website, SMS, Twilio SMS, WhatsApp and API inboxes, two agents, a few labels. */
export function sampleAccount(id = 1): FakeAccount {
  return {
    id,
    name: 'Acme',
    apiAccess: true,
    inboxes: [
      {
        id: 1,
        name: 'Website',
        channel_type: 'Channel::WebWidget',
        working_hours_enabled: true,
        working_hours: workingHours({ 1: '08:00-18:00', 2: '08:00-18:00', 3: '08:00-18:00', 4: '08:00-18:00', 5: '08:00-18:00', 6: '10:00-14:00' }),
        timezone: 'Europe/Berlin',
      },
      { id: 2, name: 'Twilio SMS', channel_type: 'Channel::TwilioSms', medium: 'sms', ...CHATWOOT_DEFAULT_HOURS },
      { id: 3, name: 'Bandwidth SMS', channel_type: 'Channel::Sms', ...CHATWOOT_DEFAULT_HOURS },
      { id: 4, name: 'WhatsApp', channel_type: 'Channel::Whatsapp', provider: 'whatsapp_cloud', message_templates: [{ name: 'order_shipped', language: 'en', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello {{1}}, your order has shipped.' }] }], ...CHATWOOT_DEFAULT_HOURS },
      { id: 5, name: 'API', channel_type: 'Channel::Api', ...CHATWOOT_DEFAULT_HOURS },
    ],
    agents: [
      { id: 12, name: 'Mia from Sales', email: 'mia@acme.example', role: 'administrator' },
      { id: 13, name: 'Sam', email: 'sam@acme.example', role: 'agent' },
    ],
    labels: [
      { id: 5, title: 'enterprise' },
      { id: 6, title: 'status-page-subscriber' },
      { id: 7, title: 'newsletter' },
    ],
    campaigns: [],
    nextDisplayId: 1,
  };
}

/**
 * A Chatwoot server that answers as Chatwoot's campaigns controller and model do (see
 * chatwoot-contract.ts for the version): `api_access_token` auth, administrators only, display ids, campaign_type derived
 * from the inbox, scheduled_at accepted as ISO and returned as Unix seconds, 422
 * `{message, attributes}`, no 404 handler for unknown ids, delete answering 200 with nothing.
 * Every create/update body is also checked against Chatwoot's OpenAPI request schema; the
 * violations are collected in `schemaViolations` for tests to assert on.
 */
export async function startFakeChatwoot(init: { accounts?: FakeAccount[]; users?: FakeUser[]; unknownIdStatus?: number } = {}) {
  const accounts = init.accounts ?? [sampleAccount(1)];
  const users = init.users ?? [{ id: 1, name: 'Ada Admin', email: 'ada@acme.example', token: 'admin-token', accounts: [{ id: 1, role: 'administrator' as const }] }];
  const schemaViolations: string[] = [];
  const validators = chatwootValidators();
  let tick = Date.parse('2030-01-01T00:00:00Z');
  const stamp = () => new Date((tick += 1000)).toISOString();
  const json = (status: number, body?: unknown): JsonReply => ({ status, body });
  const unauthorized = (error: string) => json(401, { error });

  const resource = (a: FakeAccount, c: FakeCampaign) => {
    const inbox = a.inboxes.find((i) => i.id === c.inbox_id);
    const sender = a.agents.find((g) => g.id === c.sender_id);
    return {
      id: c.display_id,
      title: c.title,
      description: c.description,
      account_id: a.id,
      inbox: inbox ? { id: inbox.id, name: inbox.name, channel_type: inbox.channel_type } : {},
      sender: sender ? { id: sender.id, name: sender.name, email: sender.email } : {},
      message: c.message,
      template_params: c.template_params,
      campaign_status: c.campaign_status,
      campaign_type: c.campaign_type,
      enabled: c.enabled,
      ...(c.campaign_type === 'one_off' ? { scheduled_at: c.scheduled_at ?? 0, audience: c.audience } : {}),
      trigger_rules: c.trigger_rules,
      trigger_only_during_business_hours: c.trigger_only_during_business_hours,
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  };

  function validate(a: FakeAccount, c: FakeCampaign): { message: string; attributes: string[] } | null {
    const errors: [string, string][] = [];
    if (!c.title?.trim()) errors.push(['title', "Title can't be blank"]);
    if (!c.message?.trim()) errors.push(['message', "Message can't be blank"]);
    const inbox = a.inboxes.find((i) => i.id === c.inbox_id);
    if (!inbox) errors.push(['inbox', 'Inbox must exist']);
    else if (!['Website', 'Twilio SMS', 'Sms', 'Whatsapp'].includes(inboxType(inbox))) errors.push(['inbox', 'Inbox Unsupported Inbox type']);
    // Chatwoot checks the URL only when one is given: a website campaign without one is accepted.
    if (inbox && inboxType(inbox) === 'Website' && c.trigger_rules.url !== undefined && !/^https?:\/\//.test(String(c.trigger_rules.url))) errors.push(['url', 'Url invalid']);
    if (c.sender_id !== null && !a.agents.some((g) => g.id === c.sender_id)) errors.push(['sender', 'Sender must exist']);
    return errors.length ? { message: errors.map((e) => e[1]).join(', '), attributes: errors.map((e) => e[0]) } : null;
  }

  function apply(c: FakeCampaign, input: Record<string, unknown>) {
    for (const key of PERMITTED) {
      if (!(key in input)) continue;
      const v = input[key];
      if (key === 'scheduled_at') c.scheduled_at = typeof v === 'string' ? Math.floor(Date.parse(v) / 1000) : null;
      else (c as unknown as Record<string, unknown>)[key] = v;
    }
  }

  /** What Chatwoot calls the inbox's type: a Twilio inbox is "Twilio SMS" or "Whatsapp" by its medium. */
  function inboxType(inbox: FakeInbox): string {
    if (inbox.channel_type === 'Channel::TwilioSms') return (inbox.medium ?? 'sms') === 'sms' ? 'Twilio SMS' : 'Whatsapp';
    return INBOX_TYPES[inbox.channel_type] ?? '';
  }
  /** Chatwoot derives the type from the inbox before every save, create and update alike. */
  function deriveType(a: FakeAccount, c: FakeCampaign) {
    const inbox = a.inboxes.find((i) => i.id === c.inbox_id);
    if (!inbox) return;
    if (['Twilio SMS', 'Sms', 'Whatsapp'].includes(inboxType(inbox))) {
      c.campaign_type = 'one_off';
      c.scheduled_at ??= Math.floor(tick / 1000);
    } else {
      c.campaign_type = 'ongoing';
      c.scheduled_at = null;
    }
  }

  async function route(req: RecordedRequest): Promise<JsonReply> {
    const url = new URL(req.path, 'http://x');
    const user = users.find((u) => u.token === req.headers.api_access_token);
    if (!user) return unauthorized('Invalid Access Token');
    if (url.pathname === '/api/v1/profile') {
      return json(200, { id: user.id, name: user.name, email: user.email, accounts: user.accounts.map((m) => ({ id: m.id, name: accounts.find((a) => a.id === m.id)?.name, role: m.role })) });
    }
    const m = /^\/api\/v1\/accounts\/(\d+)\/(campaigns|inboxes|agents|labels|contacts)(?:\/(\d+))?$/.exec(url.pathname);
    if (!m) return json(404, { error: 'Not Found' });
    const account = accounts.find((a) => a.id === Number(m[1]));
    const membership = user.accounts.find((x) => x.id === Number(m[1]));
    // The account is looked up before the membership: an unknown one is a 404.
    if (!account) return json(404, { error: 'Resource could not be found' });
    if (!membership) return unauthorized('You are not authorized to access this account');
    if (m[2] === 'inboxes') {
      // What the fake answers is held to the contract too, so a test's own inbox cannot drift from Chatwoot's shape.
      const payload = { payload: account.inboxes };
      schemaViolations.push(...validators.check(validators.inboxList, payload).map((v) => `GET inboxes: ${v}`));
      return json(200, payload);
    }
    if (m[2] === 'agents') return json(200, account.agents);
    if (m[2] === 'labels') return json(200, { payload: account.labels });
    if (m[2] === 'contacts') {
      const all = account.contacts ?? [];
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      return json(200, { meta: { count: all.length, current_page: String(page) }, payload: all.slice((page - 1) * 15, page * 15) });
    }
    if (membership.role !== 'administrator') return unauthorized('You are not authorized to do this action');
    if (!account.apiAccess) return json(403, { error: 'API access is disabled for this account' });

    const id = m[3] === undefined ? undefined : Number(m[3]);
    if (id === undefined) {
      if (req.method === 'GET') return json(200, account.campaigns.map((c) => resource(account, c)));
      if (req.method !== 'POST') return json(404, { error: 'Not Found' });
      const violations = validators.check(validators.create, req.body);
      schemaViolations.push(...violations.map((v) => `POST ${req.path}: ${v}`));
      const input = unwrap(req.body);
      if (!input) return json(422, { error: 'param is missing or the value is empty: campaign' });
      const now = stamp();
      const c: FakeCampaign = { display_id: account.nextDisplayId, title: '', description: null, message: '', inbox_id: 0, sender_id: null, enabled: true, campaign_type: 'ongoing', campaign_status: 'active', scheduled_at: null, audience: [], trigger_rules: {}, trigger_only_during_business_hours: false, template_params: null, created_at: now, updated_at: now };
      apply(c, input);
      deriveType(account, c);
      const invalid = validate(account, c);
      if (invalid) return json(422, invalid);
      account.nextDisplayId++;
      account.campaigns.push(c);
      return json(200, resource(account, c));
    }
    const c = account.campaigns.find((x) => x.display_id === id);
    if (!c) return json(init.unknownIdStatus ?? 500, init.unknownIdStatus === 404 ? { error: 'Resource could not be found' } : { error: 'Internal Server Error' });
    if (req.method === 'GET') return json(200, resource(account, c));
    if (req.method === 'DELETE') {
      account.campaigns.splice(account.campaigns.indexOf(c), 1);
      return json(200);
    }
    if (req.method === 'PATCH' || req.method === 'PUT') {
      const violations = validators.check(validators.update, req.body);
      schemaViolations.push(...violations.map((v) => `${req.method} ${req.path}: ${v}`));
      const input = unwrap(req.body);
      if (!input) return json(422, { error: 'param is missing or the value is empty: campaign' });
      // The model's own validation, as Chatwoot words it: the attribute name, then the message.
      if (c.campaign_status === 'completed') return json(422, { message: 'Status The campaign is already completed', attributes: ['status'] });
      const next = { ...c };
      apply(next, input);
      deriveType(account, next);
      const invalid = validate(account, next);
      if (invalid) return json(422, invalid);
      Object.assign(c, next, { updated_at: stamp() });
      return json(200, resource(account, c));
    }
    return json(404, { error: 'Not Found' });
  }

  const server = await startFakeHttp(route);
  const account = (id = 1) => {
    const a = accounts.find((x) => x.id === id);
    if (!a) throw new Error(`no account ${id}`);
    return a;
  };
  return {
    ...server,
    accounts,
    users,
    schemaViolations,
    account,
    /** The account's campaigns tagged for a flow: more than one is a duplicate. */
    campaignsOf: (flowId: string, accountId = 1) => account(accountId).campaigns.filter((c) => (c.description ?? '').endsWith(`[cs:${flowId}]`)),
    /** Someone edits the campaign in Chatwoot's UI. */
    editInChatwoot(displayId: number, patch: Partial<FakeCampaign>, accountId = 1) {
      const c = account(accountId).campaigns.find((x) => x.display_id === displayId);
      if (!c) throw new Error(`no campaign ${displayId}`);
      Object.assign(c, patch, { updated_at: stamp() });
    },
    /** The scheduler sent a one-off campaign. */
    markSent(displayId: number, accountId = 1) {
      const c = account(accountId).campaigns.find((x) => x.display_id === displayId);
      if (!c) throw new Error(`no campaign ${displayId}`);
      c.campaign_status = 'completed';
    },
  };
}

export type FakeChatwoot = Awaited<ReturnType<typeof startFakeChatwoot>>;

function unwrap(body: unknown): Record<string, unknown> | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  const inner = 'campaign' in b ? b.campaign : b;
  return inner && typeof inner === 'object' && !Array.isArray(inner) && Object.keys(inner).length ? (inner as Record<string, unknown>) : null;
}
