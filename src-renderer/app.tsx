import { useState } from 'react';
import { CampaignsScreen } from './campaigns/campaigns-screen';
import { FlowScreen } from './canvas/flow-screen';
import { FlowsScreen } from './flows/flows-screen';
import { ImportReport } from './import/import-report';
import { useFileDrop } from './import/use-file-drop';
import { useFlowImport } from './import/use-flow-import';
import { SettingsScreen } from './settings/settings-screen';
import { AppStoreContext, createAppStore } from './state/app-store';
import { SyncProvider } from './sync/sync-context';
import { Notice } from './ui/notice';
import { UploadIcon } from './ui/icons';
import { useRoute } from './ui/use-route';

function Shell() {
  const route = useRoute();
  const { importFile } = useFlowImport();
  const dragging = useFileDrop((file) => void importFile(file));
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
