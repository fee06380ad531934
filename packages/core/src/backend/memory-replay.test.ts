import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/index.js';
import { createMemoryBackend } from './memory.js';

const NOW = Date.UTC(2026, 10, 20, 12);
const segment = (view_id: string, start: number, index_in_view: number, session_id = 's1') => ({
  fields: {
    app_id: 'shop',
    session_id,
    view_id,
    start: String(start),
    end: String(start + 1000),
    creation_reason: index_in_view === 0 ? 'init' : 'segment_duration_limit',
    records_count: '1',
    has_full_snapshot: String(index_in_view === 0),
    index_in_view: String(index_in_view),
  },
  records: [{ type: 3, timestamp: start, data: { source: 1 } }],
});
const view = (id: string, time: number) => ({
  measurement: 'view',
  tags: { app_id: 'shop', session_id: 's1', view_id: id, view_url: `https://shop.test/${id}` },
  fields: { time_spent: 1e9, view_error_count: 0 },
  time,
});

describe('memory backend: getSessionReplay', () => {
  it('merges the segments in play order, with the views beside them', async () => {
    const rum = createMemoryBackend({
      now: () => NOW,
      events: [view('v1', NOW - 60_000), view('v2', NOW - 30_000)],
      replays: [segment('v2', NOW - 30_000, 0), segment('v1', NOW - 60_000, 0)],
    });
    rum.ingestReplay(segment('v1', NOW - 59_000, 1));
    const replay = await rum.getSessionReplay({ session_id: 's1' });
    expect(replay.segments.map((s) => [s.view_id, s.index_in_view])).toEqual([
      ['v1', 0],
      ['v1', 1],
      ['v2', 0],
    ]);
    expect(replay.records.map((r) => r.timestamp)).toEqual([
      NOW - 60_000,
      NOW - 59_000,
      NOW - 30_000,
    ]);
    expect(replay.session?.session_id).toBe('s1');
    expect(replay.events.map((e) => [e.category, e.view_id])).toEqual([
      ['view', 'v1'],
      ['view', 'v2'],
    ]);
  });

  it('answers an empty replay for a session without segments, and 404 for no session', async () => {
    const rum = createMemoryBackend({ now: () => NOW, events: [view('v1', NOW - 60_000)] });
    expect((await rum.getSessionReplay({ session_id: 's1' })).segments).toEqual([]);
    await expect(rum.getSessionReplay({ session_id: 'nope' })).rejects.toMatchObject({
      status: 404,
      code: 'session.not_found',
    });
  });

  it('plays segments that came before any event of their session', async () => {
    const rum = createMemoryBackend({
      now: () => NOW,
      replays: [segment('v9', NOW - 1000, 0, 's9')],
    });
    const replay = await rum.getSessionReplay({ session_id: 's9' });
    expect(replay.session).toBeNull();
    expect(replay.records).toHaveLength(1);
  });

  it('drops replays with their sessions past the retention', async () => {
    const rum = createMemoryBackend({
      now: () => NOW,
      replays: [segment('v1', NOW - 20 * 86_400_000, 0)],
    });
    await expect(
      rum.getSessionReplay({ session_id: 's1', from: NOW - 30 * 86_400_000 }),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it('keeps one copy of a segment sent twice, and marks its session as having a replay', async () => {
    const rum = createMemoryBackend({ now: () => NOW, events: [view('v1', NOW - 60_000)] });
    rum.ingestReplay(segment('v1', NOW - 60_000, 0));
    rum.ingestReplay(segment('v1', NOW - 60_000, 0));
    const replay = await rum.getSessionReplay({ session_id: 's1' });
    expect(replay.segments).toHaveLength(1);
    expect(replay.records).toHaveLength(1);
    expect(replay.session?.session_has_replay).toBe(true);
  });

  it('refuses a segment the server would refuse, naming the field', () => {
    const rum = createMemoryBackend({ now: () => NOW });
    const bad = segment('v1', NOW, 0);
    bad.fields.records_count = 'many';
    expect(() => rum.ingestReplay(bad)).toThrow(/records_count/);
  });
});
