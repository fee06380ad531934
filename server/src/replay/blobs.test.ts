import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fileBlobStore,
  safeName,
  segmentKey,
  sweepTemporaryFiles,
  workspacePrefix,
} from './blobs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function newRoot() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-blobs-'));
  dirs.push(dir);
  return path.join(dir, 'replay');
}

const T = Date.UTC(2026, 10, 20, 12);
const key = (sessionId: string, extra: Partial<Parameters<typeof segmentKey>[0]> = {}) =>
  segmentKey({ workspaceId: 'ws_1', sessionId, viewId: 'v1', indexInView: 0, start: T, ...extra });

describe('segment keys', () => {
  it('read as workspace, day, session and segment when the ids are plain', () => {
    expect(key('5f0c1e2a-0b7e-4c1d-9d3e-1b2c3d4e5f60', { indexInView: 3 })).toBe(
      `ws_1/2026-11-20/5f0c1e2a-0b7e-4c1d-9d3e-1b2c3d4e5f60/v1-3-${T}.z`,
    );
  });

  it.each([
    '../../etc/passwd',
    '..',
    '.',
    'a/b',
    'a\\b',
    'C:\\x',
    'Mixed-Case',
    'con',
    'x'.repeat(65),
    'sess\u0000ion',
    '',
  ])('turn the id %j into one safe name, never a path', (id) => {
    const name = safeName(id);
    expect(name).toMatch(/^h\.[0-9a-f]{40}$/);
    expect(key(id).split('/')).toHaveLength(4);
  });

  it('never give two ids one name', () => {
    const names = ['abc', 'ABC', 'Abc', 'h.abc', 'abc ', 'abc/'].map(safeName);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the file blob store', () => {
  it('keeps bytes by key, replaces them, and answers undefined for a missing key', async () => {
    const root = newRoot();
    const blobs = fileBlobStore(root);
    await blobs.put(key('s1'), Buffer.from('first'));
    await blobs.put(key('s1'), Buffer.from('second'));
    expect((await blobs.get(key('s1')))?.toString()).toBe('second');
    expect(await blobs.get(key('s2'))).toBeUndefined();
    // Written through a temporary file renamed into place: none is left.
    expect(readdirSync(path.join(root, 'ws_1', '2026-11-20', 's1'))).toEqual([`v1-0-${T}.z`]);
  });

  it('sweeps the temporary files a dead process left, and nothing else', async () => {
    const root = newRoot();
    const blobs = fileBlobStore(root);
    await blobs.put(key('s1'), Buffer.from('kept'));
    const dir = path.join(root, 'ws_1', '2026-11-20', 's1');
    writeFileSync(path.join(dir, `v1-1-${T}.z.a1b2c3.tmp`), 'half');
    mkdirSync(path.join(root, 'ws_1', '2026-11-21', 's9'), { recursive: true });
    writeFileSync(path.join(root, 'ws_1', '2026-11-21', 's9', 'v1-0-1.z.d4e5f6.tmp'), 'half');
    expect(await sweepTemporaryFiles(root)).toBe(2);
    expect(readdirSync(dir)).toEqual([`v1-0-${T}.z`]);
    expect((await blobs.get(key('s1')))?.toString()).toBe('kept');
    // Nothing is left to sweep; a store not made yet has nothing either.
    expect(await sweepTemporaryFiles(root)).toBe(0);
    expect(await sweepTemporaryFiles(path.join(root, 'none'))).toBe(0);
  });

  it('refuses a key that could leave its directory', async () => {
    const blobs = fileBlobStore(newRoot());
    for (const bad of ['../x.z', 'ws/../../x.z', '/etc/passwd', 'ws\\x', 'ws/./x', 'WS/x.z', '']) {
      await expect(blobs.put(bad, Buffer.from('x')), bad).rejects.toThrow(/not a blob key/);
      await expect(blobs.get(bad), bad).rejects.toThrow(/not a blob key/);
    }
  });

  it('deletes keys and the directories they leave empty, missing keys being no error', async () => {
    const root = newRoot();
    const blobs = fileBlobStore(root);
    await blobs.put(key('s1'), Buffer.from('a'));
    await blobs.put(key('s1', { indexInView: 1 }), Buffer.from('b'));
    await blobs.put(key('s2'), Buffer.from('c'));
    await blobs.delete([key('s1'), key('s1', { indexInView: 1 }), key('gone')]);
    expect(existsSync(path.join(root, 'ws_1', '2026-11-20', 's1'))).toBe(false);
    expect((await blobs.get(key('s2')))?.toString()).toBe('c');
    await blobs.delete([key('s2')]);
    expect(existsSync(path.join(root, 'ws_1'))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });

  it("deletes a workspace's blobs, and no other's", async () => {
    const blobs = fileBlobStore(newRoot());
    await blobs.put(key('s1'), Buffer.from('a'));
    await blobs.put(key('s1', { workspaceId: 'ws_2' }), Buffer.from('b'));
    await blobs.deletePrefix(workspacePrefix('ws_1'));
    expect(await blobs.get(key('s1'))).toBeUndefined();
    expect((await blobs.get(key('s1', { workspaceId: 'ws_2' })))?.toString()).toBe('b');
    await blobs.deletePrefix(workspacePrefix('ws_never'));
  });
});
