export * from './bitmap';
export * from './commands';
export * from './status';
export * from './decoder';
export * from './png';
export * from './text';
export * from './glyphs';
export * from './ticket';
export * from './printer';
// The simulated printer is the escpos codec's twin; exported here so drivers/src/index.ts needs one line.
export * from '../sim/printer';
export * from './sample';
