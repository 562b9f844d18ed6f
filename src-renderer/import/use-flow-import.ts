import { useCallback } from 'react';
import { flowRepository } from '../db/flow-repository';
import { getHost } from '../host/host-client';
import { selectNotify, selectShowImportReport, useAppStore } from '../state/app-store';
import { navigate } from '../ui/use-route';
import { askConflict, asCopies } from './import-conflict';
import { readFlowFile, readFlowText, type FlowFileResult } from './read-flow-file';

/**
 * Import actions for files and bundled examples. A good file is saved and opened; a bad one
 * opens the import report and leaves the database untouched. A flow that is already here (same
 * campaign id) is never silently replaced: the marketer chooses replace, keep both or cancel.
 */
export function useFlowImport() {
  const showImportReport = useAppStore(selectShowImportReport);
  const notify = useAppStore(selectNotify);

  const accept = useCallback(
    async (fileName: string, result: FlowFileResult) => {
      if (!result.ok) {
        showImportReport({ fileName, problems: result.problems });
        return;
      }
      let documents = result.documents;
      const existing = await flowRepository.existing(documents.map((d) => d.campaign.id));
      if (existing.length) {
        const saved = new Map(existing.map((f) => [f.id, f.name]));
        const flows = documents.filter((d) => saved.has(d.campaign.id)).map((d) => ({ id: d.campaign.id, savedName: saved.get(d.campaign.id)!, importedName: d.campaign.name }));
        const choice = await askConflict({ fileName, flows, others: documents.length - flows.length });
        if (choice === 'cancel') return void notify(`Import of ${fileName} cancelled; nothing was changed.`);
        if (choice === 'keep-both') documents = asCopies(documents, new Set(saved.keys()));
      }
      const ids = await flowRepository.saveImported(documents);
      if (documents.length === 1) {
        notify(`Imported “${documents[0]!.campaign.name}”`);
        navigate({ screen: 'flow', id: ids[0]! });
      } else {
        notify(`Imported ${documents.length} flows`);
        navigate({ screen: 'flows' });
      }
    },
    [notify, showImportReport],
  );

  const importFile = useCallback(async (file: File) => accept(file.name, await readFlowFile(file)), [accept]);

  const importExample = useCallback(
    async (file: string) => {
      try {
        const { text } = await getHost().examples.read({ file });
        await accept(file, readFlowText(text, file));
      } catch (error) {
        showImportReport({ fileName: file, problems: [{ severity: 'error', code: 'host.failed', message: String(error), path: '$' }] });
      }
    },
    [accept, showImportReport],
  );

  return { importFile, importExample };
}
