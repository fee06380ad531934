import { FIELDS, fieldsOf } from './catalogue.js';
import { CATEGORIES, type Category, EVENT_CATEGORIES } from './categories.js';
import type { FieldDef, Platform, Unit } from './field-def.js';

const ABOUT: Record<Category, string> = {
  session: 'Built by the server from the events of one session_id; no SDK sends it.',
  view: 'One record per page view, re-sent while the page lives; the latest version wins.',
  resource: 'A request or loaded file (Resource Timing, fetch, XHR).',
  error: 'A JS error, console error, failed request, CSP report or crash.',
  long_task: 'A main-thread task over 50 ms (web) or a freeze (mobile).',
  action: 'A click, custom action or app launch.',
  telemetry: "The SDK's reports about itself.",
};

const UNIT_LABELS: Record<Unit, string> = {
  ns: 'ns',
  ms: 'ms',
  epoch_ms: 'ms since epoch',
  byte: 'bytes',
  percent: '%',
  fps: 'frames/s',
};

const PLATFORM_LABELS: Record<Platform, string> = {
  web: 'web',
  android: 'Android',
  ios: 'iOS',
  miniapp: 'mini-program',
};

/** The docs page for the catalogue (docs/schema.md): a table per category, shared names once. */
export function renderSchemaMarkdown(): string {
  const all: readonly FieldDef[] = FIELDS;
  const everywhere = all.filter((def) => carriedByAll(def, CATEGORIES));
  const inEvents = all.filter(
    (def) => carriedByAll(def, EVENT_CATEGORIES) && !everywhere.includes(def),
  );
  const lines = [
    '# RUM event schema',
    '',
    '<!-- Generated from packages/core/src/schema by scripts/gen-schema-doc.ts; do not edit. -->',
    '',
    'Every tag and field of the RUM data model (the Guance RUM model as DataKit receives it).',
    'Durations are integers in **nanoseconds**; timestamps are **milliseconds** since the epoch.',
    '*Kind* is where the SDKs usually put a key; ingest accepts it as a tag or a field either way.',
    'JSON values travel as strings. Keys not listed here are custom context.',
    '',
    '| Category | Sent by | Tags | Fields |',
    '| --- | --- | --- | --- |',
    ...CATEGORIES.map((category) => {
      const defs = fieldsOf(category);
      const tags = defs.filter((def) => def.kind === 'tag').length;
      const sender = category === 'session' ? 'server' : 'SDK';
      return `| \`${category}\` | ${sender} | ${tags} | ${defs.length - tags} |`;
    }),
    '',
    '## Every category',
    '',
    'Carried by all categories, the server-built session included.',
    '',
    ...table(everywhere),
    '',
    '## Every event in a view',
    '',
    `Carried by ${EVENT_CATEGORIES.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    ...table(inEvents),
  ];
  for (const category of CATEGORIES) {
    const shared = (EVENT_CATEGORIES as readonly string[]).includes(category)
      ? [...everywhere, ...inEvents]
      : everywhere;
    const own = fieldsOf(category).filter((def) => !shared.includes(def));
    lines.push('', `## \`${category}\``, '', ABOUT[category], '', ...table(own));
  }
  return `${lines.join('\n')}\n`;
}

function carriedByAll(def: FieldDef, categories: readonly Category[]): boolean {
  return categories.every((category) => def.categories.includes(category));
}

function table(defs: readonly FieldDef[]): string[] {
  return [
    '| Name | Kind | Type | Unit | Origin | Description |',
    '| --- | --- | --- | --- | --- | --- |',
    ...defs.map((def) => {
      const unit = def.unit ? UNIT_LABELS[def.unit] : '';
      return `| \`${def.name}\` | ${def.kind} | ${def.type} | ${unit} | ${def.origin} | ${describe(def)} |`;
    }),
  ];
}

function describe(def: FieldDef): string {
  const parts = [escapeMarkdown(def.description)];
  if (def.values) parts.push(`Values: ${def.values.map((v) => `\`${v}\``).join(', ')}.`);
  if (def.platforms) {
    parts.push(`Only from ${def.platforms.map((p) => PLATFORM_LABELS[p]).join(', ')}.`);
  }
  if (def.text) parts.push('Free-text searchable.');
  return parts.join(' ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[|*<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}
