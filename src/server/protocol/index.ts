export * from './types.js';
export * from './json.js';
export * from './messageCodec.js';
export * from './binaryCodec.js';
export * from './decodeFrame.js';
