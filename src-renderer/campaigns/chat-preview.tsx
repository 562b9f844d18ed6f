import type { Sender } from '../../src-shared/flow/index';
import { BotIcon, ChatIcon, CloseIcon } from '../ui/icons';
import { RichMessage } from './rich-message';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^[A-Za-zÀ-ÿ]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** The visitor's view: a page of the site with the campaign bubble above the chat launcher. */
export function ChatPreview({ message, sender, url, inbox }: { message: string; sender: Sender; url: string; inbox: string }) {
  const name = sender.type === 'agent' ? sender.name || 'Agent' : sender.name || `${inbox} bot`;
  return (
    <figure className="chat-preview" aria-label="Preview of the message in the chat widget" data-testid="chat-preview">
      <div className="chat-preview__browser">
        <div className="chat-preview__bar">
          <span className="chat-preview__dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          <span className="chat-preview__url">{url || 'https://www.example.com/'}</span>
        </div>
        <div className="chat-preview__page" aria-hidden="true">
          <div className="skeleton skeleton--title" />
          <div className="skeleton" />
          <div className="skeleton skeleton--short" />
          <div className="chat-preview__tiles">
            <div />
            <div />
            <div />
          </div>
        </div>
        <div className="chat-bubble">
          <button type="button" className="chat-bubble__close" tabIndex={-1} aria-hidden="true">
            <CloseIcon size={12} />
          </button>
          <div className="chat-bubble__sender">
            <span className={`avatar${sender.type === 'bot' ? ' avatar--bot' : ''}`}>{sender.type === 'bot' ? <BotIcon size={14} /> : initials(name) || '?'}</span>
            <span className="chat-bubble__name">{name}</span>
          </div>
          <div className="chat-bubble__text rich">{message.trim() ? <RichMessage text={message} /> : <span className="muted">Your message appears here.</span>}</div>
        </div>
        <span className="chat-launcher" aria-hidden="true">
          <ChatIcon size={22} />
        </span>
      </div>
      <figcaption className="chat-preview__caption">How visitors see it: a bubble above the chat button. Replying or clicking it starts a conversation.</figcaption>
    </figure>
  );
}
