import { countSms } from '../../src-shared/campaigns/index';
import type { OneOffChannel } from '../../src-shared/campaigns/index';
import { plural } from '../ui/format';

const LIMITS: Record<OneOffChannel, number> = { sms: 1600, whatsapp: 4096, api: 10000 };

/**
 * Live length of the message: for SMS the encoding (GSM-7 or UCS-2), the characters that force
 * UCS-2, and the number of segments each recipient is billed for.
 */
export function SmsCounter({ text, channel }: { text: string; channel: OneOffChannel }) {
  const count = countSms(text);
  if (channel !== 'sms') {
    return (
      <p className="counter" data-testid="sms-counter">
        <span>
          {count.characters.toLocaleString()} / {LIMITS[channel].toLocaleString()} characters
        </span>
        {channel === 'whatsapp' && <span className="muted">WhatsApp messages are not split into segments.</span>}
      </p>
    );
  }
  const used = count.segments === 1 ? count.units : count.perSegment * (count.segments - 1) + (count.perSegment - count.remaining);
  return (
    <div className="counter" data-testid="sms-counter">
      <div className="counter__line">
        <span className="counter__encoding" data-tone={count.encoding === 'GSM-7' ? 'success' : 'warning'} title={count.encoding === 'GSM-7' ? '7-bit GSM alphabet: 160 characters per SMS' : 'Unicode: 70 characters per SMS'}>
          {count.encoding}
        </span>
        <span data-testid="sms-segments">
          <strong>{plural(count.segments, 'SMS', 'SMS')}</strong> · {count.units} / {count.segments === 1 ? count.perSegment : `${count.segments} × ${count.perSegment}`} {count.encoding === 'GSM-7' ? 'septets' : 'units'}
        </span>
        <span className="muted">{count.remaining} left in this part</span>
      </div>
      <div className="counter__bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, (used / (count.perSegment * count.segments || 1)) * 100)}%` }} />
      </div>
      {count.nonGsm.length > 0 && (
        <p className="counter__warning" data-testid="non-gsm">
          These characters switch the whole message to UCS-2 (70 per SMS instead of 160):{' '}
          {count.nonGsm.map((c) => (
            <code key={c} className="char-chip">
              {c === ' ' ? '␠' : c}
            </code>
          ))}
        </p>
      )}
      {text.includes('{{') && <p className="muted counter__note">Counted with variables as typed; the audience preview counts each recipient’s own message.</p>}
    </div>
  );
}
