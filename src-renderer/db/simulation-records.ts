import type { PopulationSpec, UserProfile } from '../../src-shared/engine/index';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { PopulationView, ViewStep } from '../preview/worker/engine-protocol';
import type { ScriptItem } from '../preview/journey/script-model';
import type { ForecastSpread } from '../preview/population/forecast-runs';
import type { AudienceModel } from '../../src-shared/forecast/index';

/** What every saved run keeps: the flow it ran on, by content (schema version 3). */
interface SavedRunBase {
  id?: number;
  flowId: string;
  createdAt: number;
  name: string;
  /** `flowFingerprint` of `document`: the run is stale once the open flow's differs. */
  fingerprint: string;
  document: FlowDocument;
}

/** A population run kept with the flow it ran on. */
export interface SimulationRecord extends SavedRunBase {
  spec: PopulationSpec;
  /** The run's summary and slider table, so re-opening needs no re-run. */
  view: Omit<PopulationView, 'runId'>;
  /** A forecast of several seeded runs: `view` holds their medians, this their ranges (not indexed: no schema change). */
  forecast?: ForecastSpread;
  /** The audience the run drew. */
  audience?: AudienceModel;
}

/** A single-user preview kept to re-run after edits. */
export interface SavedPreviewRecord extends SavedRunBase {
  profile: UserProfile;
  script: ScriptItem[];
  days: number;
  /** The steps as they were, for the regression check. */
  steps: ViewStep[];
  outcome: { status: string; reason: string | null } | null;
}
