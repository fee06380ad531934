import { z } from 'zod';

const rate = z.number().min(0).max(100);

/**
 * The SDK options a server may override per app through `GET /v1/env_variable` (spec §1.11):
 * the web SDK strips the `R.<app_id>.` prefix and applies only these, type-checked.
 */
export const remoteConfigOptions = z
  .object({
    sessionSampleRate: rate,
    sessionOnErrorSampleRate: rate,
    sessionReplaySampleRate: rate,
    sessionReplayOnErrorSampleRate: rate,
    tracingSampleRate: rate,
    env: z.string().max(200),
    version: z.string().max(200),
    service: z.string().max(200),
    trackUserInteractions: z.boolean(),
    traceType: z.enum([
      'ddtrace',
      'zipkin',
      'zipkin_single_header',
      'w3c_traceparent',
      'w3c_traceparent_64bit',
      'skywalking_v3',
      'jaeger',
    ]),
    traceId128Bit: z.boolean(),
    compressIntakeRequests: z.boolean(),
    trackSessionAcrossSubdomains: z.boolean(),
    useSecureSessionCookie: z.boolean(),
    usePartitionedCrossSiteSessionCookie: z.boolean(),
    allowFallbackToLocalStorage: z.boolean(),
    enableLongAnimationFrame: z.boolean(),
    defaultPrivacyLevel: z.enum(['mask-user-input', 'mask', 'allow']),
  })
  .partial()
  .strict()
  .meta({ id: 'RemoteConfig' });

export type RemoteConfig = z.infer<typeof remoteConfigOptions>;
export const REMOTE_CONFIG_KEYS = Object.keys(remoteConfigOptions.shape) as (keyof RemoteConfig)[];

/** DataKit's answer shape: `{ content: { "R.<app_id>.<option>": value } }`. */
export function toEnvVariables(
  appId: string,
  config: RemoteConfig,
): { content: Record<string, unknown> } {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) content[`R.${appId}.${key}`] = value;
  }
  return { content };
}

/** The SDK's side: keeps the allowed, well-typed options of this app and drops the rest. */
export function fromEnvVariables(appId: string, content: Record<string, unknown>): RemoteConfig {
  const prefix = `R.${appId}.`;
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(content)) {
    if (!key.startsWith(prefix)) continue;
    const option = key.slice(prefix.length);
    const schema = remoteConfigOptions.shape[option as keyof RemoteConfig];
    if (schema?.safeParse(value).success) config[option] = value;
  }
  return config as RemoteConfig;
}
