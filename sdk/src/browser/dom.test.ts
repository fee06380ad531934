import { beforeEach, describe, expect, it } from 'vitest';
import { actionNameOf, selectorOf } from './dom.js';

const $ = (selector: string) => document.querySelector(selector) as Element;

describe('selectorOf', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <main id="app"><ul class="list items"><li><a class="link x-1 third">one</a></li><li><a>two</a></li></ul></main>
      <section><p>text</p><p>more</p></section>`;
  });

  it('starts at the nearest ancestor with an id', () => {
    expect(selectorOf($('a.link'))).toBe('main#app>ul.list.items>li:nth-of-type(1)>a.link.x-1');
  });

  it('finds the element it names, and uses the parent of a text node', () => {
    const second = $('section p:nth-of-type(2)');
    const selector = selectorOf(second.firstChild) as string;
    expect(selector).toBe('html>body>section>p:nth-of-type(2)');
    expect(document.querySelector(selector)).toBe(second);
  });

  it('gives nothing for nothing', () => {
    expect(selectorOf(null)).toBeUndefined();
  });
});

describe('actionNameOf', () => {
  it('prefers the actionNameAttribute, then data-guance-action-name, on the element or an ancestor', () => {
    document.body.innerHTML = `<div data-track="Checkout" data-guance-action-name="Pay"><button><span>Go</span></button></div>`;
    expect(actionNameOf($('span'), 'data-track')).toBe('Checkout');
    expect(actionNameOf($('span'))).toBe('Pay');
  });

  it('reads labels of the nearest interactive element, then its text', () => {
    document.body.innerHTML = `
      <button id="a" aria-label="Close dialog"><svg></svg></button>
      <a id="b" href="#"><img alt="Logo"> </a>
      <button id="c" title="Save draft">💾</button>
      <button id="d"><span>  Add   to
        cart </span></button>`;
    expect(actionNameOf($('#a svg'))).toBe('Close dialog');
    expect(actionNameOf($('#b img'))).toBe('Logo');
    expect(actionNameOf($('#c'))).toBe('Save draft');
    expect(actionNameOf($('#d span'))).toBe('Add to cart');
  });

  it('never reads what a user typed in a field, but names buttons by their value', () => {
    document.body.innerHTML = `<input id="t" value="my secret"><input id="s" type="submit" value="Send"><textarea id="x">private</textarea>`;
    expect(actionNameOf($('#t'))).toBeUndefined();
    expect(actionNameOf($('#x'))).toBeUndefined();
    expect(actionNameOf($('#s'))).toBe('Send');
  });

  it('keeps at most 100 characters', () => {
    document.body.innerHTML = `<button>${'long '.repeat(50)}</button>`;
    expect(actionNameOf($('button'))).toHaveLength(100);
  });
});
