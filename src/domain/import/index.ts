/** Import: parsing a council's own register file into records, and the plan of what it will write. */
export * from './parse';
export * from './partners';
export * from './mapping';
export * from './rows';
export * from './plan';
export type * from './target';
