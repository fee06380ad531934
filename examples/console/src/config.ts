/** What the server hands the console in demo mode (GET /demo/config.json). */
export interface DemoConfig {
  /** The demo workspace's API key. */
  apiKey: string;
  /** Where SDKs send events: the server's own origin. */
  intakeOrigin: string;
  /** The app the instrumented demo shop reports to. */
  shopAppId?: string;
}

export async function loadDemoConfig(): Promise<DemoConfig> {
  // As index.html preloads it (same mode, credentials and headers), so its answer is reused.
  const response = await fetch('/demo/config.json');
  if (!response.ok) {
    throw new Error(
      response.status === 404
        ? 'this server is not in demo mode, so it does not hand out a key'
        : `the server answered ${response.status}`,
    );
  }
  const config = (await response.json()) as Partial<DemoConfig>;
  if (typeof config.apiKey !== 'string' || typeof config.intakeOrigin !== 'string')
    throw new Error('the demo configuration has no apiKey or intakeOrigin');
  return config as DemoConfig;
}
