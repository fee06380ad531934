// @rumkit/browser: the public entry. Collection arrives with the SDK issue; until then the
// package exposes its identity, which every event it sends will carry as sdk_name/sdk_version.

/** The `sdk_name` tag on every event this SDK sends. */
export const SDK_NAME = 'rumkit_web';
/** The `sdk_version` tag on every event this SDK sends. */
export const SDK_VERSION = '0.1.0';
