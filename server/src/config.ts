import path from 'node:path';

export interface ServerConfig {
  /** TCP port to listen on. Default 8080. */
  port: number;
  /** Interface to bind. Default 127.0.0.1; set 0.0.0.0 to accept SDKs from other hosts. */
  host: string;
  /** Where the embedded store keeps its files. Default ./data. */
  dataDir: string;
  /** Key for the admin API; unset means the admin API is closed. */
  adminKey: string | undefined;
}

/** Reads the server's configuration from environment variables, naming any bad value. */
export function loadConfig(env: Record<string, string | undefined>, cwd: string): ServerConfig {
  return {
    port: parsePort(env.RUMKIT_PORT ?? env.PORT ?? '8080'),
    host: env.RUMKIT_HOST ?? '127.0.0.1',
    dataDir: path.resolve(cwd, env.RUMKIT_DATA_DIR ?? 'data'),
    adminKey: env.RUMKIT_ADMIN_KEY || undefined,
  };
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`RUMKIT_PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}
