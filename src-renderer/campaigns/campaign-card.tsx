import { useState, type ReactNode } from 'react';
import { describeBusinessHours, messageExcerpt, previewAudience, type LiveChatCampaign, type OneOffCampaign } from '../../src-shared/campaigns/index';
import { zonedLocalToInstant } from '../../src-shared/time/zoned';
import type { FlowRecord } from '../db/schema';
import { selectBackends } from '../sync/backends-store';
import { useBackends, useSyncHost, useSyncLoop } from '../sync/sync-context';
import { useFlowSync } from '../sync/use-flow-sync';
import { BotIcon, CalendarIcon, ClockIcon, InboxIcon, LinkIcon, PencilIcon, TrashIcon, UsersIcon } from '../ui/icons';
import { liveChatTruth, oneOffTruth, type CardTruth } from './campaign-truth';
import { usePlacements } from './use-placements';
import { Switch } from './form-controls';
import { RichMessage } from './rich-message';
import { useInboxName, useWorkspace } from './use-workspace';
import { CHANNEL_NAMES, formatLocal, sampleContacts } from './workspace';

interface CardActions {
  onEdit?: (() => void) | undefined;
  editDisabledReason?: string | undefined;
  onToggle: (enabled: boolean) => void;
  toggleTitle?: string;
  /** What the switch's two states mean for this kind ("Enabled" / "Disabled" by default). */
  toggleText?: readonly [on: string, off: string];
  /** Shown instead of the footer while a switch-off waits for confirmation. */
  pending?: ReactNode;
  onDelete: () => void;
}

function CardShell({ title, truth, enabled, message, details, actions, kind }: { title: string; truth: CardTruth; enabled: boolean; message: string; details: ReactNode; actions: CardActions; kind: string }) {
  const status = truth.status;
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={`ccard ccard--${kind}${enabled ? '' : ' ccard--off'}`} data-testid="campaign-card" data-title={title}>
      <header className="ccard__header">
        <h3 className="ccard__title">{title || 'Untitled campaign'}</h3>
        <span className={`status${status.busy ? ' status--busy' : ''}`} data-tone={status.tone} data-testid="campaign-status">
          <span className="status__dot" aria-hidden="true" />
          {status.text}
        </span>
      </header>
      <div className="ccard__message" title={message}>
        <div className="ccard__clamp rich">{message.trim() ? <RichMessage text={messageExcerpt(message, 160)} /> : <span className="muted">No message yet</span>}</div>
      </div>
      <ul className="ccard__details">{details}</ul>
      <ul className="ccard__where" data-testid="campaign-where" aria-label="Where it is published">
        {truth.where.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <footer className="ccard__footer">
        {actions.pending ? (
          actions.pending
        ) : confirming ? (
          <div className="ccard__confirm" role="alertdialog" aria-label={`Delete ${title}?`}>
            <span>Delete this campaign? This cannot be undone.</span>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Keep
            </button>
            <button type="button" className="button button--small button--danger" onClick={actions.onDelete} data-testid="confirm-delete">
              Delete
            </button>
          </div>
        ) : (
          <>
            <label className="ccard__toggle" title={actions.toggleTitle}>
              <Switch hideLabel label={enabled ? `Disable ${title}` : `Enable ${title}`} checked={enabled} onChange={actions.onToggle} title={actions.toggleTitle} />
              <span>{enabled ? (actions.toggleText?.[0] ?? 'Enabled') : (actions.toggleText?.[1] ?? 'Disabled')}</span>
            </label>
            <div className="ccard__actions">
              <button type="button" className="button button--small" onClick={actions.onEdit} disabled={!actions.onEdit} title={actions.editDisabledReason ?? `Edit ${title}`} aria-label={`Edit ${title}`}>
                <PencilIcon size={14} />
                Edit
              </button>
              <button type="button" className="icon-button" onClick={() => setConfirming(true)} aria-label={`Delete ${title}`} title="Delete">
                <TrashIcon />
              </button>
            </div>
          </>
        )}
      </footer>
    </li>
  );
}

/** The card's truth with what a publish under way or stuck says, first. */
const withLines = (t: CardTruth, lines: string[]): CardTruth => (lines.length ? { ...t, where: [...lines, ...t.where.filter((l) => !l.startsWith('Not published'))] } : t);

function Detail({ icon, children, mono }: { icon: ReactNode; children: ReactNode; mono?: boolean }) {
  return (
    <li className={`ccard__detail${mono ? ' ccard__detail--mono' : ''}`}>
      {icon}
      <span>{children}</span>
    </li>
  );
}

const FREQUENCY: Record<LiveChatCampaign['frequency']['type'], string> = { once: 'once per visitor', every_time: 'every visit until they reply', once_per_interval: 'at most once per interval' };

export function LiveChatCard({ record, form, actions }: { record: FlowRecord; form: LiveChatCampaign; actions: CardActions }) {
  const { placements, publishing } = usePlacements(record);
  const sender = form.sender.type === 'agent' ? (form.sender.name ?? 'Agent') : 'Bot';
  const inboxName = useInboxName();
  return (
    <CardShell
      kind="live-chat"
      title={form.title}
      enabled={form.enabled}
      truth={withLines(liveChatTruth(form, placements), publishing)}
      message={form.message}
      actions={actions}
      details={
        <>
          <Detail icon={<LinkIcon size={14} />} mono>
            {form.urlPattern || 'No URL pattern'}
          </Detail>
          <Detail icon={<ClockIcon size={14} />}>
            After {form.timeOnPage} s on the page{form.businessHoursOnly ? `, ${describeBusinessHours(form.businessHours)} only` : ''} · {FREQUENCY[form.frequency.type]}
          </Detail>
          <Detail icon={<BotIcon size={14} />}>
            {sender}
            {form.sender.type === 'agent' ? ' (agent)' : ''} · {inboxName(form.inboxId)}
            {form.conditions.rules.length > 0 && ` · ${form.conditions.rules.length} visitor condition${form.conditions.rules.length > 1 ? 's' : ''}`}
          </Detail>
        </>
      }
    />
  );
}

/**
 * A one-off's switch says what really happens (#13.14, #14.12): Chatwoot sends a one-off
 * whatever `enabled` says, so switching off one that is published there deletes it there, after
 * the user confirms, or says it cannot be stopped; one not published yet is just held back.
 */
function useOneOffStop(record: FlowRecord, form: OneOffCampaign, onToggle: (enabled: boolean) => void) {
  const views = useFlowSync(record.id, record.document);
  const backends = useBackends(selectBackends);
  const host = useSyncHost();
  const loop = useSyncLoop();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const published = (views ?? []).filter((v) => v.backend && v.record?.remoteId && backends?.find((b) => b.name === v.backend)?.connection.type === 'chatwoot');
  const toggle = (enabled: boolean) => {
    setFailure(null);
    if (!enabled && published.length) setAsking(true);
    else onToggle(enabled);
  };
  const stop = async () => {
    setBusy(true);
    try {
      for (const v of published) {
        const r = await host.sync.unpublish({ backend: v.backend!, remoteId: v.record!.remoteId! });
        if (!r.ok) {
          setFailure(r.error.kind === 'locked' ? `${r.error.message} Chatwoot will not take it back.` : `Not stopped: ${r.error.message}`);
          return;
        }
        await loop.unlink(record.id, v.backend!);
      }
      setAsking(false);
      onToggle(false);
    } finally {
      setBusy(false);
    }
  };
  const where = published.map((v) => `campaign ${v.record!.remoteId} on “${v.backend}”`).join(', ');
  const pending = asking ? (
    <div className="ccard__confirm" role="alertdialog" aria-label={`Stop ${form.title}?`} data-testid="stop-one-off">
      <span>{failure ?? `Chatwoot sends a one-off even when it is disabled. To stop it, ${where} is deleted in Chatwoot.`}</span>
      <button type="button" className="button button--small" onClick={() => setAsking(false)}>
        {failure ? 'Close' : 'Keep it scheduled'}
      </button>
      {!failure && (
        <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => void stop()} data-testid="confirm-stop">
          {busy ? 'Deleting…' : 'Delete in Chatwoot'}
        </button>
      )}
    </div>
  ) : undefined;
  return { toggle, pending, published: published.length > 0 };
}

export function OneOffCard({ record, form, now, actions }: { record: FlowRecord; form: OneOffCampaign; now: Date; actions: Omit<CardActions, 'editDisabledReason'> }) {
  const { placements, publishing } = usePlacements(record);
  // The status is what the backend says, never the local clock (#15): an unpublished one-off is not "Processing".
  const truth = withLines(oneOffTruth(form, record.document.campaign.status === 'draft', placements), publishing);
  const stopper = useOneOffStop(record, form, actions.onToggle);
  const at = zonedLocalToInstant(form.scheduledAt, form.timezone);
  const late = placements.length === 0 && !form.completed && at !== null && at.getTime() < now.getTime();
  const { mode } = useWorkspace();
  const inboxName = useInboxName();
  // Recipients can be estimated only against the sample workspace's contacts.
  const recipients = mode === 'sample' ? previewAudience({ labels: form.labels, message: form.message, channel: form.channel }, sampleContacts()).recipients.length : null;
  const editable = truth.editable;
  return (
    <CardShell
      kind="one-off"
      title={form.title}
      enabled={form.enabled}
      truth={truth}
      message={form.message}
      actions={{
        ...actions,
        onEdit: editable ? actions.onEdit : undefined,
        editDisabledReason: editable ? undefined : truth.editReason,
        onToggle: stopper.toggle,
        toggleText: [truth.status.text === 'Sent' || truth.status.text === 'Being sent' ? truth.status.text : 'Will be sent', stopper.published ? 'Stopped' : 'Held back, not published'],
        toggleTitle: stopper.published ? 'Switching off deletes it in Chatwoot (Chatwoot sends disabled one-offs anyway)' : 'Held back: it is not published, so Chatwoot does not have it',
        pending: stopper.pending,
      }}
      details={
        <>
          <Detail icon={<CalendarIcon size={14} />}>
            {formatLocal(form.scheduledAt)} <span className="muted">{form.timezone}</span>
            {late && <span className="warning-text"> · this time has passed: edit it to schedule the campaign</span>}
          </Detail>
          <Detail icon={<InboxIcon size={14} />}>
            {inboxName(form.inboxId)} · {CHANNEL_NAMES[form.channel]}
          </Detail>
          <Detail icon={<UsersIcon size={14} />}>
            {form.labels.length ? form.labels.join(', ') : 'No labels'}
            {recipients !== null && ` · ≈ ${recipients} recipient${recipients === 1 ? '' : 's'}`}
          </Detail>
        </>
      }
    />
  );
}
