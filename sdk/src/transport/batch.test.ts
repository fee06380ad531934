import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import { createBatch, GUANCE_LIMITS, utf8Length } from './batch.js';
import { createDrops } from './drops.js';

describe('the batch', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const sent: { body: string; exit: boolean }[] = [];
    const drops = createDrops();
    const batch = createBatch((body, exit) => sent.push({ body, exit }), drops);
    return { sent, drops, batch };
  };

  it('sends 50 events per request at most', () => {
    const { sent, batch } = setup();
    for (let i = 0; i < 120; i++) batch.add(`e${i}`);
    expect(sent.map((s) => s.body.split('\n').length)).toEqual([50, 50]);
    batch.flush(false);
    expect(sent[2]?.body.split('\n')).toHaveLength(20);
  });

  it('keeps each request within 16 KiB', () => {
    const { sent, batch } = setup();
    const line = 'x'.repeat(3000);
    for (let i = 0; i < 12; i++) batch.add(line);
    batch.flush(false);
    for (const { body } of sent)
      expect(utf8Length(body)).toBeLessThanOrEqual(GUANCE_LIMITS.maxBytes);
    expect(sent.map((s) => s.body.split('\n').length)).toEqual([5, 5, 2]);
  });

  it('sends what waits after 30 s', () => {
    const { sent, batch } = setup();
    batch.add('a');
    vi.advanceTimersByTime(29_999);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ body: 'a', exit: false }]);
  });

  it('replaces a waiting view by its newer version (upsert)', () => {
    const { sent, batch } = setup();
    batch.add('view 1 v1', 'view-1');
    batch.add('resource');
    batch.add('view 1 v2', 'view-1');
    batch.flush(true);
    expect(sent).toEqual([{ body: 'view 1 v2\nresource', exit: true }]);
  });

  it('drops an event over 256 KiB and counts it', () => {
    const { sent, drops, batch } = setup();
    batch.add('é'.repeat(140 * 1024));
    batch.flush(false);
    expect(sent).toEqual([]);
    expect(drops.take()).toEqual({ event_too_large: 1 });
  });

  it('counts UTF-8 bytes, surrogate pairs included', () => {
    expect(utf8Length('aé€😀')).toBe(new TextEncoder().encode('aé€😀').length);
  });
});
