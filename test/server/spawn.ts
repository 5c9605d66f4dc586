/** The real server as a child process (`node --import tsx src/server/main.ts` on 127.0.0.1), for process-level tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';

export interface ServerChild {
  child: ChildProcess;
  port: number;
  origin: string;
  stdout: string[];
  stderr(): string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** SIGKILLs whatever the tests left running (call from afterEach / afterAll). */
export function killChildren(): void {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Spawns `command` (default: node on main.ts) with the test environment plus `env`, collecting output lines. */
export function spawnChild(
  env: Record<string, string>,
  command: [string, string[]] = [process.execPath, ['--import', 'tsx', 'src/server/main.ts']],
): Omit<ServerChild, 'port' | 'origin'> {
  const child = spawn(command[0], command[1], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const stdout: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    stdout.push(...lines.filter((line) => line !== ''));
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout, stderr: () => stderr, exited };
}

/** Spawns the server and waits for its `listening` log line (which names the port). */
export async function startChild(
  env: Record<string, string> = {},
  command?: [string, string[]],
): Promise<ServerChild> {
  const started = spawnChild(env, command);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const line = started.stdout.find((l) => l.includes('"msg":"listening"'));
    if (line) {
      const port = JSON.parse(line).port as number;
      return { ...started, port, origin: `http://127.0.0.1:${port}` };
    }
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not start: ${started.stderr()}`);
}
