import type { ReactNode } from 'react';
import { useProblems } from '../editor/use-problems';
import { ProblemOwnerContext } from './fields';

/** Fields inside show the campaign settings' problems (`$.campaign…`). */
export function CampaignProblems({ children }: { children: ReactNode }) {
  const problems = useProblems();
  return <ProblemOwnerContext.Provider value={{ problems, pathPrefix: '$.campaign' }}>{children}</ProblemOwnerContext.Provider>;
}
