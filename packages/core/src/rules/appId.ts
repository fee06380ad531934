// The app_id rule of spec §1.2: letters, digits and underscore, at most 48 characters.
// Ingest routes by app_id alone, so the server also keeps it unique across workspaces.

export const APP_ID_MAX_LENGTH = 48;
const APP_ID_CHARS = /^[A-Za-z0-9_]+$/;

export type AppIdProblem = 'empty' | 'too_long' | 'bad_characters';

export type AppIdCheck = { ok: true } | { ok: false; problem: AppIdProblem; message: string };

export function checkAppId(appId: string): AppIdCheck {
  if (appId.length === 0) return { ok: false, problem: 'empty', message: 'app_id is empty' };
  if (appId.length > APP_ID_MAX_LENGTH) {
    return {
      ok: false,
      problem: 'too_long',
      message: `app_id has ${appId.length} characters; at most ${APP_ID_MAX_LENGTH} are allowed`,
    };
  }
  if (!APP_ID_CHARS.test(appId)) {
    const bad = [...appId].find((ch) => !/[A-Za-z0-9_]/.test(ch));
    return {
      ok: false,
      problem: 'bad_characters',
      message: `app_id may hold only letters, digits and underscore; found ${JSON.stringify(bad)}`,
    };
  }
  return { ok: true };
}

export function isValidAppId(appId: string): boolean {
  return checkAppId(appId).ok;
}

/** An id in the console's style, `appid_<32 hex>`. `randomHex` must return 32 hex digits. */
export function generateAppId(randomHex: () => string): string {
  return `appid_${randomHex()}`;
}
