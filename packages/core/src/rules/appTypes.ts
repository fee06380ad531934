// App types of spec §1.2 (Web, Mini Program, Android, iOS, Custom) plus the platforms that
// have access guides: macOS, React Native, Flutter, UniApp and C++.
export const APP_TYPES = [
  'web',
  'miniapp',
  'android',
  'ios',
  'macos',
  'react_native',
  'flutter',
  'uniapp',
  'cpp',
  'custom',
] as const;

export type AppType = (typeof APP_TYPES)[number];

export function isAppType(value: string): value is AppType {
  return (APP_TYPES as readonly string[]).includes(value);
}
