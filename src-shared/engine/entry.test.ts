import { describe, expect, it } from 'vitest';
import { triggerFires } from './entry';

describe('page-visit triggers follow the live-chat widget rules', () => {
  const trigger = (urlPattern: string) => ({ type: 'page_visit' as const, urlPattern, secondsOnPage: 10 });
  const visit = (url: string, seconds = 12) => ({ type: 'page_visit' as const, at: 0, url, seconds });

  it('a pattern ending in "/" is a prefix; query, fragment and the visitor\'s trailing slash are ignored', () => {
    expect(triggerFires(trigger('https://x.com/pricing/'), visit('https://x.com/pricing-plans'))).toBe(true);
    expect(triggerFires(trigger('https://x.com/about'), visit('https://x.com/about/?utm=1#team'))).toBe(true);
    expect(triggerFires(trigger('https://x.com/about'), visit('https://x.com/about/team'))).toBe(false);
  });

  it('needs the time on page, and the scheme and host named by the pattern', () => {
    expect(triggerFires(trigger('https://x.com/*'), visit('https://x.com/a', 9))).toBe(false);
    expect(triggerFires(trigger('https://x.com/*'), visit('http://x.com/a'))).toBe(false);
    expect(triggerFires(trigger('https://x.com/*'), visit('https://blog.x.com/a'))).toBe(false);
  });
});
