/**
 * Flow document speed: import (parse + migrate + structure) and validation of large files,
 * and canonical export. Prints numbers and the ratio to each target; never fails on time.
 */
import { exportFlowJson, generateFlow, importFlowJson, validateFlow } from '../../src-shared/flow';
import { median, report } from './bench-report';

const NOW = new Date('2026-11-21T12:00:00Z');

for (const size of [1_000, 5_000]) {
  const doc = generateFlow({ nodes: size, seed: 42 });
  const text = exportFlowJson(doc);
  // Warm up the JIT so the numbers describe steady use, as in the app.
  for (let i = 0; i < 3; i++) importFlowJson(text, { now: NOW });
  const importMs = median(7, () => importFlowJson(text, { now: NOW }));
  const validateMs = median(7, () => validateFlow(doc, { now: NOW }));
  const exportMs = median(7, () => exportFlowJson(doc));
  const mb = (text.length / 1048576).toFixed(2);
  report(`import + validate, ${size} nodes (${mb} MB)`, importMs, size === 5_000 ? 500 : undefined);
  report(`validate only, ${size} nodes`, validateMs);
  report(`export, ${size} nodes`, exportMs);
}
