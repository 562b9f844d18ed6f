import type { ConnectionReport, SyncErrorKind } from '../../src-shared/sync/index';
import { AlertIcon, CheckIcon } from '../ui/icons';

/** What failed, in the words of the issue: the server (DNS, TLS…), the token, the account, the role. */
const FAILURE_TITLES: Partial<Record<SyncErrorKind, string>> = {
  dns: 'Server not found (DNS)',
  tls: 'Secure connection failed (TLS)',
  refused: 'Connection refused',
  timeout: 'No answer in time',
  network: 'Network error',
  malformed: 'Not a Chatwoot API answer',
  unauthorized: 'Token refused (401)',
  'wrong-account': 'Wrong account',
  'not-admin': 'Not an administrator',
  forbidden: 'API access disabled (403)',
  config: 'Incomplete settings',
};

const SERVER_KINDS: ReadonlySet<SyncErrorKind> = new Set(['dns', 'tls', 'refused', 'timeout', 'network', 'malformed']);
const STEP_LABELS: Record<string, string> = { server: 'Server', token: 'Token', account: 'Account', role: 'Role', campaigns: 'Campaigns API', flows: 'Flows API' };

/** "Test connection"'s answer: each step passed, then the one that failed and why. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const failedKind = report.ok ? undefined : report.error.kind;
  // The first request failing for a network reason is the server's fault, not the token's.
  const steps = report.checks.map((c) => (!c.ok && failedKind && SERVER_KINDS.has(failedKind) ? { ...c, step: 'server' } : c));
  return (
    <div className="settings-report" data-tone={report.ok ? 'success' : 'danger'} role="status" data-testid="connection-report">
      <p className="settings-report__headline">
        {report.ok ? <CheckIcon size={16} /> : <AlertIcon size={16} />}
        <span data-testid="connection-result">{report.ok ? report.summary : (FAILURE_TITLES[report.error.kind] ?? 'The connection failed')}</span>
      </p>
      <ol className="settings-report__steps">
        {steps.map((c) => (
          <li key={c.step} className={`settings-report__step settings-report__step--${c.ok ? 'ok' : 'failed'}`} data-step={c.step}>
            <span className="settings-report__step-name">{STEP_LABELS[c.step] ?? c.step}</span>
            <span>{c.message}</span>
          </li>
        ))}
        {!report.ok && steps.length === 0 && <li className="settings-report__step settings-report__step--failed">{report.error.message}</li>}
      </ol>
    </div>
  );
}
