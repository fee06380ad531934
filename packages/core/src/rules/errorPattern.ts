// Error clustering (spec §1.6 "Cluster analysis", gap 8): errors whose messages differ only
// in the values inside them (numbers, ids, URLs, quoted text) share one pattern.

const RULES: [RegExp, string][] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]+/gi, '<url>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/"(?:[^"\\\n]|\\.){0,200}"/g, '"<str>"'],
  [/'(?:[^'\\\n]|\\.){0,200}'/g, "'<str>'"],
  [/`(?:[^`\\\n]|\\.){0,200}`/g, '`<str>`'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/gi, '<id>'],
  [/(?<![A-Za-z_])\d+(?:\.\d+)?/g, '<n>'],
];

/** The pattern of an error message: its variable parts masked, whitespace collapsed. */
export function errorPattern(message: string): string {
  let pattern = message.length > 2000 ? message.slice(0, 2000) : message;
  for (const [regex, mask] of RULES) pattern = pattern.replace(regex, mask);
  return pattern.replace(/\s+/g, ' ').trim();
}
