// vitest's jsdom environment puts jsdom's `Uint8Array` on the global while `TextEncoder` and
// WebCrypto stay Node's, so `jose` (the hub's JWT check) sees a Node Uint8Array that fails
// `instanceof Uint8Array`. A browser or plain Node has one realm; give the tests one too.
const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as typeof Uint8Array;
globalThis.Uint8Array = NodeUint8Array;
