import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where replay segments' records live: opaque bytes by key. The index (EventStore) says which
 * keys a session has; the blobs hold the bytes. Files under the data directory by default; an
 * object store (S3 and the like) fits the same interface, for servers that share no disk.
 */
export interface BlobStore {
  /** Stores bytes under a key, durably: when it resolves, a crash keeps them. Replaces. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under a key; undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Deletes these keys; a missing one is no error. */
  delete(keys: readonly string[]): Promise<void>;
  /** Deletes every key under a prefix (a workspace's `<workspace>/`). */
  deletePrefix(prefix: string): Promise<void>;
}

/**
 * A file name part for any id: readable when the id is plain (lower-case letters, digits, `-`,
 * `_`; at most 64), else `h.` and its hash. Never `.`, `..`, a separator or a device name, and
 * two ids never share one: a hashed name has a dot, a plain one has none. Lower case only, so
 * case-insensitive file systems (macOS, Windows) keep ids apart.
 */
export function safeName(id: string): string {
  if (/^[a-z0-9_-]{1,64}$/.test(id) && !/^(con|prn|aux|nul|com\d|lpt\d)$/.test(id)) return id;
  return `h.${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;
}

/** A workspace's prefix: every key of its segments starts with it. */
export const workspacePrefix = (workspaceId: string) => `${safeName(workspaceId)}/`;

/**
 * Where a segment's records are kept: `<workspace>/<yyyy-mm-dd>/<session>/<view>-<index>-<start>.z`
 * (the day of its start, UTC), every part made safe. The same segment sent again gets the same
 * key, so a retry replaces its blob.
 */
export function segmentKey(segment: {
  workspaceId: string;
  sessionId: string;
  viewId: string;
  indexInView: number;
  start: number;
}): string {
  const day = new Date(segment.start).toISOString().slice(0, 10);
  return [
    workspacePrefix(segment.workspaceId).slice(0, -1),
    safeName(day),
    safeName(segment.sessionId),
    `${safeName(segment.viewId)}-${segment.indexInView}-${segment.start}.z`,
  ].join('/');
}

/** Keys are relative paths of safe parts; anything else is refused before it reaches the disk. */
const KEY = /^[a-z0-9_.-]+(\/[a-z0-9_.-]+)*\/?$/;

function checkKey(key: string): string[] {
  const parts = key.split('/').filter((part) => part !== '');
  if (!KEY.test(key) || parts.some((part) => part === '.' || part === '..' || part === ''))
    throw new Error(`not a blob key: ${JSON.stringify(key)}`);
  return parts;
}

/**
 * Blobs as files under `root`. A put writes a temporary file beside the target, fsyncs it,
 * renames it over the target and fsyncs the directory (and the directories it made), so a
 * crash leaves the old blob or the new one, never part of one.
 */
export function fileBlobStore(root: string): BlobStore {
  const base = path.resolve(root);
  const fileOf = (key: string) => path.join(base, ...checkKey(key));

  return {
    async put(key, bytes) {
      const file = fileOf(key);
      const dir = path.dirname(file);
      let made = await mkdir(dir, { recursive: true });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(temp, 'w', 0o600).catch(async (error: NodeJS.ErrnoException) => {
        // A delete emptied and removed the directory between the mkdir and here: once more.
        if (error.code !== 'ENOENT') throw error;
        made = (await mkdir(dir, { recursive: true })) ?? made;
        return open(temp, 'w', 0o600);
      });
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temp, file);
      // The new name lives in its directory; new directories live in their parents.
      await syncDir(dir);
      if (made !== undefined) {
        for (let d = dir; d !== path.dirname(made); d = path.dirname(d))
          await syncDir(path.dirname(d));
      }
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(keys) {
      const dirs = new Set<string>();
      for (const key of keys) {
        const file = fileOf(key);
        await rm(file, { force: true });
        dirs.add(path.dirname(file));
      }
      // Empty session and day directories go too, so retention leaves no trail of them.
      for (const dir of dirs) {
        for (let d = dir; d.startsWith(base + path.sep); d = path.dirname(d)) {
          if (!(await removeIfEmpty(d))) break;
        }
      }
    },
    async deletePrefix(prefix) {
      await rm(path.join(base, ...checkKey(prefix)), { recursive: true, force: true });
    },
  };
}

/**
 * Removes the temporary files a put left when the process died before its rename (they would
 * also keep an emptied session's directory from going). Only for a store no process is writing
 * to: the server calls it as it opens its data directory. Resolves with how many went.
 */
export async function sweepTemporaryFiles(root: string): Promise<number> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const stray = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.tmp'));
  for (const entry of stray) await rm(path.join(entry.parentPath, entry.name), { force: true });
  return stray.length;
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeIfEmpty(dir: string): Promise<boolean> {
  try {
    await rmdir(dir);
    return true;
  } catch {
    // Not empty (or gone already): leave it.
    return false;
  }
}
