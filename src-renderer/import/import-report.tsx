import { plural } from '../ui/format';
import { AlertIcon, CloseIcon } from '../ui/icons';
import { selectDismissImportReport, selectImportReport, useAppStore } from '../state/app-store';
import { ImportConflictDialog } from './import-conflict-dialog';
import { ProblemList } from './problem-list';
import '../styles/import.css';

/** Why the last import failed (nothing was saved; dismissing it changes nothing either), and the question an import over a saved flow asks. */
export function ImportReport() {
  return (
    <>
      <ImportConflictDialog />
      <ImportProblems />
    </>
  );
}

function ImportProblems() {
  const report = useAppStore(selectImportReport);
  const dismiss = useAppStore(selectDismissImportReport);
  if (!report) return null;
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="panel import-report" role="alert" aria-labelledby="import-report-title" data-testid="import-report">
      <header className="panel__header">
        <AlertIcon className="import-report__icon" size={18} />
        <div className="panel__titles">
          <h2 id="import-report-title" className="panel__title">
            Couldn’t import {report.fileName}
          </h2>
          <p className="panel__subtitle">
            {errors === report.problems.length ? plural(errors, 'error') : plural(report.problems.length, 'problem')} found, as the command line’s <code>import</code> would refuse it. Nothing was changed.
          </p>
        </div>
        <button type="button" className="icon-button" onClick={dismiss} aria-label="Dismiss import problems">
          <CloseIcon />
        </button>
      </header>
      <div className="panel__content">
        <ProblemList problems={report.problems} />
      </div>
    </section>
  );
}
