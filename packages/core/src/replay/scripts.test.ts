import { describe, expect, it } from 'vitest';
import { withoutScripts } from './scripts.js';

const el = (
  tagName: string,
  attributes: Record<string, unknown> = {},
  childNodes: object[] = [],
) => ({
  type: 2,
  id: Math.floor(Math.random() * 1e9),
  tagName,
  attributes,
  childNodes,
});
const text = (textContent: string) => ({ type: 3, id: 1, textContent });
const snapshot = (node: object) => ({
  type: 2,
  timestamp: 1,
  data: { node, initialOffset: { top: 0, left: 0 } },
});

describe('withoutScripts', () => {
  it('takes scripts, handlers, srcdoc and javascript: URLs out of a full snapshot', () => {
    const record = snapshot(
      el('html', {}, [
        el('head', {}, [el('script', { src: '/app.js' }), el('title', {}, [text('Shop')])]),
        el('body', { onload: 'boot()' }, [
          el('img', { src: '/a.png', onerror: 'steal()', alt: 'a' }),
          el('a', { href: ' Java\tScript:steal()', title: 'x' }),
          el('a', { href: '/ok' }),
          el('iframe', { srcdoc: '<script>steal()</script>' }),
          el('script', {}, [text('steal()')]),
        ]),
      ]),
    );
    const before = JSON.stringify(record);
    const clean = JSON.stringify(withoutScripts(record));
    expect(clean).not.toMatch(/script/i);
    expect(clean).not.toMatch(/steal|boot|onload|onerror|srcdoc/);
    expect(clean).toContain('"alt":"a"');
    expect(clean).toContain('"href":"/ok"');
    expect(clean).toContain('Shop');
    // The record it was given is not changed: it is the query cache's.
    expect(JSON.stringify(record)).toBe(before);
  });

  it('cleans added nodes and attribute changes of a mutation', () => {
    const record = {
      type: 3,
      timestamp: 2,
      data: {
        source: 0,
        texts: [],
        removes: [],
        adds: [
          { parentId: 1, nextId: null, node: el('script', {}, [text('steal()')]) },
          { parentId: 1, nextId: null, node: el('button', { onclick: 'steal()' }, [text('Buy')]) },
        ],
        attributes: [{ id: 5, attributes: { onmouseover: 'steal()', class: 'hot' } }],
      },
    };
    const clean = withoutScripts(record) as typeof record;
    expect(clean.data.adds).toHaveLength(1);
    expect(clean.data.adds[0]?.node.attributes).toEqual({});
    expect(clean.data.attributes).toEqual([{ id: 5, attributes: { class: 'hot' } }]);
  });

  it('gives back a record without any as it is', () => {
    const record = snapshot(el('html', {}, [el('body', { class: 'x' }, [text('hi')])]));
    expect(withoutScripts(record)).toBe(record);
    const move = { type: 3, timestamp: 3, data: { source: 1, positions: [] } };
    expect(withoutScripts(move)).toBe(move);
  });
});
