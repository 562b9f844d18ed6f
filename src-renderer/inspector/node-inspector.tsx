import type { ComponentType } from 'react';
import { nodeDefinitions, type FlowNode, type NodeKind } from '../../src-shared/flow/index';
import { nodeIcons } from '../canvas/nodes/node-icons';
import { useEditorApi } from '../editor/editor-context';
import { useProblems } from '../editor/use-problems';
import { AssignForm } from './assign-form';
import { EndForm } from './end-form';
import { Field, FieldMessages, ProblemOwnerContext, Section, TextInput } from './fields';
import { FilterForm } from './filter-form';
import type { NodeFormProps } from './form-types';
import { InboundMessageForm } from './inbound-message-form';
import { SendForm } from './send-form';
import { SplitForm } from './split-form';
import { TriggerForm } from './trigger-form';
import { WaitForm } from './wait-form';

/** One form per kind; a kind without a form is a type error here. */
const forms: { [K in NodeKind]: ComponentType<NodeFormProps<K>> } = {
  trigger: TriggerForm,
  filter: FilterForm,
  split: SplitForm,
  wait: WaitForm,
  'inbound-message': InboundMessageForm,
  send: SendForm,
  assign: AssignForm,
  end: EndForm,
};

/** The selected step: its label, its kind's form, and problems that belong to no one field. */
export function NodeInspector({ node }: { node: FlowNode }) {
  const api = useEditorApi();
  const problems = useProblems();
  const definition = nodeDefinitions[node.type];
  const Form = forms[node.type] as ComponentType<NodeFormProps<NodeKind>>;
  const update = (data: FlowNode['data'], gesture?: string) => api.getState().updateNodeData(node.id, data, gesture);
  const general = problems.filter((p) => p.nodeId === node.id && !p.field);
  return (
    <ProblemOwnerContext.Provider value={{ problems, nodeId: node.id }}>
      <div className="inspector__scroll" data-testid="node-inspector" data-node-id={node.id} data-kind={node.type}>
        <header className={`inspector__node-header node-accent--${node.type}`}>
          <span className="inspector__node-icon" aria-hidden="true">
            {nodeIcons[node.type]}
          </span>
          <div>
            <h2 className="inspector__node-title">{definition.title}</h2>
            <p className="inspector__node-description">{definition.description}</p>
          </div>
        </header>
        <FieldMessages problems={general} />
        <Section title="Step">
          <Field label="Label" field="data.label" hint="Shown on the canvas; for your team only.">
            {(id) => <TextInput id={id} value={node.data.label ?? ''} placeholder={definition.title} onChange={(label) => update(withLabel(node.data, label), 'label')} />}
          </Field>
        </Section>
        <Form node={node as never} update={update as never} />
      </div>
    </ProblemOwnerContext.Provider>
  );
}

function withLabel<T extends { label?: string }>(data: T, label: string): T {
  const { label: _old, ...rest } = data;
  return (label ? { ...rest, label } : rest) as T;
}
