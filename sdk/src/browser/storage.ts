/** Where the session lives: a cookie, or localStorage when cookies are unavailable. */
export interface Store {
  read(): string | undefined;
  /** The same read without blocking the page, where the store has one; rejects when it fails. */
  readAsync?(): Promise<string | undefined>;
  /** Writes for `maxAge` ms; a maxAge of 0 or less deletes. */
  write(value: string, maxAge: number): void;
}

interface CookieStoreApi {
  get(name: string): Promise<{ value: string } | null>;
}

export interface CookieOptions {
  secure?: boolean;
  /** SameSite=None; Secure; Partitioned, for a site embedded in another. */
  partitioned?: boolean;
  /** Domain attribute, for a session shared by subdomains. */
  domain?: string;
}

export function cookieStore(name: string, options: CookieOptions): Store {
  const attributes = `;path=/;samesite=${options.partitioned ? 'none;partitioned' : 'strict'}${
    options.secure || options.partitioned ? ';secure' : ''
  }${options.domain ? `;domain=${options.domain}` : ''}`;
  // The asynchronous Cookie Store API, where there is one (secure contexts of Chromium, Safari
  // 18.4+, Firefox 140+). A synchronous document.cookie read waits for the browser's cookie
  // service whenever the cookies changed since the last one (0.7–13 ms on the bench's page);
  // this does not block the page.
  const api = (window as { cookieStore?: CookieStoreApi }).cookieStore;
  return {
    readAsync: api && (() => api.get(name).then((cookie) => cookie?.value)),
    read: () => {
      const match = document.cookie.match(`(?:^|;)\\s*${name}=([^;]*)`);
      return match ? match[1] : undefined;
    },
    write(value, maxAge) {
      // biome-ignore lint/suspicious/noDocumentCookie: writes stay synchronous, read back at once (the storage test)
      document.cookie = `${name}=${value};expires=${new Date(Date.now() + maxAge).toUTCString()}${attributes}`;
    },
  };
}

export function localStorageStore(name: string): Store {
  return {
    read: () => localStorage.getItem(name) || undefined,
    write: (value, maxAge) =>
      maxAge > 0 ? localStorage.setItem(name, value) : localStorage.removeItem(name),
  };
}

/** Whether a store can write and read back (cookies blocked, sandboxed frame, private mode). */
export function works(store: Store): boolean {
  try {
    const token = String(Math.random());
    store.write(token, 1000);
    const ok = store.read() === token;
    store.write('', 0);
    return ok;
  } catch {
    return false;
  }
}

/**
 * The widest domain of this host that takes a cookie (`example.com` for `a.b.example.com`), for
 * a session shared across subdomains; undefined when none does (an IP, localhost).
 */
export function topCookieDomain(): string | undefined {
  const parts = location.hostname.split('.');
  for (let i = parts.length - 2; i >= 0; i--) {
    const domain = parts.slice(i).join('.');
    if (works(cookieStore('_gc_test', { domain }))) return domain;
  }
  return undefined;
}
