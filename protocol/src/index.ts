export * from './enums';
export * from './dto';
export * from './stats';
export * from './realtime';
export * from './time';
export * from './rating';
export * from './display';
export * from './desk';
