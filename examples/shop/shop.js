// A small single-page shop instrumented with @rumkit/browser, for the demo of `npm start`.
// It has what a RUM demo needs: route changes, a failing request, an uncaught error, a slow
// page and a button that invites rage clicks. Everything is built with textContent.

const PRODUCTS = [
  { id: 1, name: 'Trail running shoes', price: 129 },
  { id: 2, name: 'Rain jacket', price: 189 },
  { id: 3, name: 'Merino socks', price: 19 },
  { id: 4, name: 'Head torch', price: 49 },
  { id: 5, name: 'Water bottle', price: 25 },
  { id: 6, name: 'Day pack', price: 99 },
];
const cart = [];

async function start() {
  const config = await fetch('/demo/config.json').then((r) => r.json());
  const rum = window.RUMKIT;
  if (rum) {
    rum.init({
      applicationId: config.shopAppId,
      datakitOrigin: config.intakeOrigin,
      env: 'demo',
      version: '1.0.0',
      service: 'demo-shop',
      trackUserInteractions: true,
    });
    rum.setUser({ id: 'visitor', name: 'You' });
    // Session replay: every demo session is recorded (sessionReplaySampleRate defaults to
    // 100), with field values masked (the default privacy level, mask-user-input).
    rum.startSessionReplayRecording();
    const context = rum.getInternalContext?.();
    const sessionId = context?.session_id ?? context?.session?.id;
    if (sessionId) document.getElementById('session-id').textContent = sessionId;
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);
  render();
}

function navigate(href) {
  history.pushState({}, '', href);
  render();
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'onclick') node.addEventListener('click', value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function render() {
  const page = document.getElementById('page');
  const path = location.pathname.replace(/^\/shop/, '') || '/';
  page.replaceChildren();
  document.getElementById('cart-count').textContent = String(cart.length);
  if (path.startsWith('/product/')) return renderProduct(page, Number(path.split('/')[2]));
  if (path === '/cart') return renderCart(page);
  if (path === '/checkout') return renderCheckout(page);
  return renderList(page);
}

function renderList(page) {
  document.title = 'Products · demo shop';
  page.append(el('h1', {}, 'Products'));
  const grid = el('div', { className: 'grid' });
  for (const product of PRODUCTS) {
    grid.append(
      el(
        'div',
        { className: 'card' },
        el('h2', {}, product.name),
        el('p', {}, `$${product.price}`),
        el('a', { href: `/shop/product/${product.id}`, 'data-route': '' }, 'View'),
      ),
    );
  }
  page.append(grid);
}

function renderProduct(page, id) {
  const product = PRODUCTS.find((p) => p.id === id);
  if (!product) {
    page.append(el('h1', {}, 'Not found'));
    return;
  }
  document.title = `${product.name} · demo shop`;
  // The head torch page is slow on purpose: a long task the explorer shows.
  if (product.id === 4) {
    const until = performance.now() + 300;
    while (performance.now() < until) {}
  }
  page.append(
    el('h1', {}, product.name),
    el('p', {}, `$${product.price}`),
    el(
      'button',
      {
        className: 'primary',
        onclick: () => {
          cart.push(product);
          render();
        },
      },
      'Add to cart',
    ),
    el(
      'button',
      {
        onclick: () => {
          throw new TypeError(`price of ${product.name} is undefined`);
        },
      },
      'Compare prices (throws)',
    ),
  );
}

function renderCart(page) {
  document.title = 'Cart · demo shop';
  page.append(el('h1', {}, 'Cart'));
  if (cart.length === 0) page.append(el('p', {}, 'Your cart is empty.'));
  for (const item of cart) page.append(el('p', {}, `${item.name} — $${item.price}`));
  page.append(el('a', { href: '/shop/checkout', 'data-route': '' }, 'Checkout'));
}

function renderCheckout(page) {
  document.title = 'Checkout · demo shop';
  page.append(
    el('h1', {}, 'Checkout'),
    el(
      'p',
      {},
      'Payment is down in this demo: the button sends a request that fails. Click it a few times quickly for a rage click.',
    ),
    el(
      'button',
      {
        className: 'primary',
        onclick: async () => {
          const response = await fetch('/shop/api/pay', {
            method: 'POST',
            body: JSON.stringify({ items: cart.length }),
          });
          const notice = el(
            'div',
            { className: 'notice' },
            `Payment failed (${response.status}). Please try again.`,
          );
          page.append(notice);
        },
      },
      'Pay now',
    ),
  );
}

start();
