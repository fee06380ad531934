/** The `sdk_name` tag on every event this SDK sends. */
export const SDK_NAME = 'rumkit_web';
/** The `sdk_version` tag on every event this SDK sends. */
export const SDK_VERSION = '0.1.0';
