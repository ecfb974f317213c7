export * from './storage-port.ts';
export * from './durable-write.ts';
export * from './fs-storage.ts';
export * from './year-store.ts';
export * from './jst.ts';
