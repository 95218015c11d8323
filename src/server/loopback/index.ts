export { createLoopbackClient } from './createLoopbackClient.js';
export type {
  LoopbackClient,
  LoopbackClientOverrides,
  LoopbackOptions,
  LoopbackSupabaseClient,
  LoopbackSupabaseOptions,
} from './createLoopbackClient.js';
export { LoopbackWebSocket, loopbackTransport } from './LoopbackWebSocket.js';
export { loopbackFetch } from './loopbackFetch.js';
export * from '../hub/index.js';
