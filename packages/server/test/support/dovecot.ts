import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { findSystemBinary, freePort, untilReady } from './local-processes.ts';

export const dovecotBinary = findSystemBinary('dovecot', 'DOVECOT_BIN');
/** Null when an IMAP server can be started, else why not. Under CI a missing one is an error. */
export const dovecotMissing = dovecotBinary
  ? null
  : 'no dovecot binary (install dovecot-imapd, as .ci/run does, or set DOVECOT_BIN)';
if (dovecotMissing && process.env.CI) throw new Error(`Dovecot is required when CI is set: ${dovecotMissing}`);

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  /** imap://user:password@127.0.0.1:port for IMAP_URL. */
  url: string;
  /** Puts a raw letter into a folder, as the studio's mail server would deliver it. */
  append(raw: string, folder?: string): Promise<void>;
  /** The letters of a folder: uid and whether \Seen is set. */
  letters(folder?: string): Promise<{ uid: number; seen: boolean; subject: string }[]>;
  stop(): Promise<void>;
}

/**
 * A real IMAP server: Debian's Dovecot, run in the foreground as a child process with its own
 * configuration, mail and runtime folders in a temp dir, one account, plain IMAP on 127.0.0.1.
 */
export async function startDovecot(port?: number): Promise<Dovecot> {
  if (!dovecotBinary) throw new Error(dovecotMissing ?? 'no dovecot');
  const listenPort = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-dovecot-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'mail'));
  mkdirSync(join(dir, 'state'));
  const user = 'support@studio.example';
  const password = 'imap-test-password';
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  // Dovecot refuses mail access as root: as root the mail belongs to its own "dovecot" user.
  const asRoot = process.getuid?.() === 0;
  const me = userInfo();
  const mailUser = asRoot ? 'dovecot' : me.username;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).trim());
    chownSync(join(dir, 'mail'), uid, gid);
  }
  const config = [
    `base_dir = ${dir}/run`,
    `instance_name = caredesk-test-${listenPort}`,
    `log_path = ${dir}/dovecot.log`,
    `state_dir = ${dir}/state`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // System accounts (such as "dovecot") have low uids: allow them for this instance.
    'first_valid_uid = 1',
    ...(asRoot
      ? []
      : [
          `default_internal_user = ${me.username}`,
          `default_login_user = ${me.username}`,
          `default_internal_group = ${execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()}`,
          // Without root there is no chroot: the login and anvil processes run in place.
          'service anvil {\n  chroot =\n}',
        ]),
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${dir}/users\n}`,
    `userdb {\n  driver = static\n  args = uid=${mailUser} gid=${asRoot ? 'dovecot' : me.gid} home=${dir}/mail/%u\n}`,
    'mail_location = maildir:~/Maildir',
    `service imap-login {\n${asRoot ? '' : '  chroot =\n'}  inet_listener imap {\n    port = ${listenPort}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(dovecotBinary, ['-F', '-c', join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = () => {
    try {
      return readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  try {
    await greeting(listenPort, exited);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Dovecot did not start: ${(error as Error).message}\n${output}\n${log()}`);
  }

  const client = async <T>(work: (imap: ImapFlow) => Promise<T>) => {
    const imap = new ImapFlow({
      host: '127.0.0.1',
      port: listenPort,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    imap.on('error', () => undefined);
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout();
    }
  };
  return {
    port: listenPort,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${password}@127.0.0.1:${listenPort}`,
    append: (raw, folder = 'INBOX') =>
      client(async (imap) => {
        if (folder !== 'INBOX' && !(await imap.list()).some((box) => box.path === folder))
          await imap.mailboxCreate(folder);
        await imap.append(folder, raw);
      }),
    letters: (folder = 'INBOX') =>
      client(async (imap) => {
        const lock = await imap.getMailboxLock(folder);
        try {
          const uids = (await imap.search({ all: true }, { uid: true })) || [];
          const found: { uid: number; seen: boolean; subject: string }[] = [];
          if (uids.length === 0) return found;
          for await (const message of imap.fetch(uids.join(','), { flags: true, envelope: true }, { uid: true }))
            found.push({
              uid: message.uid,
              seen: message.flags?.has('\\Seen') ?? false,
              subject: message.envelope?.subject ?? '',
            });
          return found;
        } finally {
          lock.release();
        }
      }),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the server on `port` greets an IMAP client; rejects if the process ends first. */
function greeting(port: number, exited: Promise<number | null>): Promise<void> {
  const greets = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      // A master that listens but whose login process failed takes the connection and is silent.
      socket.setTimeout(1_000, () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
  return untilReady('dovecot', exited, greets, 'no IMAP greeting');
}
