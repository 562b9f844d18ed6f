import { useState } from 'react';
import { matchCampaignUrl } from '../../src-shared/campaigns/index';
import { CheckCircleIcon, XCircleIcon } from '../ui/icons';

/** "Does this URL match?": tries a page address against the pattern with the widget's rules. */
export function UrlTester({ pattern }: { pattern: string }) {
  const [url, setUrl] = useState('');
  const trimmed = url.trim();
  const result = trimmed && pattern.trim() ? matchCampaignUrl(pattern, trimmed) : null;
  return (
    <div className="url-tester">
      <label className="url-tester__label" htmlFor="url-tester-input">
        Does this URL match?
      </label>
      <input id="url-tester-input" className="input input--mono" type="url" placeholder="https://www.example.com/pricing?plan=pro" value={url} onChange={(event) => setUrl(event.target.value)} data-testid="url-tester" />
      {result && (
        <p className={`url-tester__result ${result.matches ? 'url-tester__result--yes' : 'url-tester__result--no'}`} role="status" data-testid="url-tester-result">
          {result.matches ? <CheckCircleIcon /> : <XCircleIcon />}
          {result.matches ? 'Yes: the message shows on this page.' : result.reason}
        </p>
      )}
      <p className="url-tester__help">
        <code>*</code> matches anything, including <code>/</code>. A pattern ending in <code>/</code> covers every page starting with it. Query (<code>?…</code>) and <code>#…</code> are ignored unless the pattern names them. Paths are case-sensitive.
      </p>
    </div>
  );
}
