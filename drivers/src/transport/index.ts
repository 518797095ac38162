export * from './types';
export * from './serial';
export * from './tcp';
export * from './device-file';
export * from './memory';
