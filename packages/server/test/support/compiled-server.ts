import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './local-processes.ts';
import { compiledCli, repositoryRoot } from './run-cli.ts';

export interface CompiledServer {
  port: number;
  /** http://127.0.0.1:port: this instance itself, not through a proxy. */
  url: string;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (the server's own graceful stop), then waits for the process to end. */
  stop(): Promise<void>;
}

/**
 * `caredesk serve` from the compiled build (`node packages/server/dist/cli.js`, as production
 * runs it) as a process of its own on a free loopback port; resolves once it listens, rejects
 * with its output if it ends first. `command` replaces the command line (the node binary and
 * its arguments), e.g. a systemd unit's ExecStart.
 */
export async function startCompiledServer(
  env: Record<string, string>,
  options: { args?: string[]; command?: string[] } = {},
): Promise<CompiledServer> {
  const port = Number(env.PORT ?? (await freePort()));
  const [binary, ...args] = options.command ?? [
    process.execPath,
    '--enable-source-maps',
    compiledCli,
    'serve',
    ...(options.args ?? []),
  ];
  const child: ChildProcess = spawn(binary as string, args, {
    cwd: repositoryRoot,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // serve prints this once its port accepts connections.
      if (output.includes('caredesk is running')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`caredesk serve exited with ${code} before listening:\n${output}`)));
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
