// happy-dom lays nothing out. A virtualized list reads its viewport from clientHeight, how far
// it may scroll from scrollHeight, and learns of a scroll from the scroll event, which
// happy-dom's scroll() does not send. This gives a test file a 640 × 1200 viewport, content as
// tall as the list's body says, and the event; and takes it all back after the file.
import { afterAll, beforeAll } from 'vitest';

export function fakeLayoutForFile({ header = 34 }: { header?: number } = {}): void {
  const layout: Record<string, PropertyDescriptor> = {
    clientHeight: { get: () => 640 },
    clientWidth: { get: () => 1200 },
    scrollHeight: {
      get(this: HTMLElement) {
        const body = this.querySelector<HTMLElement>(':scope > .rk-events-body');
        return body ? header + Number.parseFloat(body.style.height || '0') : 0;
      },
    },
  };
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const realScroll = Element.prototype.scroll;
  beforeAll(() => {
    for (const [key, descriptor] of Object.entries(layout)) {
      saved.set(key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key));
      Object.defineProperty(HTMLElement.prototype, key, { configurable: true, ...descriptor });
    }
    Element.prototype.scroll = function scroll(this: Element, ...args: unknown[]) {
      (realScroll as (...a: unknown[]) => void).apply(this, args);
      this.dispatchEvent(new Event('scroll'));
    };
  });
  afterAll(() => {
    Element.prototype.scroll = realScroll;
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
    }
  });
}
