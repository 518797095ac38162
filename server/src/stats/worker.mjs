// Entry of the stats worker thread when the server runs from its TypeScript sources (tests, tsx); the built server
// (`npm start`) has its own bundled `server/dist/worker.mjs` and needs no tsx. Node 20 does not apply `--import tsx`
// given in a Worker's execArgv to the worker's own entry file, so this plain-JS file registers tsx and then loads the
// TypeScript worker. tsx is resolved from this file, not from the working directory.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
