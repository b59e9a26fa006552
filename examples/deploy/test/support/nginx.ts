import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { findSystemBinary, untilReady } from '../../../../packages/server/test/support/local-processes.ts';

export const nginxBinary = findSystemBinary('nginx', 'NGINX_BIN');
/** Null when nginx can be started, else why not. Under CI a missing one is an error. */
export const nginxMissing = nginxBinary
  ? null
  : 'no nginx binary (apt-get install -y nginx, as .ci/run does, or set NGINX_BIN)';
if (nginxMissing && process.env.CI) throw new Error(`nginx is required when CI is set: ${nginxMissing}`);

export interface Nginx {
  /** nginx's error log so far (its complaints about the configuration, upstreams that failed). */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Runs nginx in the foreground as a child process: a main configuration of its own in `dir`
 * (pid, temporary folders, error log there) that includes `site`, the conf.d file under test.
 * Resolves once `port` accepts connections; rejects with the error log if nginx exits first.
 */
export async function startNginx(site: string, dir: string, port: number): Promise<Nginx> {
  if (!nginxBinary) throw new Error(nginxMissing ?? 'no nginx');
  // As root, nginx's workers run as an unprivileged user that must reach the temporary folders.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'caredesk.conf'), site);
  const temporary = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(dir, `${kind}-temp`)};`)
    .join('\n');
  const main = [
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    temporary,
    `  include ${join(dir, 'caredesk.conf')};`,
    '}',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), main);
  const errorLog = join(dir, 'error.log');
  const child: ChildProcess = spawn(nginxBinary, ['-e', errorLog, '-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const errors = () => {
    try {
      return readFileSync(errorLog, 'utf8');
    } catch {
      return '';
    }
  };
  try {
    await accepting(port, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not start: ${(error as Error).message}\n${output}\n${errors()}`);
  }
  return {
    errors,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Resolves once nginx itself answers on `port`; rejects if the process ends first. A plain HTTP
 * request gets an answer naming nginx (`Server: nginx`), even on a TLS port (400, "plain HTTP
 * request sent to HTTPS port"): another process listening there (nginx then fails to bind and
 * exits) is not taken for it.
 */
function accepting(port: number, exited: Promise<number | null>): Promise<void> {
  const answersAsNginx = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.setTimeout(1_000, () => socket.destroy());
      socket.once('connect', () => socket.write('HEAD / HTTP/1.0\r\nHost: localhost\r\n\r\n'));
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString('latin1');
      });
      socket.once('close', () => resolve(/^server: nginx/im.test(answer)));
      socket.once('error', () => resolve(false));
    });
  return untilReady('nginx', exited, answersAsNginx, `nginx does not answer on ${port}`);
}
