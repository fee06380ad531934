/*
 * The servers under test, each in a child process of its own: the bare yardstick and the
 * real rumkit server (server/src/main.ts, as `npm start` runs it), plus the admin calls that
 * register apps on it and a reader of CPU profiles.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  name: string;
  origin: string;
  pid: number;
  /** Seconds of CPU (user + system, all threads) the process has used so far. */
  cpuSeconds(): number | undefined;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything it printed. */
  output(): string;
  stop(): Promise<void>;
}

export async function startBareServer(
  options: { profileDir?: string } = {},
): Promise<RunningServer> {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = fork(path.join(ROOT, 'bench/support/bare-server.ts'), ['--bare-child'], {
    execArgv: [...process.execArgv, ...profile],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = collect(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number }) => resolve(m.port));
    child.once('exit', (code) =>
      reject(new Error(`bare server exited with ${code}:\n${output()}`)),
    );
  });
  return wrap('bare node:http', `http://127.0.0.1:${port}`, child, output);
}

export interface RumkitOptions {
  /** Extra environment (RUMKIT_*). */
  env?: Record<string, string>;
  /** Use (and keep) this data directory. Default: a fresh one, removed at stop. */
  dataDir?: string;
  /** The script to run instead of server/src/main.ts, relative to the repository root. */
  entry?: string;
  /** The admin key. Default: a new random one. */
  adminKey?: string;
  /** Write V8 CPU profiles of every thread here (node --cpu-prof). */
  profileDir?: string;
}

export interface RumkitServer extends RunningServer {
  adminKey: string;
  dataDir: string;
}

/** Starts `server/src/main.ts` on a free port, with a fresh data directory unless one is given. */
export async function startRumkitServer(options: RumkitOptions = {}): Promise<RumkitServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'rumkit-bench-'));
  const adminKey = options.adminKey ?? randomBytes(24).toString('hex');
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', ...profile, options.entry ?? 'server/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        RUMKIT_PORT: '0',
        RUMKIT_HOST: '127.0.0.1',
        RUMKIT_DATA_DIR: dataDir,
        RUMKIT_ADMIN_KEY: adminKey,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = collect(child);
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`rumkit server did not start:\n${output()}`)),
      60_000,
    );
    const read = () => {
      const match = /rumkit server listening on (http:\/\/\S+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', read);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rumkit server exited with ${code}:\n${output()}`));
    });
  });
  const server = wrap('rumkit', origin, child, output);
  return {
    ...server,
    adminKey,
    dataDir,
    async stop() {
      await server.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Keeps what a child prints (the last 1 MB), so its pipes never fill up. */
function collect(child: ChildProcess): () => string {
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-1_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => log;
}

function wrap(
  name: string,
  origin: string,
  child: ChildProcess,
  output: () => string,
): RunningServer {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    origin,
    pid: child.pid as number,
    cpuSeconds: () => processCpuSeconds(child.pid as number),
    alive: () => child.exitCode === null && child.signalCode === null,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** utime + stime of a process (all its threads) from /proc, in seconds; Linux only. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5), counted from the state field (3) on.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export interface Registered {
  workspaceId: string;
  secret: string;
}

/** Creates a workspace and a key with the admin key, then registers the apps with the key. */
export async function registerApps(
  server: RumkitServer,
  apps: readonly { app_id: string; type: string; name?: string }[],
): Promise<Registered> {
  const call = async (route: string, token: string, body: unknown) => {
    const res = await fetch(`${server.origin}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${route} answered ${res.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const workspace = await call('/api/v1/admin/workspaces', server.adminKey, { name: 'bench' });
  const workspaceId = workspace.id as string;
  const key = await call(`/api/v1/admin/workspaces/${workspaceId}/keys`, server.adminKey, {
    name: 'bench',
  });
  const secret = key.secret as string;
  for (const app of apps) {
    await call('/api/v1/apps', secret, { name: app.name ?? app.app_id, ...app });
  }
  return { workspaceId, secret };
}

/** A directory for CPU profiles. */
export function profileDirectory(): string {
  return mkdtempSync(path.join(tmpdir(), 'rumkit-profile-'));
}

/**
 * The functions with the most self time in each profile of a directory (one per thread), as
 * printable lines.
 */
export function summarizeProfiles(dir: string, top = 15): string[] {
  const lines: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const selfTime = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    const byFunction = new Map<string, number>();
    let total = 0;
    for (const node of profile.nodes) {
      const time = selfTime.get(node.id) ?? 0;
      total += time;
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url
        ? `${url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${lineNumber + 1}`
        : '';
      // Compiled regexes are named after their (long) source.
      const name = functionName.startsWith('RegExp: ')
        ? `${functionName.slice(0, 60)}…`
        : functionName;
      const key = `${name || '(anonymous)'} ${where}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + time);
    }
    const idle = byFunction.get('(idle)') ?? 0;
    lines.push(
      `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${((1 - idle / total) * 100).toFixed(0)}% busy`,
    );
    for (const [name, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      lines.push(`  ${((time / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
    }
  }
  return lines;
}
