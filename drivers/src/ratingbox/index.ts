export * from './codec';
export * from './driver';
export * from '../sim/ratingbox';
