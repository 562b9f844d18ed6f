import { useState } from 'react';
import { FlowScreen } from './editor/flow-screen';
import { FlowsScreen } from './flows/flows-screen';
import { ImportReport } from './import/import-report';
import { useFileDrop } from './import/use-file-drop';
import { useFlowImport } from './import/use-flow-import';
import { chooseFlowFileNatively } from './import/import-button';
import { openedFileToFile } from './import/read-flow-file';
import { flowRepository } from './db/flow-repository';
import { useHostCommands, useHostOpenedFiles } from './host/use-host-commands';
import { AppStoreContext, createAppStore } from './state/app-store';
import { SyncProvider } from './sync/sync-context';
import { Notice } from './ui/notice';
import { UploadIcon } from './ui/icons';
import { navigate, useRoute } from './ui/use-route';
import { lazyPart } from './ui/lazy-part';

// Screens other than the flow list and the editor are chunks of their own: opening a flow does
// not parse and run them (see tests/bench/README.md, the open).
const CampaignsScreen = lazyPart(() => import('./campaigns/campaigns-screen').then((m) => m.CampaignsScreen), <div className="screen" />);
const SettingsScreen = lazyPart(() => import('./settings/settings-screen').then((m) => m.SettingsScreen), <div className="screen" />);

function Shell() {
  const route = useRoute();
  const { importFile } = useFlowImport();
  const dragging = useFileDrop((file) => void importFile(file));
  // Flow files the desktop app was asked to open (command line, double-click, Open Recent).
  useHostOpenedFiles((files) => files.forEach((file) => void importFile(openedFileToFile(file))));
  useHostCommands({
    'flow.new': () => void flowRepository.create('Untitled flow').then((id) => navigate({ screen: 'flow', id })),
    'flow.import': () =>
      void chooseFlowFileNatively().then((file) => {
        if (file instanceof File) void importFile(file);
      }),
  });
  return (
    <>
      {route.screen === 'flow' ? (
        <FlowScreen key={route.id} id={route.id} />
      ) : route.screen === 'campaigns' ? (
        <CampaignsScreen tab={route.tab} edit={route.edit} />
      ) : route.screen === 'settings' ? (
        <SettingsScreen />
      ) : (
        <FlowsScreen />
      )}
      <div className="overlays">
        <ImportReport />
      </div>
      <Notice />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__box">
            <UploadIcon size={28} />
            <p>Drop a flow JSON file to import it</p>
          </div>
        </div>
      )}
    </>
  );
}

export function App() {
  const [store] = useState(() => createAppStore());
  return (
    <AppStoreContext.Provider value={store}>
      <SyncProvider>
        <Shell />
      </SyncProvider>
    </AppStoreContext.Provider>
  );
}
