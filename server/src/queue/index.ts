export * from './types';
export * from './numbering';
export * from './routing';
export * from './lifecycle';
export * from './estimate';
export * from './slots';
