// @ts-check
// Whether the compiled server in dist/ was built from the files now on disk.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile, root } from './paths.js';

/**
 * @typedef {{ mtimeMs: number, size: number }} Stamp
 * @typedef {{ outputs: string[], inputs: Record<string, Stamp | null> }} Manifest
 */

/**
 * What each input looked like after the build. A file changed while the build ran (after
 * `startedAt`) gets no stamp: the build may have read it before the change, so the next
 * check finds it stale.
 * @param {string[]} paths relative to `base`
 * @param {number} startedAt when the build began (ms since the epoch)
 * @returns {Record<string, Stamp | null>}
 */
export function stampInputs(paths, startedAt, base = root) {
  /** @type {Record<string, Stamp | null>} */
  const stamps = {};
  for (const path of paths) {
    const { mtimeMs, size } = statSync(join(base, path));
    stamps[path] = mtimeMs >= startedAt ? null : { mtimeMs, size };
  }
  return stamps;
}

/**
 * Why the build must be made again (an output missing, an input changed or gone), or null
 * when it is up to date. A few hundred `stat` calls: about 5 ms.
 * @returns {string | null}
 */
export function staleness(file = manifestFile, base = root) {
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return 'not built yet';
  }
  for (const output of manifest.outputs) if (!existsSync(join(base, output))) return `${output} is missing`;
  for (const [path, stamp] of Object.entries(manifest.inputs)) {
    if (!stamp) return `${path} changed during the last build`;
    let now;
    try {
      now = statSync(join(base, path));
    } catch {
      return `${path} is gone`;
    }
    if (now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size) return `${path} changed`;
  }
  return null;
}
