export * from './types';
export * from './choices';
export * from './lists';
