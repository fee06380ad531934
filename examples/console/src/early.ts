// Requests the console's entry makes before React and the kit have loaded, for the first screen
// of a deep link; the HTTP backend's fetch takes their answers instead of asking again.

export type EarlyRequests = Map<string, Promise<Response>>;

/** The URL the HTTP backend asks a replay's first part at (createHttpBackend's own form). */
export const firstReplayPartUrl = (sessionId: string, at?: number) =>
  `/api/v1/sessions/${encodeURIComponent(sessionId)}/replay?part=first${at === undefined ? '' : `&at=${at}`}`;

/** A fetch for createHttpBackend: an early request's answer once, else the network. */
export function fetchWithEarly(early: EarlyRequests): typeof fetch {
  return (input, init) => {
    const url = String(input);
    const answer = (init?.method ?? 'GET') === 'GET' ? early.get(url) : undefined;
    if (!answer) return fetch(input, init);
    early.delete(url);
    return answer;
  };
}
