import type { Category } from './categories.js';

/** Tags are indexed string dimensions; fields are values. */
export type Kind = 'tag' | 'field';

/** `json` values travel as strings holding JSON (objects and arrays are stringified). */
export type ValueType = 'string' | 'integer' | 'float' | 'boolean' | 'json';

export const UNITS = ['ns', 'ms', 'epoch_ms', 'byte', 'percent', 'fps'] as const;

/**
 * `ns` and `ms` are durations (or offsets), `epoch_ms` a point in time. A number
 * without a unit is a count, a level or a unitless score such as CLS.
 */
export type Unit = (typeof UNITS)[number];

/** Who puts the value on the record. */
export type Origin = 'sdk' | 'datakit' | 'server';

export const PLATFORMS = ['web', 'android', 'ios', 'miniapp'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const MOBILE_PLATFORMS = ['android', 'ios'] as const;
/** Everything but the browser: the SDKs that name pages instead of URLs. */
export const NATIVE_PLATFORMS = ['android', 'ios', 'miniapp'] as const;

export interface FieldDef {
  /** The flat snake_case key on the wire and in storage. */
  readonly name: string;
  /** Where Guance's own SDKs put it; readers must accept both places (see checkPoint). */
  readonly kind: Kind;
  readonly type: ValueType;
  /** For `json`, the unit of the numbers inside. */
  readonly unit?: Unit;
  readonly categories: readonly Category[];
  readonly description: string;
  readonly origin: Origin;
  /** Matched by free-text search terms in the explorer. */
  readonly text?: boolean;
  /** Only these SDKs send it; absent means any platform. */
  readonly platforms?: readonly Platform[];
  /**
   * Known values, for facets and docs; not a closed list. For a boolean, the
   * spellings sent for true and false, in that order.
   */
  readonly values?: readonly string[];
}
