// Remote configuration (spec §1.11), a chunk of its own: only a page whose init sets
// remoteConfiguration loads it (index.ts; global.ts, as rumkit-remote-config.mjs). It imports
// nothing of the core but types, so that no core module is shared with it.
import type { Configuration, InitOptions } from '../types.js';

/** The options `/v1/env_variable` may override (spec §1.11). */
const OVERRIDABLE = new Set(
  (
    'env version service sessionSampleRate sessionOnErrorSampleRate sessionReplaySampleRate ' +
    'sessionReplayOnErrorSampleRate trackUserInteractions traceType traceId128Bit tracingSampleRate ' +
    'trackSessionAcrossSubdomains useSecureSessionCookie usePartitionedCrossSiteSessionCookie ' +
    'allowFallbackToLocalStorage compressIntakeRequests'
  ).split(' '),
);

/**
 * The options a `/v1/env_variable` answer (`{ content: { "R.<app_id>.<option>": value } }`)
 * overrides: this app's keys on the allow-list, with numbers and booleans also taken as text
 * (DataKit's environment variables are strings); the option's type in `configuration` says
 * which it is. buildConfiguration then checks them.
 */
export function remoteOverrides(
  configuration: Configuration,
  answer: unknown,
): Partial<InitOptions> {
  const overrides: Record<string, unknown> = {};
  const prefix = `R.${configuration.applicationId}.`;
  for (const [key, raw] of Object.entries(Object(Object(answer).content))) {
    const name = key.slice(prefix.length);
    if (!key.startsWith(prefix) || !OVERRIDABLE.has(name)) continue;
    const type = typeof configuration[name as keyof Configuration];
    overrides[name] =
      type === 'number' && /^[\d.]+$/.test(String(raw))
        ? Number(raw)
        : type === 'boolean' && /^(true|false)$/.test(String(raw))
          ? raw === true || raw === 'true'
          : raw;
  }
  return overrides;
}

/**
 * This app's overrides from the intake's `/v1/env_variable`; rejects with the reason when
 * there are none to be had (a failed request, an error status, `signal` aborted).
 */
export const fetchOverrides = (
  configuration: Configuration,
  signal: AbortSignal,
): Promise<Partial<InitOptions>> =>
  fetch(`${configuration.origin}/v1/env_variable?app_id=${configuration.applicationId}`, {
    signal,
  })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((answer) => remoteOverrides(configuration, answer));

export interface RemoteConfigurationModule {
  fetchOverrides: typeof fetchOverrides;
}
