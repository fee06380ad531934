// A small single-page app for the SDK's browser tests and the SDK bench: routes through the
// History API, a list of about 2,000 DOM nodes, a fetch that fails, an uncaught error, a
// button that does nothing (for rage clicks) and a slow script (a long task).
// Framework-free on purpose: the bench measures the SDKs, not a framework.
(() => {
  const app = document.getElementById('app');
  const api = window.SITE_API || '';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function nav(path, label, id) {
    return el('a', { href: path, id, 'data-route': '' }, label);
  }

  function busy(ms) {
    const end = performance.now() + ms;
    let x = 0;
    while (performance.now() < end) x += Math.sqrt(x + 1);
    return x;
  }

  /** About 2,000 nodes: 200 rows of 10. */
  function catalogue(count) {
    const list = el('ul', { class: 'catalogue' });
    for (let i = 0; i < count; i++) {
      list.append(
        el(
          'li',
          { class: 'item' },
          el('span', { class: 'name' }, `Product ${i}`),
          el('span', { class: 'price' }, `${(i * 1.37).toFixed(2)} €`),
          el('button', { class: 'add', 'data-id': String(i) }, 'Add'),
          el('em', {}, i % 3 === 0 ? 'new' : 'classic'),
        ),
      );
    }
    return list;
  }

  const routes = {
    '/': () => [el('h1', {}, 'Shop'), catalogue(window.SITE_ITEMS || 200)],
    '/products': () => [el('h1', {}, 'Products'), catalogue(50)],
    '/products/42': () => [
      el('h1', {}, 'Product 42'),
      el('p', { id: 'detail' }, 'A fine product.'),
    ],
    '/about': () => [el('h1', {}, 'About'), el('p', {}, 'A test shop.')],
  };

  function render() {
    const page = routes[location.pathname] || (() => [el('h1', {}, 'Not found')]);
    app.replaceChildren(
      el(
        'nav',
        {},
        nav('/', 'Home', 'nav-home'),
        nav('/products', 'Products', 'nav-products'),
        nav('/products/42', 'Product 42', 'nav-product-42'),
        nav('/about', 'About', 'nav-about'),
      ),
      el(
        'div',
        { class: 'tools' },
        el(
          'button',
          { id: 'fetch-ok', onclick: () => fetch(`${api}/api/items?page=1`).then((r) => r.json()) },
          'Load items',
        ),
        el(
          'button',
          { id: 'fetch-fail', onclick: () => fetch(`${api}/api/fail`).catch(() => {}) },
          'Break the server',
        ),
        el(
          'button',
          {
            id: 'throw',
            onclick: () =>
              setTimeout(() => {
                throw new TypeError('the cart exploded');
              }),
          },
          'Explode',
        ),
        el('button', { id: 'slow', onclick: () => busy(150) }, 'Slow script'),
        el('div', { id: 'rage', class: 'price-tag' }, 'Buy now'),
      ),
      ...page(),
    );
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (!link) return;
    event.preventDefault();
    history.pushState({}, '', link.getAttribute('href'));
    render();
  });
  window.addEventListener('popstate', render);
  render();
})();
