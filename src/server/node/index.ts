export { startRealtimeServer, defaultAnonKey } from './startRealtimeServer.js';
export type { RealtimeServer, RealtimeServerOptions } from './startRealtimeServer.js';
export * from '../hub/index.js';
