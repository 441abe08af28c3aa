export * from './errors';
export * from './roles';
export * from './regions';
export * from './pagination';
