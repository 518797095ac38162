export { startServer, version, type RunningServer, type ServerOptions } from './server';
export { loadConfig, demoConfigPath, blankConfig } from './config/load';
export { CenterConfig } from './config/schema';
export { openDb } from './store/open';
export { hashPassword } from '@qms/protocol/password';
export { createLogger, type Logger } from './log';
export { rebuildRollups } from './stats/rollups';
