import type { Logger } from './http/errors.js';

export function consoleLogger(): Logger {
  return {
    info: (message, details) => console.info(message, details ?? ''),
    error: (message, details) => console.error(message, details ?? ''),
  };
}
