import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** examples/deploy: the files a studio copies to its server, read here as they are committed. */
export const deployDir = join(import.meta.dirname, '..', '..');

/** Where the files expect the checkout (`/srv/caredesk`) and Node (`/usr/bin/node`). */
const checkoutInFiles = '/srv/caredesk';
const nodeInFiles = '/usr/bin/node';

/** The variables of an EnvironmentFile (KEY=VALUE lines; `#` comments; quotes around a value dropped). */
export function readEnvironmentFile(name: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of readFileSync(join(deployDir, name), 'utf8').split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) variables[match[1] as string] = (match[2] as string).replace(/^(['"])(.*)\1$/, '$2');
  }
  return variables;
}

/**
 * A systemd unit's ExecStart as a command line for this checkout: its `/srv/caredesk` becomes
 * `checkout`, its `/usr/bin/node` the Node running the tests.
 */
export function unitCommand(unit: string, checkout: string): string[] {
  const text = readFileSync(join(deployDir, 'systemd', unit), 'utf8');
  const execStart = /^ExecStart=(.+)$/m.exec(text)?.[1];
  if (!execStart) throw new Error(`${unit} has no ExecStart`);
  return execStart
    .trim()
    .split(/\s+/)
    .map((part) => (part === nodeInFiles ? process.execPath : part.replace(checkoutInFiles, checkout)));
}

/** The ports and paths of nginx/caredesk.conf that the test replaces; nothing else changes. */
export interface NginxPlaces {
  https: number;
  http: number;
  instances: [number, number];
  certificate: string;
  key: string;
  accessLog: string;
}

/** nginx/caredesk.conf with its ports and paths replaced (each must be found, or the file changed). */
export function nginxSiteConfig(places: NginxPlaces): string {
  let text = readFileSync(join(deployDir, 'nginx', 'caredesk.conf'), 'utf8');
  const replace = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`nginx/caredesk.conf no longer contains "${from}"`);
    text = text.replaceAll(from, to);
  };
  replace('listen 443 ssl http2;', `listen ${places.https} ssl http2;`);
  replace('listen 80;', `listen ${places.http};`);
  replace('server 127.0.0.1:4001 ', `server 127.0.0.1:${places.instances[0]} `);
  replace('server 127.0.0.1:4002 ', `server 127.0.0.1:${places.instances[1]} `);
  replace('/etc/letsencrypt/live/desk.studio.example/fullchain.pem', places.certificate);
  replace('/etc/letsencrypt/live/desk.studio.example/privkey.pem', places.key);
  replace('/var/log/nginx/caredesk.access.log', places.accessLog);
  return text;
}
