// Messages for the developer of the host page, prefixed "[rumkit]". The console collector
// skips calls with that prefix, so the SDK's own messages never come back as error events.

type Level = 'info' | 'warn' | 'error';
export const PREFIX = '[rumkit]';
const shown = new Set<string>();

export function display(level: Level, message: string, detail?: unknown): void {
  try {
    // biome-ignore lint/suspicious/noConsole: the SDK's messages to the developer
    console[level](`${PREFIX} ${message}`, ...(detail === undefined ? [] : [detail]));
  } catch {
    // A console that throws must not break the host page.
  }
}

/** Shows a message once per page, however often the problem happens. */
export function displayOnce(level: Level, message: string): void {
  if (!shown.has(message)) display(level, message);
  shown.add(message);
}
