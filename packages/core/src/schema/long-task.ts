import { type FieldDef, MOBILE_PLATFORMS } from './field-def.js';

const LONG_TASK = ['long_task'] as const;

/** Offsets in a Long Animation Frame entry, in ns from the page's time origin. */
function frameOffset<N extends string>(name: N, description: string) {
  return {
    name,
    kind: 'field',
    type: 'integer',
    unit: 'ns',
    categories: LONG_TASK,
    origin: 'sdk',
    description,
  } as const;
}

/** A main-thread task over 50 ms (web), or a freeze (mobile). */
export const LONG_TASK_FIELDS = [
  {
    name: 'long_task_id',
    kind: 'tag',
    type: 'string',
    categories: LONG_TASK,
    origin: 'sdk',
    description: 'ID of the long task event.',
  },
  {
    name: 'blocking_duration',
    kind: 'field',
    type: 'integer',
    unit: 'ns',
    categories: LONG_TASK,
    origin: 'sdk',
    description: 'Part of the frame that blocked input (LoAF only).',
  },
  frameOffset('long_task_start_time', 'Start of the frame (LoAF only).'),
  frameOffset('first_ui_event_timestamp', 'First UI event handled in the frame (LoAF only).'),
  frameOffset('render_start', 'Start of the rendering phase (LoAF only).'),
  frameOffset('style_and_layout_start', 'Start of style and layout (LoAF only).'),
  {
    name: 'scripts',
    kind: 'field',
    type: 'json',
    unit: 'ns',
    categories: LONG_TASK,
    origin: 'sdk',
    description: 'JSON array of the scripts that ran in the frame, with their timings (LoAF only).',
  },
  {
    name: 'long_task_message',
    kind: 'field',
    type: 'string',
    categories: LONG_TASK,
    origin: 'sdk',
    description: 'Freeze description.',
    text: true,
    platforms: MOBILE_PLATFORMS,
  },
  {
    name: 'long_task_stack',
    kind: 'field',
    type: 'string',
    categories: LONG_TASK,
    origin: 'sdk',
    description: 'Main-thread stack during the freeze.',
    text: true,
    platforms: MOBILE_PLATFORMS,
  },
] as const satisfies readonly FieldDef[];
