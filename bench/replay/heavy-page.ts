// The replay benches' heavy page: a live dashboard of 5,000 elements that changes every 100 ms.

/** The heavy page: 1,000 rows of 5 elements, and a live update every 100 ms. */
export const HEAVY_PAGE_SCRIPT = `(() => {
  const list = document.getElementById('list');
  let n = 0;
  const row = (i) => {
    const r = document.createElement('div');
    r.className = 'row';
    r.innerHTML = '<span class="name">Instrument ' + i + '</span><span class="qty">' + (i % 97) +
      '</span><span class="price">' + (i * 1.37).toFixed(2) + '</span><button>Trade</button>';
    return r;
  };
  for (let i = 0; i < 1000; i++) list.append(row(i));
  // Every 100 ms: 40 prices change, 40 rows flash, 4 rows are replaced (about 1,200 mutation
  // entries a second: a live dashboard, within the recorder's budget).
  setInterval(() => {
    const rows = list.children;
    for (let k = 0; k < 40; k++) {
      const r = rows[(n * 7 + k * 13) % rows.length];
      r.children[2].textContent = ((n + k) * 0.37).toFixed(2);
      rows[(n * 11 + k * 17) % rows.length].classList.toggle('hot');
    }
    for (let k = 0; k < 4; k++) list.replaceChild(row(1000 + n * 4 + k), rows[(n * 3 + k * 101) % rows.length]);
    n++;
  }, 100);
})();`;
const STYLE = '.row{display:flex;gap:8px;font:12px sans-serif}.hot{background:#fec}';

/** The page, with the SDK's script tag (`/assets/sdk.js`) in its head when `sdk`. */
export const heavyPageHtml = (sdk: boolean) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>${STYLE}</style>${sdk ? '<script src="/assets/sdk.js"></script>' : ''}</head><body><h1>Markets</h1><input id="search" placeholder="Search"><div id="list"></div><script src="/assets/page.js"></script></body></html>`;
