import { useState } from 'react';
import { liveChatToFlow, oneOffToFlow } from '../../src-shared/campaigns/index';
import { db } from '../db/db';
import { flowRepository } from '../db/flow-repository';
import { purgeDeletedFlowSync } from '../db/sync-purge';
import { selectNotify, useAppStore } from '../state/app-store';
import { AppHeader } from '../ui/app-nav';
import { AppVersion } from '../ui/app-version';
import { PlayIcon, PlusIcon } from '../ui/icons';
import { useNow } from '../ui/use-now';
import { navigate, type CampaignTab } from '../ui/use-route';
import '../styles/campaigns.css';
import { LiveChatCard, OneOffCard } from './campaign-card';
import { CampaignEmptyState } from './campaign-empty-state';
import { LiveChatEditor } from './live-chat-editor';
import { OneOffEditor } from './one-off-editor';
import { SimulationPanel } from './simulation-panel';
import { useCampaigns, type Campaigns } from './use-campaigns';

/** Live-chat and one-off campaigns as marketers know them, stored as flows. */
export function CampaignsScreen({ tab, edit }: { tab: CampaignTab; edit?: string | undefined }) {
  const campaigns = useCampaigns();
  return (
    <div className="screen">
      <AppHeader current="campaigns" />
      <main className="campaigns">
        {campaigns === undefined ? (
          <p className="muted campaigns__loading" role="status" data-testid="campaigns-loading">
            Loading campaigns…
          </p>
        ) : edit ? (
          <Editor tab={tab} edit={edit} campaigns={campaigns} />
        ) : (
          <CampaignList tab={tab} campaigns={campaigns} />
        )}
      </main>
      <footer className="statusbar">
        <AppVersion />
      </footer>
    </div>
  );
}

function Editor({ tab, edit, campaigns }: { tab: CampaignTab; edit: string; campaigns: Campaigns }) {
  const close = () => navigate({ screen: 'campaigns', tab });
  if (edit === 'new') return tab === 'live-chat' ? <LiveChatEditor onClose={close} /> : <OneOffEditor onClose={close} />;
  if (tab === 'live-chat') {
    const entry = campaigns.liveChat.find((e) => e.record.id === edit);
    if (!entry?.reading.ok) return <CannotEdit reason={entry && !entry.reading.ok ? entry.reading.reason : null} onClose={close} />;
    return <LiveChatEditor key={edit} base={entry.record.document} initial={entry.reading.form} notes={entry.reading.notes} onClose={close} />;
  }
  const entry = campaigns.oneOff.find((e) => e.record.id === edit);
  if (!entry?.reading.ok) return <CannotEdit reason={entry && !entry.reading.ok ? entry.reading.reason : null} onClose={close} />;
  return <OneOffEditor key={edit} base={entry.record.document} initial={entry.reading.form} notes={entry.reading.notes} onClose={close} />;
}

function CannotEdit({ reason, onClose }: { reason: string | null; onClose: () => void }) {
  return (
    <div className="missing campaigns__missing">
      <h1 className="page-title">{reason ? 'This campaign cannot be edited here' : 'This campaign no longer exists'}</h1>
      <p className="muted">{reason ?? 'It may have been deleted in another window.'}</p>
      <button type="button" className="button button--primary" onClick={onClose}>
        Back to campaigns
      </button>
    </div>
  );
}

function CampaignList({ tab, campaigns }: { tab: CampaignTab; campaigns: Campaigns }) {
  const notify = useAppStore(selectNotify);
  const nowMs = useNow(30_000);
  const [simulating, setSimulating] = useState(false);
  const entries = tab === 'live-chat' ? campaigns.liveChat : campaigns.oneOff;
  const create = () => navigate({ screen: 'campaigns', tab, edit: 'new' });
  const editRoute = (id: string) => () => navigate({ screen: 'campaigns', tab, edit: id });
  const remove = async (id: string, title: string) => {
    await flowRepository.remove(id);
    // Deleting a campaign has no Undo: its sync records go with it (the remote campaign stays).
    await purgeDeletedFlowSync(db, id);
    notify(`Deleted “${title}”`);
  };
  const enabledLiveChats = campaigns.liveChat.flatMap((e) => (e.reading.ok && e.reading.form.enabled ? [e.reading.form] : []));

  return (
    <section className="campaigns__content" aria-labelledby="campaigns-title">
      <div className="campaigns__heading">
        <div>
          <h1 id="campaigns-title" className="page-title">
            Campaigns
          </h1>
          <p className="muted">Messages that reach people without a multi-step flow.</p>
        </div>
        <div className="campaigns__heading-actions">
          {tab === 'live-chat' && campaigns.liveChat.length > 0 && (
            <button type="button" className={`button${simulating ? ' button--active' : ''}`} onClick={() => setSimulating((v) => !v)} aria-expanded={simulating} data-testid="simulate-visits">
              <PlayIcon size={14} />
              Simulate visits
            </button>
          )}
          {entries.length > 0 && (
            <button type="button" className="button button--primary" onClick={create}>
              <PlusIcon />
              Create campaign
            </button>
          )}
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Campaign kinds">
        {(
          [
            ['live-chat', 'Live chat', campaigns.liveChat.length],
            ['one-off', 'One-off', campaigns.oneOff.length],
          ] as const
        ).map(([key, label, count]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={`tabs__tab${tab === key ? ' tabs__tab--on' : ''}`} onClick={() => navigate({ screen: 'campaigns', tab: key })}>
            {label}
            <span className="tabs__count">{count}</span>
          </button>
        ))}
      </div>
      {tab === 'live-chat' && simulating && <SimulationPanel campaigns={enabledLiveChats} onClose={() => setSimulating(false)} />}
      {entries.length === 0 ? (
        <CampaignEmptyState tab={tab} onCreate={create} />
      ) : (
        <ul className="ccard-grid" role="tabpanel" data-testid="campaign-list">
          {tab === 'live-chat'
            ? campaigns.liveChat.map(({ record, reading }) =>
                reading.ok ? (
                  <LiveChatCard
                    key={record.id}
                    record={record}
                    form={reading.form}
                    actions={{
                      onEdit: editRoute(record.id),
                      onToggle: (enabled) => void flowRepository.save(liveChatToFlow({ ...reading.form, enabled }, { base: record.document, now: new Date() })),
                      onDelete: () => void remove(record.id, reading.form.title),
                    }}
                  />
                ) : (
                  <Unreadable key={record.id} name={record.name} reason={reading.reason} id={record.id} />
                ),
              )
            : campaigns.oneOff.map(({ record, reading }) =>
                reading.ok ? (
                  <OneOffCard
                    key={record.id}
                    record={record}
                    form={reading.form}
                    now={new Date(nowMs)}
                    actions={{
                      onEdit: editRoute(record.id),
                      onToggle: (enabled) => void flowRepository.save(oneOffToFlow({ ...reading.form, enabled }, { base: record.document, now: new Date() })),
                      onDelete: () => void remove(record.id, reading.form.title),
                    }}
                  />
                ) : (
                  <Unreadable key={record.id} name={record.name} reason={reading.reason} id={record.id} />
                ),
              )}
        </ul>
      )}
    </section>
  );
}

function Unreadable({ name, reason, id }: { name: string; reason: string; id: string }) {
  return (
    <li className="ccard ccard--unreadable" data-testid="campaign-card">
      <header className="ccard__header">
        <h3 className="ccard__title">{name}</h3>
      </header>
      <p className="ccard__message muted">{reason}</p>
      <footer className="ccard__footer">
        <button type="button" className="button button--small" onClick={() => navigate({ screen: 'flow', id })}>
          Open on the canvas
        </button>
      </footer>
    </li>
  );
}
