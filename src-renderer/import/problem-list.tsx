import type { Problem } from '../../src-shared/flow/index';
import { severityTone } from '../ui/tone';

const severityLabel: Record<Problem['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** Problems with where they are (JSON path) and why; shared by the import report and the flow view. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${problem.code}-${index}`} className="problem" data-testid="problem">
          <span className="problem__severity" data-tone={severityTone[problem.severity]}>{severityLabel[problem.severity]}</span>
          <div className="problem__body">
            <p className="problem__message">{problem.message}</p>
            <code className="problem__path">{problem.path}</code>
          </div>
        </li>
      ))}
    </ul>
  );
}
