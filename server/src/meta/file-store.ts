import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * A small JSON document kept durable on disk: written to a temp file, fsynced and renamed
 * over the old one, so a crash leaves either the old or the new version, never half of one.
 */
export interface JsonFile<T> {
  read(): T | undefined;
  write(value: T): void;
}

export function jsonFile<T>(file: string): JsonFile<T> {
  return {
    read() {
      if (!existsSync(file)) return undefined;
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as T;
      } catch (error) {
        throw new Error(
          `${file} is not valid JSON (${(error as Error).message}); restore it from a backup`,
        );
      }
    },
    write(value) {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
      const dir = openSync(path.dirname(file), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    },
  };
}
