export { startHub, hubVersion, type HubOptions, type RunningHub } from './hub';
export { rebuildRollups, rewriteRollups } from './rollups';
export { upsertFacts } from './ingest';
export { hubSummary } from './summary';
export type { HubTicketFact } from './facts';
export { createPool, inTransaction } from './db/pool';
