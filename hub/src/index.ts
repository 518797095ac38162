export { startHub, hubVersion, type HubOptions, type RunningHub } from './hub';
