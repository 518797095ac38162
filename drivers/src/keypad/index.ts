export * from './codec';
export * from './driver';
export * from '../sim/keypad';
