/**
 * The flow file format's version and schema address, apart from the schemas themselves: code
 * that only writes documents (the generator) can take them without building every Zod schema.
 */

/** The version this build writes. Older ones are migrated on import (see migrations/). */
export const SCHEMA_VERSION = 2;

/** Where the published JSON Schema of this version lives; exported files point to it. */
export const SCHEMA_URL = `https://campaign-studio.dev/schema/flow-v${SCHEMA_VERSION}.json`;
