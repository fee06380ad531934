// @rumkit/core/replay: session replay segments (the upload format of spec §1.7) and the pure
// rules the SDK's recorder, the server and the player share.

export * from './player.js';
export * from './scripts.js';
export * from './segment.js';
