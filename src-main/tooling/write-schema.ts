// Writes resources/schema/flow.schema.json from the zod definition of the flow document
// (`npm run schema`). write-schema.test.ts fails when the committed file is out of date.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flowJsonSchemaText } from '../../src-shared/flow';

export const SCHEMA_FILE = join(fileURLToPath(new URL('../..', import.meta.url)), 'resources/schema/flow.schema.json');

export async function writeSchema(path = SCHEMA_FILE): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, flowJsonSchemaText());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeSchema();
  console.log(`schema: wrote ${SCHEMA_FILE}`);
}
