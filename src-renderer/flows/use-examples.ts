import { useEffect, useState } from 'react';
import type { ExampleSummary } from '../../src-shared/host/contract';
import { getHost } from '../host/host-client';

export type ExamplesState = { status: 'loading' } | { status: 'ready'; examples: ExampleSummary[] } | { status: 'failed'; message: string };

/** The examples bundled with the app, asked of the host once per mount. */
export function useExamples(): ExamplesState {
  const [state, setState] = useState<ExamplesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    getHost()
      .examples.list()
      .then((examples) => live && setState({ status: 'ready', examples }))
      .catch((error: unknown) => live && setState({ status: 'failed', message: String(error) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
