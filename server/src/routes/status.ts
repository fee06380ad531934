import { Router } from 'express';

export interface StatusInfo {
  version: string;
  /** What this server serves, one line per route group, shown on `/` and logged at start. */
  serves: readonly { path: string; what: string }[];
}

export function statusRoutes(info: StatusInfo, clock: () => number, page = '/'): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: info.version, time: clock() });
  });
  // Browsers ask for it on every page; an empty answer keeps their consoles clean.
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get(page, (_req, res) => {
    res.type('html').send(statusPage(info));
  });
  return router;
}

// Everything on this page is our own static text; no event data is ever rendered as HTML.
function statusPage(info: StatusInfo): string {
  const rows = info.serves
    .map((s) => `<li><code>${escapeHtml(s.path)}</code> ${escapeHtml(s.what)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rumkit server</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:40px auto;max-width:720px;color:#1c2330}
code{background:#eef1f6;padding:1px 5px;border-radius:4px}</style></head>
<body><h1>rumkit server <small>${escapeHtml(info.version)}</small></h1>
<p>Open, self-hostable Real User Monitoring. This server serves:</p>
<ul id="serves">${rows}</ul></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
