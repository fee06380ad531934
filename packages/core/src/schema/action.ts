import type { FieldDef } from './field-def.js';

const ACTION = ['action'] as const;

export const ACTION_FIELDS = [
  {
    name: 'action_type',
    kind: 'tag',
    type: 'string',
    categories: ACTION,
    origin: 'sdk',
    description:
      'click or custom on the web; launches and lifecycle steps on mobile and mini-programs.',
    values: [
      'click',
      'custom',
      'launch_cold',
      'launch_hot',
      'launch',
      'package_download',
      'script_insert',
    ],
  },
  {
    name: 'action_name',
    kind: 'field',
    type: 'string',
    // The Android SDK also names the action in progress on resources and errors.
    categories: ['action', 'resource', 'error'],
    origin: 'sdk',
    description: 'Action name: the addAction name or the clicked element label.',
    text: true,
  },
  {
    name: 'action_error_count',
    kind: 'field',
    type: 'integer',
    categories: ACTION,
    origin: 'sdk',
    description: 'Errors during the action.',
  },
  {
    name: 'action_resource_count',
    kind: 'field',
    type: 'integer',
    categories: ACTION,
    origin: 'sdk',
    description: 'Resources loaded during the action.',
  },
  {
    name: 'action_long_task_count',
    kind: 'field',
    type: 'integer',
    categories: ACTION,
    origin: 'sdk',
    description: 'Long tasks during the action.',
  },
  {
    name: 'action_frustration_types',
    kind: 'field',
    type: 'json',
    categories: ACTION,
    origin: 'sdk',
    description: 'JSON array of frustration signals on a click.',
    values: ['rage_click', 'dead_click', 'error_click'],
  },
  {
    name: 'action_target',
    kind: 'field',
    type: 'json',
    categories: ACTION,
    origin: 'sdk',
    description: 'Clicked element as JSON (selector and size).',
  },
  {
    name: 'action_position',
    kind: 'field',
    type: 'json',
    categories: ACTION,
    origin: 'sdk',
    description: 'Click position within the target as JSON {x, y}.',
  },
] as const satisfies readonly FieldDef[];
