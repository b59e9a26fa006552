import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A system program the tests start as a child process (Dovecot, nginx): `$<envVariable>`,
 * Debian's /usr/sbin, /usr/local/sbin, or the PATH; null when there is none.
 */
export function findSystemBinary(name: string, envVariable: string): string | null {
  for (const candidate of [process.env[envVariable], `/usr/sbin/${name}`, `/usr/local/sbin/${name}`]) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * A port held by a listener of ours until `release()`: for a process started seconds later whose
 * port must be known before (written into configuration), so no other test's server takes it
 * in between.
 */
export async function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const { port, release } = await reservePort();
  await release();
  return port;
}

/**
 * Resolves once `ready()` answers true, asking again every 25 ms while the process starts its
 * listeners; rejects if the process ends first or after 15 s (`what` names what never came).
 */
export async function untilReady(
  name: string,
  exited: Promise<number | null>,
  ready: () => Promise<boolean>,
  what: string,
): Promise<void> {
  let ended: number | null | undefined;
  void exited.then((code) => {
    ended = code;
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (ended !== undefined) throw new Error(`${name} exited with ${ended}`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`${what} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
