// The device tags, read once from the user agent.

/** Name, then a pattern whose first group is the version; the first match wins. */
const BROWSERS = [
  'Edge',
  /Edg\w*\/([\d.]+)/,
  'Opera',
  /OPR\/([\d.]+)/,
  'Firefox',
  /(?:Firefox|FxiOS)\/([\d.]+)/,
  'Chrome',
  /C(?:hrome|riOS)\/([\d.]+)/,
  'Safari',
  /Version\/([\d.]+).*Safari/,
] as const;
const SYSTEMS = [
  'Windows',
  /Windows NT ([\d.]+)/,
  'iOS',
  /OS ([\d_]+) like Mac/,
  'Mac OS',
  /Mac OS X ([\d_.]+)/,
  'Android',
  /Android ([\d.]+)/,
  'Linux',
  /Linux/,
] as const;

export type Device = Record<string, string | undefined>;

/** os, osVersion(Major), browser, browserVersion(Major), and device: PC, Mobile or Tablet. */
export function parseUserAgent(ua: string): Device {
  const device: Device = {
    device: /iPad|Tablet|Android(?!.*Mobi)/.test(ua)
      ? 'Tablet'
      : /Mobi|iPhone|Android/.test(ua)
        ? 'Mobile'
        : 'PC',
  };
  const find = (list: readonly (string | RegExp)[], key: string) => {
    for (let i = 0; i < list.length; i += 2) {
      const match = (list[i + 1] as RegExp).exec(ua);
      if (match) {
        const version = match[1]?.replace(/_/g, '.');
        device[key] = list[i] as string;
        device[`${key}Version`] = version;
        device[`${key}VersionMajor`] = version?.split('.')[0];
        return;
      }
    }
  };
  find(SYSTEMS, 'os');
  find(BROWSERS, 'browser');
  return device;
}

/** wifi, 2g, 3g, 4g, 5g, unknown or unreachable. */
export function networkType(): string {
  const connection =
    (navigator as { connection?: { type?: string; effectiveType?: string } }).connection || {};
  return !navigator.onLine
    ? 'unreachable'
    : /wifi|ethernet/.test(String(connection.type))
      ? 'wifi'
      : (connection.effectiveType || 'unknown').replace('slow-', '');
}
