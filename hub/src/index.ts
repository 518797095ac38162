export { startHub, hubVersion, type HubOptions, type RunningHub } from './hub';
export { rebuildRollups } from './rollups';
