import type { CampaignTab } from '../ui/use-route';
import { ChatIcon, ClockIcon, LinkIcon, MegaphoneIcon, PlusIcon, ShieldIcon, UsersIcon } from '../ui/icons';

const COPY = {
  'live-chat': {
    Icon: ChatIcon,
    title: 'Start conversations with the right visitors',
    lead: 'A live-chat campaign greets visitors on the pages you choose, after the time you choose, as a bubble above your chat button. Replying starts a conversation with your team.',
    points: [
      { Icon: LinkIcon, text: 'Target pages by URL pattern, such as everything under /pricing' },
      { Icon: ClockIcon, text: 'Wait until the visitor has spent a few seconds on the page' },
      { Icon: ShieldIcon, text: 'Never interrupt visitors who are already talking to you' },
    ],
  },
  'one-off': {
    Icon: MegaphoneIcon,
    title: 'Send one message to many contacts at once',
    lead: 'A one-off campaign sends an SMS or WhatsApp message at a set time to every contact with the labels you choose: outage notices, event reminders, announcements.',
    points: [
      { Icon: UsersIcon, text: 'Pick the audience by label and see who receives it' },
      { Icon: ClockIcon, text: 'Schedule it in any timezone, never in the past' },
      { Icon: ShieldIcon, text: 'Review segments and recipients before it goes out' },
    ],
  },
} as const;

/** What a kind of campaign is for, and the way to make the first one. */
export function CampaignEmptyState({ tab, onCreate }: { tab: CampaignTab; onCreate: () => void }) {
  const copy = COPY[tab];
  return (
    <section className="cempty" data-testid="campaign-empty-state">
      <div className={`cempty__art cempty__art--${tab}`} aria-hidden="true">
        <copy.Icon size={36} />
      </div>
      <h2 className="cempty__title">{copy.title}</h2>
      <p className="cempty__lead">{copy.lead}</p>
      <ul className="cempty__points">
        {copy.points.map(({ Icon, text }) => (
          <li key={text}>
            <Icon size={16} />
            {text}
          </li>
        ))}
      </ul>
      <button type="button" className="button button--primary button--large" onClick={onCreate}>
        <PlusIcon />
        Create campaign
      </button>
    </section>
  );
}
