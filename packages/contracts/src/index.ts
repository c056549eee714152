export * from './records';
export * from './api';
export * from './audit';
export * from './sessions';
