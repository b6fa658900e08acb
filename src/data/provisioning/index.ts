export * from './provision';
export * from './members';
