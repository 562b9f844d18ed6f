import { useCallback } from 'react';
import { flowRepository } from '../db/flow-repository';
import { getHost } from '../host/host-client';
import { selectNotify, selectShowImportReport, useAppStore } from '../state/app-store';
import { navigate } from '../ui/use-route';
import { readFlowFile, readFlowText, type FlowFileResult } from './read-flow-file';

/**
 * Import actions for files and bundled examples. A good file is saved and opened; a bad one
 * opens the import report and leaves the database untouched.
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
      const ids = await flowRepository.saveImported(result.documents);
      if (result.documents.length === 1) {
        notify(`Imported “${result.documents[0]!.campaign.name}”`);
        navigate({ screen: 'flow', id: ids[0]! });
      } else {
        notify(`Imported ${result.documents.length} flows`);
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
        await accept(file, readFlowText(text));
      } catch (error) {
        showImportReport({ fileName: file, problems: [{ severity: 'error', code: 'host.failed', message: String(error), path: '$' }] });
      }
    },
    [accept, showImportReport],
  );

  return { importFile, importExample };
}
