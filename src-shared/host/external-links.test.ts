import { describe, expect, it } from 'vitest';
import { decideLink, externalLinkHosts, isAllowedExternalUrl, userGuideUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it('allows https to listed hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/campaign-studio')).toBe(true);
    expect(isAllowedExternalUrl(userGuideUrl)).toBe(true);
    for (const host of externalLinkHosts) expect(isAllowedExternalUrl(`https://${host}/`)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://github.com/',
      'https://github.com.evil.example/',
      'https://evilgithub.com/',
      'https://user@github.com/',
      'https://github.com:444/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'ms-msdt:/id',
      '',
      'github.com',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('decideLink', () => {
  const page = 'http://127.0.0.1:5417/index.html';

  it('keeps same-origin links in the app', () => {
    expect(decideLink('#flows', page)).toEqual({ action: 'stay' });
    expect(decideLink('/index.html?x=1', page)).toEqual({ action: 'stay' });
    expect(decideLink('app://campaign-studio/index.html#x', 'app://campaign-studio/index.html')).toEqual({ action: 'stay' });
  });

  it('lets the app download its own blobs, and data: only as a download', () => {
    expect(decideLink('blob:http://127.0.0.1:5417/0b1c-42', page)).toEqual({ action: 'stay' });
    expect(decideLink('blob:app://campaign-studio/0b1c-42', 'app://campaign-studio/index.html')).toEqual({ action: 'stay' });
    expect(decideLink('blob:https://evil.example/0b1c', page)).toEqual({ action: 'block' });
    expect(decideLink('data:application/json,{}', page, { download: true })).toEqual({ action: 'stay' });
    expect(decideLink('data:text/html,<script>', page)).toEqual({ action: 'block' });
  });

  it('opens allowed external links outside, blocks the rest', () => {
    expect(decideLink('https://github.com/x', page)).toEqual({ action: 'open-external', url: 'https://github.com/x' });
    expect(decideLink('https://evil.example/', page)).toEqual({ action: 'block' });
    expect(decideLink('http://127.0.0.1:5418/', page)).toEqual({ action: 'block' });
    expect(decideLink('javascript:alert(1)', page)).toEqual({ action: 'block' });
    expect(decideLink('app://campaign-studio.evil/', 'app://campaign-studio/index.html')).toEqual({ action: 'block' });
    expect(decideLink('http://[', page)).toEqual({ action: 'block' });
  });
});
