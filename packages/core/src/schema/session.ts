import type { FieldDef } from './field-def.js';

const SESSION = ['session'] as const;

/** The six page attributes kept for the first and the last view, plus the name. */
function pageOf<W extends 'first' | 'last'>(which: W) {
  const tag = <N extends string>(name: N, description: string, text?: true) =>
    ({
      name,
      kind: 'tag',
      type: 'string',
      categories: SESSION,
      origin: 'server',
      description,
      ...(text ? { text } : {}),
    }) as const;
  const page = `${which} page of the session`;
  return [
    tag(`session_${which}_view_id`, `view_id of the ${page}.`),
    tag(`session_${which}_view_url`, `URL of the ${page}.`, true),
    tag(`session_${which}_view_host`, `Host of the ${page}.`),
    tag(`session_${which}_view_path`, `Path of the ${page}.`),
    tag(`session_${which}_view_path_group`, `Path group of the ${page}.`),
    {
      name: `session_${which}_view_url_query`,
      kind: 'field',
      type: 'json',
      categories: SESSION,
      origin: 'server',
      description: `Query parameters of the ${page} as a JSON object.`,
    },
    tag(`session_${which}_view_name`, `Name of the ${page} (on the web its path group).`),
  ] as const;
}

function count<N extends string>(name: N, description: string) {
  return {
    name,
    kind: 'field',
    type: 'integer',
    categories: SESSION,
    origin: 'server',
    description,
  } as const;
}

/** The session record the server derives from the events; no SDK sends it. */
export const SESSION_FIELDS = [
  {
    name: 'session_referrer',
    kind: 'tag',
    type: 'string',
    categories: SESSION,
    origin: 'server',
    description: 'Where the session came from: the referrer of its first page.',
  },
  ...pageOf('first'),
  ...pageOf('last'),
  count(
    'session_time_spent_count',
    'Billing units of replay: 1 plus 1 for every full 4 h of the session.',
  ),
  count('session_view_count', 'Distinct views in the session.'),
  count('session_error_count', 'Errors in the session.'),
  count('session_resource_count', 'Resources loaded in the session.'),
  count('session_action_count', 'Actions in the session.'),
  count('session_long_task_count', 'Long tasks in the session.'),
] as const satisfies readonly FieldDef[];
