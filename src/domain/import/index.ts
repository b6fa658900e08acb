/** Import: parsing a council's own register file into records, and the plan of what it will write. */
export * from './parse';
export * from './partners';
export * from './mapping';
export * from './rows';
export * from './plan';
export * from './values';
export * from './sameName';
export type * from './target';
export * from './headings';
export * from './lostLetters';
