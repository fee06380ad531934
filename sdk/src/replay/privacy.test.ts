// Privacy as the recorder applies it: rrweb with createPrivacy's options, each record then
// scrubbed, on pages written for each rule. Chromium checks the same in test/e2e/sdk-replay.
import { record } from '@rrweb/record';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adaptHappyDomForRrweb } from '../../test/replay.js';
import type { PrivacyLevel } from '../types.js';
import { createPrivacy, MASKED_VALUE } from './privacy.js';
import { SAMPLING } from './recorder.js';

/** A record as rrweb emits it, as far as these tests read it. */
interface Recorded {
  type: number;
  timestamp: number;
  data: unknown;
}

interface Serialized {
  type: number;
  id: number;
  tagName?: string;
  textContent?: string;
  attributes?: Record<string, unknown>;
  childNodes?: Serialized[];
}

let stop: (() => void) | undefined;
beforeAll(adaptHappyDomForRrweb);
afterEach(() => {
  stop?.();
  stop = undefined;
});

/**
 * Records `html` in `level` the way the recorder does; `events` grows as the page changes.
 * `before` runs on the page before recording starts.
 */
function recordPage(
  html: string,
  level: PrivacyLevel = 'mask-user-input',
  shouldMaskNode?: (node: Node, level: PrivacyLevel) => unknown,
  before?: () => void,
) {
  document.body.innerHTML = html;
  before?.();
  const privacy = createPrivacy(level, shouldMaskNode);
  const events: Recorded[] = [];
  stop = record({
    emit: (event) => {
      privacy.scrub(event, (id) => record.mirror.getNode(id));
      events.push(event);
    },
    ...privacy.options,
    slimDOMOptions: 'all',
    sampling: SAMPLING,
  });
  const tree = (events.find((e) => e.type === 2)?.data as { node: Serialized } | undefined)
    ?.node as Serialized;
  const find = (node: Serialized, id: number): Serialized | undefined =>
    node.id === id ? node : (node.childNodes || []).map((child) => find(child, id)).find(Boolean);
  /** The element's serialised node in the full snapshot. */
  const node = (selector: string) =>
    find(tree, record.mirror.getId(document.querySelector(selector))) as Serialized;
  /** All text under the element, as recorded. */
  const text = (selector: string): string => {
    const collect = (n: Serialized): string =>
      n.type === 3 ? n.textContent || '' : (n.childNodes || []).map(collect).join('');
    return collect(node(selector));
  };
  const attr = (selector: string, name: string) => node(selector).attributes?.[name];
  /** Everything recorded, as the upload would carry it. */
  const json = () => JSON.stringify(events);
  /**
   * Every string recorded, a line each: where a leaked value would be. Numbers (timestamps,
   * node ids) left out, so a digit secret cannot match one by chance.
   */
  const strings = () => {
    const out: string[] = [];
    JSON.stringify(events, (_key, value) => {
      if (typeof value === 'string') out.push(value);
      return value;
    });
    return out.join('\n');
  };
  return { events, node, text, attr, json, strings };
}

/** Lets rrweb's mutation observer report. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const type = (selector: string, value: string) => {
  const field = document.querySelector(selector) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
};

const FORM = `
  <h1 id="title">Checkout</h1>
  <form>
    <input id="name" value="Ada Lovelace" placeholder="Your name">
    <textarea id="note">Leave it at the door</textarea>
    <select id="size"><option value="l" selected>Large</option><option value="s">Small</option></select>
    <input id="buy" type="submit" value="Buy now">
  </form>
  <a id="link" href="/orders/42" title="Order 42">Your order</a>
  <img id="photo" src="/ada.png" alt="Ada">`;

describe('privacy levels', () => {
  it('mask-user-input (default): form values become ***, textarea and option text x; other text shows', () => {
    const page = recordPage(FORM);
    expect(page.text('#title')).toBe('Checkout');
    expect(page.attr('#name', 'value')).toBe(MASKED_VALUE);
    expect(page.attr('#name', 'placeholder')).toBe('Your name');
    expect(page.attr('#note', 'value')).toBe('xxxxx xx xx xxx xxxx');
    expect(page.attr('#size', 'value')).toBe(MASKED_VALUE);
    expect(page.text('#size')).toBe('xxxxxxxxxx');
    expect(page.attr('#size option', 'value')).toBe(MASKED_VALUE);
    // A button's value is its label, not user input.
    expect(page.attr('#buy', 'value')).toBe('Buy now');
    expect(page.attr('#link', 'href')).toBe('http://localhost:3000/orders/42');
    expect(page.attr('#photo', 'src')).toBe('http://localhost:3000/ada.png');
    expect(page.json()).not.toMatch(/Ada Lovelace|Leave it|Large/);
  });

  it('mask: all text is x, images are placeholders, links and text attributes ***', () => {
    const page = recordPage(FORM, 'mask');
    expect(page.text('#title')).toBe('xxxxxxxx');
    expect(page.text('#link')).toBe('xxxx xxxxx');
    expect(page.attr('#link', 'href')).toBe(MASKED_VALUE);
    expect(page.attr('#link', 'title')).toBe(MASKED_VALUE);
    expect(page.attr('#name', 'placeholder')).toBe(MASKED_VALUE);
    expect(page.attr('#buy', 'value')).toBe(MASKED_VALUE);
    expect(page.attr('#photo', 'alt')).toBe(MASKED_VALUE);
    expect(page.attr('#photo', 'src')).toMatch(/^data:image\/svg\+xml;/);
    expect(page.json()).not.toMatch(/Checkout|Your order|Buy now|ada\.png|orders\/42/);
  });

  it('allow: everything shows, form values included', () => {
    const page = recordPage(FORM, 'allow');
    expect(page.text('#title')).toBe('Checkout');
    expect(page.attr('#name', 'value')).toBe('Ada Lovelace');
    expect(page.attr('#note', 'value')).toBe('Leave it at the door');
  });
});

describe('always masked, whatever the level', () => {
  const FIELDS = `<div data-gc-privacy="allow">
    <input id="password" type="password" value="hunter2">
    <input id="email" type="email" value="ada@example.com">
    <input id="tel" type="tel" value="+44 20 7946 0000">
    <input id="hidden" type="hidden" value="csrf-token-123">
    <input id="card" autocomplete="cc-number" value="4111111111111111">
    <input id="cvc" autocomplete="billing cc-csc" value="737">
    <input id="city" value="London">
  </div>`;

  for (const level of ['allow', 'mask-user-input', 'mask'] as const) {
    it(`passwords, emails, phone numbers, hidden fields and card fields (${level})`, () => {
      const page = recordPage(FIELDS, level);
      for (const id of ['password', 'email', 'tel', 'hidden', 'card', 'cvc'])
        expect(page.attr(`#${id}`, 'value'), id).toBe(MASKED_VALUE);
      // The allow on their parent shows the rest.
      expect(page.attr('#city', 'value')).toBe('London');
      expect(page.strings()).not.toMatch(/hunter2|ada@example|7946|csrf-token|4111|737/);
    });
  }

  it('a password never reaches a record: typed, set as an attribute, emptied, shown as text', async () => {
    const page = recordPage(
      '<div class="gc-privacy-allow"><input id="pw" type="password" value="hunter2"></div>',
      'allow',
    );
    const field = document.querySelector('#pw') as HTMLInputElement;
    type('#pw', 'correct horse');
    field.setAttribute('value', 'battery staple');
    await flush();
    // A "show password" button turns it into a text field.
    field.type = 'text';
    await flush();
    type('#pw', 'tr0ub4dor');
    await flush();
    // Emptied: rrweb falls back on the value attribute.
    field.value = '';
    stop?.();
    const again = recordPage('<input id="pw2" type="password" value="hunter2">', 'allow');
    (document.querySelector('#pw2') as HTMLInputElement).value = '';
    const json = page.json() + again.json();
    expect(
      page.events.some((e) => e.type === 3 && (e.data as { source: number }).source === 5),
    ).toBe(true);
    expect(json).not.toMatch(/hunter2|correct horse|battery staple|tr0ub4dor/);
  });

  it('a password field emptied before the snapshot does not give its value attribute away', () => {
    const page = recordPage(
      '<input id="pw" type="password" value="hunter2">',
      'allow',
      undefined,
      () => {
        (document.querySelector('#pw') as HTMLInputElement).value = '';
      },
    );
    expect(page.json()).not.toContain('hunter2');
  });
});

describe('per element', () => {
  it('data-gc-privacy and gc-privacy-* classes set an element’s level; the nearest setting wins', () => {
    const page = recordPage(
      `<div id="masked" data-gc-privacy="mask">
         <p id="inner">Secret plan</p>
         <p id="shown" data-gc-privacy="allow">Public note <span id="deep">and more</span></p>
         <input id="kept" class="gc-privacy-allow" value="visible value">
       </div>
       <div class="gc-privacy-mask"><p id="by-class">By class</p></div>
       <p id="free">Free text</p>`,
      'allow',
    );
    expect(page.text('#inner')).toBe('xxxxxx xxxx');
    expect(page.text('#shown')).toBe('Public note and more');
    expect(page.attr('#kept', 'value')).toBe('visible value');
    expect(page.text('#by-class')).toBe('xx xxxxx');
    expect(page.text('#free')).toBe('Free text');
  });

  it('mask-user-input on an element of a masked page shows its text but not its fields', () => {
    const page = recordPage(
      '<section data-gc-privacy="mask-user-input"><h2 id="h">Shipping</h2><input id="f" value="10 Downing St"></section><p id="p">Other</p>',
      'mask',
    );
    expect(page.text('#h')).toBe('Shipping');
    expect(page.attr('#f', 'value')).toBe(MASKED_VALUE);
    expect(page.text('#p')).toBe('xxxxx');
  });

  it('hidden: a placeholder block of the element’s size; nothing inside, not even what says allow', () => {
    const page = recordPage(
      `<div id="secret" data-gc-privacy="hidden" class="card">
         <p data-gc-privacy="allow">Card 4111 1111 1111 1111</p>
       </div>
       <div id="by-class" class="gc-privacy-hidden">Hidden too</div>`,
      'allow',
    );
    expect(page.node('#secret')).toMatchObject({
      tagName: 'div',
      attributes: { class: 'card rr-block', rr_width: '0px', rr_height: '0px' },
      childNodes: [],
    });
    expect(page.attr('#by-class', 'class')).toBe('gc-privacy-hidden rr-block');
    expect(page.strings()).not.toMatch(/4111|Hidden too/);
  });

  it('a setting that is not a level is ignored: the ancestors’ stands', () => {
    const page = recordPage(
      '<div data-gc-privacy="mask"><p id="p" data-gc-privacy="public">Secret</p></div>',
      'allow',
    );
    expect(page.text('#p')).toBe('xxxxxx');
  });

  it('shouldMaskNode masks an element and what it holds', () => {
    const seen: PrivacyLevel[] = [];
    const page = recordPage(
      '<div id="account"><p id="inside">Balance 1,200</p></div><p id="outside">Welcome</p>',
      'allow',
      (node, level) => {
        seen.push(level);
        return (node as Element).id === 'account';
      },
    );
    expect(page.text('#inside')).toBe('xxxxxxx xxxxx');
    expect(page.text('#outside')).toBe('Welcome');
    expect(new Set(seen)).toEqual(new Set(['allow']));
  });

  it('a throwing shouldMaskNode leaves the level as it is', () => {
    const page = recordPage('<p id="p">Hello</p>', 'allow', () => {
      throw new Error('host bug');
    });
    expect(page.text('#p')).toBe('Hello');
  });
});

describe('changes after the snapshot', () => {
  it('added nodes, text and attribute changes follow their level', async () => {
    const page = recordPage(
      '<div id="masked" data-gc-privacy="mask"></div><div id="open"></div><img id="photo" data-gc-privacy="mask" src="/a.png">',
      'allow',
    );
    const masked = document.querySelector('#masked') as HTMLElement;
    masked.innerHTML = '<p title="Tooltip secret">New secret <a href="/private">link</a></p>';
    (document.querySelector('#open') as HTMLElement).innerHTML = '<p>New public</p>';
    await flush();
    (masked.querySelector('p') as HTMLElement).firstChild!.textContent = 'Changed secret';
    masked.querySelector('p')?.setAttribute('title', 'Another secret');
    document.querySelector('#photo')?.setAttribute('src', '/b.png');
    await flush();
    const json = page.json();
    expect(json).toContain('New public');
    expect(json).not.toMatch(/secret|private|b\.png/i);
    expect(json).toContain('xxx xxxxxx');
    expect(json).toContain('data:image/svg+xml');
  });

  it('checked boxes and radio buttons: masked with field values, shown under allow', async () => {
    const html =
      '<input id="terms" type="checkbox" checked><input id="gift" type="radio" name="g">';
    const checks = (page: { events: Recorded[] }) =>
      page.events
        .filter((e) => e.type === 3 && (e.data as { source: number }).source === 5)
        .map((e) => (e.data as { isChecked: boolean }).isChecked);
    const masked = recordPage(html);
    expect(masked.attr('#terms', 'checked')).toBeUndefined();
    (document.querySelector('#gift') as HTMLInputElement).click();
    await flush();
    expect(checks(masked).length).toBeGreaterThan(0);
    expect(checks(masked)).not.toContain(true);
    stop?.();
    stop = undefined;
    const shown = recordPage(html, 'allow');
    expect(shown.attr('#terms', 'checked')).toBe(true);
    (document.querySelector('#gift') as HTMLInputElement).click();
    await flush();
    expect(checks(shown)).toContain(true);
  });

  it('typing in a field records its masked value', async () => {
    const page = recordPage('<input id="q"><textarea id="t"></textarea>');
    type('#q', 'my search');
    type('#t', 'my note');
    await flush();
    const inputs = page.events
      .filter((e) => e.type === 3 && (e.data as { source: number }).source === 5)
      .map((e) => (e.data as { text: string }).text);
    expect(inputs).toEqual([MASKED_VALUE, 'xx xxxx']);
  });
});
