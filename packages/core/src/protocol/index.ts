export { decodeLines } from './decode.js';
export { encodeLine, encodeLines } from './encode.js';
export { type ErrorLocation, LineProtocolError } from './errors.js';
export { decodeJson, encodeJson } from './json.js';
export { isPrecision, MAX_TIME_MS, PRECISIONS } from './precision.js';
export type { DecodeOptions, EncodeOptions, FieldValue, Point, Precision } from './types.js';
