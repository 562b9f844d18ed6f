import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { templateChoice, templateChoiceProblem, type TemplateSummary, type WhatsappTemplateChoice } from '../../src-shared/sync/index';
import { db } from '../db/db';
import { saveSyncOptions } from '../db/sync-repository';

/** The template being chosen: which one, and the values typed for its variables (untrimmed). */
export interface TemplateDraft {
  name: string;
  language: string;
  params: Record<string, string>;
}

/**
 * The WhatsApp template of a one-off for one Chatwoot backend. It lives in the flow's sync
 * record (`options.whatsappTemplate`), where the push reads it: loaded from there when the
 * form opens, written there when the form is saved.
 */
export function useWhatsappTemplate(flowId: string, backend: string | undefined, templates: readonly TemplateSummary[]) {
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const touched = useRef(false);
  const stored = useLiveQuery(async () => (backend ? ((await db.syncRecords.get([flowId, backend]))?.options.whatsappTemplate ?? null) : null), [flowId, backend]);
  useEffect(() => {
    if (!touched.current && stored) setDraft({ name: stored.name, language: stored.language, params: { ...stored.params } });
  }, [stored]);

  const template = draft ? templates.find((t) => t.name === draft.name && t.language === draft.language) : undefined;
  const choice: WhatsappTemplateChoice | undefined = draft ? (template ? templateChoice(template, draft.params) : { name: draft.name, language: draft.language, params: draft.params }) : undefined;
  return {
    draft,
    template,
    choice,
    problem: templateChoiceProblem(templates, choice),
    change(next: TemplateDraft | null) {
      touched.current = true;
      setDraft(next);
    },
    /** Stores the choice for the backend (nothing to store without one). */
    async save(): Promise<void> {
      if (backend && choice) await saveSyncOptions(db, flowId, backend, { whatsappTemplate: choice });
    },
  };
}

export type WhatsappTemplateState = ReturnType<typeof useWhatsappTemplate>;
