import { useMemo, useState } from 'react';
import { generateVisitStream, NOT_SHOWN_REASONS, REASON_LABELS, simulateVisits, siteFromPatterns, type CampaignTally, type CampaignVerdict, type LiveChatCampaign, type ShowEvent, type VisitResult } from '../../src-shared/campaigns/index';
import { plural } from '../ui/format';
import { ChatIcon, CheckCircleIcon, CloseIcon, SparkIcon, XCircleIcon } from '../ui/icons';
import { Segmented } from './form-controls';
import { useWorkspace, type WorkspaceView } from './use-workspace';
import { resolveInbox } from './workspace-choices';

type Filter = 'all' | 'shown' | 'not-shown';
const PAGE = 40;

const OUTCOME: Record<ShowEvent['outcome'], string> = { ignores: 'ignored it', dismisses: 'dismissed it', reads: 'clicked it: conversation started', replies: 'replied: conversation started', left: 'left the page', replaced: 'replaced by another campaign' };

/** Runs a seeded stream of synthetic visits against the enabled live-chat campaigns and shows what each visitor would have seen. */
export function SimulationPanel({ campaigns, onClose }: { campaigns: LiveChatCampaign[]; onClose: () => void }) {
  const [seed, setSeed] = useState(1);
  const [visitors, setVisitors] = useState(40);
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  const [start] = useState(() => new Date());
  const workspace = useWorkspace();
  const account = workspace.mode === 'chatwoot' ? workspace.choices : null;
  const result = useMemo(() => {
    const stream = generateVisitStream({ seed, visitors, start, days: 7, ...siteFromPatterns(campaigns.map((c) => c.urlPattern)) });
    // Chatwoot decides business hours with the inbox's working hours, so the simulation does too.
    return simulateVisits(campaigns, stream, { hoursOf: (c) => (account ? resolveInbox(account, c.inboxId)?.hours : undefined) });
  }, [campaigns, seed, visitors, start, account]);
  const visits = result.visits.filter((v) => filter === 'all' || (filter === 'shown') === v.shows.length > 0);
  const withShow = result.visits.filter((v) => v.shows.length > 0).length;

  return (
    <section className="sim" aria-label="Visit simulation" data-testid="simulation-panel">
      <header className="sim__header">
        <span className="sim__icon" aria-hidden="true">
          <SparkIcon size={18} />
        </span>
        <div className="sim__titles">
          <h2 className="sim__title">Visit simulation</h2>
          <p className="muted" data-testid="simulation-summary">
            {plural(result.visits.length, 'visit')} by {plural(visitors, 'synthetic visitor')} over the next 7 days, against {plural(campaigns.length, 'enabled campaign')}: {withShow} saw a message.
          </p>
        </div>
        <div className="sim__controls">
          <label className="sim__control">
            <span>Visitors</span>
            <select className="input" value={visitors} onChange={(e) => setVisitors(Number(e.target.value))}>
              {[20, 40, 80, 160].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="sim__control">
            <span>Seed</span>
            <input className="input sim__seed" type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value) || 0)} data-testid="simulation-seed" />
          </label>
          <button type="button" className="button button--small" onClick={() => setSeed((s) => s + 1)}>
            New sample
          </button>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close simulation">
            <CloseIcon />
          </button>
        </div>
      </header>
      {campaigns.length === 0 ? (
        <p className="sim__empty">Enable a live-chat campaign to see who it would reach.</p>
      ) : (
        <>
          <div className="sim__tallies">
            {result.campaigns.map((t) => (
              <Tally key={t.campaignId} tally={t} visits={result.visits.length} />
            ))}
          </div>
          <div className="sim__table-head">
            <Segmented<Filter>
              label="Show visits"
              value={filter}
              options={[
                ['all', `All visits (${result.visits.length})`],
                ['shown', `With a message (${withShow})`],
                ['not-shown', `Without (${result.visits.length - withShow})`],
              ]}
              onChange={(f) => {
                setFilter(f);
                setLimit(PAGE);
              }}
            />
            <p className="muted sim__legend" data-testid="simulation-hours-source">
              Times are on each visitor’s own clock. {hoursSource(workspace, campaigns)}
            </p>
          </div>
          <div className="sim__table-wrap">
            <table className="sim__table" data-testid="simulation-table">
              <thead>
                <tr>
                  <th>Visit</th>
                  <th>Pages</th>
                  {campaigns.map((c) => (
                    <th key={c.id}>{c.title}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {visits.slice(0, limit).map((v) => (
                  <VisitRow key={v.visit.id} result={v} campaigns={campaigns} />
                ))}
              </tbody>
            </table>
          </div>
          {visits.length > limit && (
            <button type="button" className="button button--small sim__more" onClick={() => setLimit((l) => l + PAGE * 2)}>
              Show {Math.min(PAGE * 2, visits.length - limit)} more of {visits.length - limit}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** Where the business hours of the simulation come from, and what is assumed while they cannot be read. */
function hoursSource(view: WorkspaceView, campaigns: readonly LiveChatCampaign[]): string {
  const limited = campaigns.filter((c) => c.businessHoursOnly);
  if (limited.length === 0) return 'No campaign is limited to business hours.';
  if (view.mode !== 'chatwoot') return 'Business hours are each campaign’s own, on their timezone’s clock.';
  if (!view.choices) {
    const failed = view.entry?.status === 'error';
    return `${failed ? 'The inboxes’ working hours could not be loaded from Chatwoot' : 'The inboxes’ working hours are still loading from Chatwoot'}: business hours are each campaign’s stored ones until they ${failed ? 'can be read' : 'arrive'}.`;
  }
  const choices = view.choices;
  const parts = [...new Set(limited.map((c) => c.inboxId))].map((ref) => {
    const inbox = resolveInbox(choices, ref);
    if (!inbox?.hours) return `${inbox?.name ?? ref}: no working hours from Chatwoot, the campaign’s stored ones`;
    return inbox.hours.enabled ? `${inbox.name}: ${inbox.hours.timezone}` : `${inbox.name}: working hours off, shows any time`;
  });
  return `Business hours are each inbox’s working hours in Chatwoot, on the inbox’s clock (${parts.join('; ')}).`;
}

function Tally({ tally, visits }: { tally: CampaignTally; visits: number }) {
  const reasons = NOT_SHOWN_REASONS.filter((r) => tally.notShown[r]).sort((a, b) => (tally.notShown[b] ?? 0) - (tally.notShown[a] ?? 0));
  const pct = (n: number) => `${(n / Math.max(1, visits)) * 100}%`;
  return (
    <article className="tally" data-testid="simulation-tally">
      <h3 className="tally__title">{tally.title}</h3>
      <p className="tally__headline">
        <strong>{tally.visitsReached}</strong> of {visits} visits <span className="muted">· {plural(tally.visitorsReached, 'visitor')} · shown {plural(tally.shows, 'time')}</span>
      </p>
      <div className="tally__bar" aria-hidden="true">
        <span className="tally__seg tally__seg--shown" style={{ width: pct(tally.visitsReached) }} />
        {reasons.map((r) => (
          <span key={r} className={`tally__seg tally__seg--${r}`} style={{ width: pct(tally.notShown[r] ?? 0) }} />
        ))}
      </div>
      <ul className="tally__reasons">
        {reasons.slice(0, 4).map((r) => (
          <li key={r}>
            <span className={`tally__swatch tally__seg--${r}`} />
            {REASON_LABELS[r]}
            <span className="tally__n">{tally.notShown[r]}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}

function VisitRow({ result, campaigns }: { result: VisitResult; campaigns: LiveChatCampaign[] }) {
  const { visit, visitor } = result;
  const at = new Date(visit.startsAt);
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: visitor.timezone, day: 'numeric', month: 'short' }).format(at);
  return (
    <tr data-testid="simulation-row">
      <td className="sim__visit">
        <span className="sim__visitor">
          {visitor.name}
          <span className="sim__meta">
            {String(visitor.attributes.country)} · {String(visitor.attributes.device)}
          </span>
        </span>
        <span className="sim__when">
          {result.localStart} {date} <span className="muted">{visitor.timezone.split('/').pop()?.replace(/_/g, ' ')}</span>
        </span>
        <span className="sim__badges">
          {result.visitNumber > 1 && <span className="mini-badge" data-tone="neutral">visit {result.visitNumber}</span>}
          {visitor.hasConversation && <span className="mini-badge" data-tone="danger">has a conversation</span>}
        </span>
      </td>
      <td className="sim__pages">
        {visit.pages.map((p, i) => (
          <span key={i} className="page-chip" title={p.url}>
            {new URL(p.url).pathname}
            <span className="page-chip__s">{p.seconds} s</span>
            {p.opensWidgetAfter !== undefined && (
              <span className="page-chip__widget" title={`Opened the chat after ${p.opensWidgetAfter} s`}>
                <ChatIcon size={11} />
              </span>
            )}
          </span>
        ))}
      </td>
      {campaigns.map((c) => (
        <td key={c.id}>
          <Verdict verdict={result.verdicts.find((v) => v.campaignId === c.id)} shows={result.shows.filter((s) => s.campaignId === c.id)} timezone={visitor.timezone} />
        </td>
      ))}
    </tr>
  );
}

function Verdict({ verdict, shows, timezone }: { verdict: CampaignVerdict | undefined; shows: ShowEvent[]; timezone: string }) {
  if (!verdict) return null;
  if (verdict.shown) {
    const first = shows[0];
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(verdict.at));
    return (
      <div className="verdict verdict--shown" data-testid="verdict-shown">
        <span className="verdict__head">
          <CheckCircleIcon size={14} />
          Shown {time}
          {verdict.times > 1 && ` ×${verdict.times}`}
        </span>
        <span className="verdict__detail">
          on {new URL(verdict.url).pathname}
          {first && `, ${OUTCOME[first.outcome]}`}
        </span>
      </div>
    );
  }
  return (
    <div className={`verdict verdict--${verdict.reason}`} title={verdict.detail} data-testid="verdict-not-shown">
      <span className="verdict__head">
        <XCircleIcon size={14} />
        {REASON_LABELS[verdict.reason]}
      </span>
      {verdict.reason !== 'no-url-match' && <span className="verdict__detail">{verdict.detail}</span>}
    </div>
  );
}
