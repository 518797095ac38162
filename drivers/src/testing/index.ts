export { ptyPair } from './pty-pair';
export { until, waitFor } from './wait';
