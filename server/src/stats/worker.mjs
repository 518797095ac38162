// Entry of the stats worker thread. Node 20 does not apply `--import tsx` given in a Worker's execArgv to the worker's
// own entry file, so this plain-JS file registers tsx (as `npm start` and vitest's node both can) and then loads the
// TypeScript worker. tsx is resolved from this file, not from the working directory.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
