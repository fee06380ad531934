import type { FieldDef } from './field-def.js';

const TELEMETRY = ['telemetry'] as const;

/** The SDK's reports about itself (its own errors, configuration and API usage). */
export const TELEMETRY_FIELDS = [
  {
    name: 'status',
    kind: 'field',
    type: 'string',
    categories: TELEMETRY,
    origin: 'sdk',
    description: 'Severity of the report.',
    values: ['debug', 'error'],
  },
  {
    name: 'message',
    kind: 'field',
    type: 'string',
    categories: TELEMETRY,
    origin: 'sdk',
    description: 'Report message.',
    text: true,
  },
  {
    name: 'type',
    kind: 'field',
    type: 'string',
    categories: TELEMETRY,
    origin: 'sdk',
    description: 'Kind of report.',
    values: ['log', 'configuration', 'usage'],
  },
  {
    name: 'error_kind',
    kind: 'field',
    type: 'string',
    categories: TELEMETRY,
    origin: 'sdk',
    description: "Class of the SDK's own error.",
  },
  {
    name: 'connectivity',
    kind: 'field',
    type: 'json',
    categories: TELEMETRY,
    origin: 'sdk',
    description: 'Network status and interfaces as JSON.',
  },
  {
    name: 'runtime_env',
    kind: 'field',
    type: 'json',
    categories: TELEMETRY,
    origin: 'sdk',
    description: 'Runtime facts as JSON (local file, worker).',
  },
  {
    name: 'usage',
    kind: 'field',
    type: 'json',
    categories: TELEMETRY,
    origin: 'sdk',
    description: 'Which public API was used, as JSON.',
  },
  {
    name: 'configuration',
    kind: 'field',
    type: 'json',
    categories: TELEMETRY,
    origin: 'sdk',
    description: 'Init options in force, as JSON.',
  },
] as const satisfies readonly FieldDef[];
