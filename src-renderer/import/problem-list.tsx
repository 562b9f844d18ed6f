import type { Problem } from '../../src-shared/flow/index';

const severityLabel: Record<Problem['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** Problems with where they are (JSON path) and why; shared by the import report and the flow view. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${problem.code}-${index}`} className={`problem problem--${problem.severity}`} data-testid="problem">
          <span className="problem__severity">{severityLabel[problem.severity]}</span>
          <div className="problem__body">
            <p className="problem__message">{problem.message}</p>
            <code className="problem__path">{problem.path}</code>
          </div>
        </li>
      ))}
    </ul>
  );
}
