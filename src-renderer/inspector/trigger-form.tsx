import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import type { NodeFormProps } from './form-types';
import { CampaignProblems } from './campaign-problems';
import { Section } from './fields';
import { TriggerSettings } from './trigger-settings';

const selectCampaign = (s: EditorState) => s.doc.campaign;

/** The entry step edits the campaign's trigger: what makes a user enter. */
export function TriggerForm(_props: NodeFormProps<'trigger'>) {
  const campaign = useEditor(selectCampaign);
  const api = useEditorApi();
  return (
    <CampaignProblems>
      <Section title="Entry trigger" description="What makes a user enter this campaign. Frequency, audience and exits are in the campaign settings.">
        <TriggerSettings campaign={campaign} onChange={(next, gesture) => api.getState().updateCampaign(next, gesture)} />
      </Section>
      <button type="button" className="button button--small button--quiet" onClick={() => api.getState().setPanel('campaign')}>
        Open campaign settings
      </button>
    </CampaignProblems>
  );
}
