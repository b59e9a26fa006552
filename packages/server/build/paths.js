// @ts-check
// Where the build reads and writes, from the repository's layout.
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: every path in the build's manifest is relative to it. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const serverDist = join(root, 'packages', 'server', 'dist');
export const schemaSrc = join(root, 'packages', 'schema', 'src');
export const schemaDist = join(root, 'packages', 'schema', 'dist');
/** What the last build read and wrote; `staleness()` compares it with the files on disk. */
export const manifestFile = join(serverDist, 'build.json');
/** The compiled `caredesk` command. */
export const cliFile = join(serverDist, 'cli.js');

/**
 * Whether `path` lies inside the folder `dir`.
 * @param {string} dir
 * @param {string} path
 */
export function isInside(dir, path) {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

/**
 * `to` relative to the folder `from`, with forward slashes and a leading `./` or `../`.
 * @param {string} from
 * @param {string} to
 */
export function relativeUrlPath(from, to) {
  const rel = relative(from, to).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
