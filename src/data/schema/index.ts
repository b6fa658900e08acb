export * from './types';
export * from './choices';
export * from './lists';
export * from './keys';
export * from './ids';
export * from './caml';
export * from './formatting';
export * from './catalogue';
