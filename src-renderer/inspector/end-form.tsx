import type { NodeFormProps } from './form-types';

/** An end has nothing to set beyond its label. */
export function EndForm(_props: NodeFormProps<'end'>) {
  return <p className="form-note">The user leaves the campaign here, including any branches still running in parallel.</p>;
}
