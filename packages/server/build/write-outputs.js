// @ts-check
// Puts a build's files in place without a reader ever seeing half a file.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes each file to a temporary name and renames it into place (two instances that start
 * together on a stale build both rebuild, and each reads whole files), then removes what an
 * earlier build left in `folders` (chunks whose names changed).
 * @param {{ path: string, contents: Uint8Array | string }[]} files
 * @param {string[]} folders
 */
export function writeOutputs(files, folders) {
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const written = new Set(files.map((file) => file.path));
  for (const folder of folders)
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      // Another build's temporary files are its own to rename.
      if (!written.has(path) && !name.endsWith('.tmp')) rmSync(path, { recursive: true, force: true });
    }
}
