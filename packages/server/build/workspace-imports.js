// @ts-check
// Which of the server's imports become imports of the schema's build.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isInside, relativeUrlPath } from './paths.js';

/** The schema build's name for one of its source files: `src/db/index.ts` → `db.index`. */
export function schemaEntryName(/** @type {string} */ schemaSrc, /** @type {string} */ file) {
  return relative(schemaSrc, file).replace(/\.ts$/, '').split(sep).join('.');
}

/**
 * The server's build bundles the server's own files. A file of packages/schema, reached through
 * `@caredesk/schema/…` or a relative path into packages/schema/src, becomes an import of the
 * schema's build in packages/schema/dist instead; its entry points are collected in `reached`
 * (name → source file). npm packages stay imports in both builds (`packages: 'external'`), so
 * Node resolves each from the package that depends on it: pnpm gives each its own node_modules.
 * @param {{ schemaSrc: string, schemaDist: string, serverDist: string, reached: Map<string, string> }} options
 * @returns {import('esbuild').Plugin}
 */
export function schemaAsSeparateBuild({ schemaSrc, schemaDist, serverDist, reached }) {
  const external = (/** @type {string} */ file) => {
    const name = schemaEntryName(schemaSrc, file);
    reached.set(name, file);
    return { external: true, path: relativeUrlPath(serverDist, join(schemaDist, `${name}.js`)) };
  };
  return {
    name: 'caredesk-schema-as-separate-build',
    setup(build) {
      // Its package.json maps each subpath to one source file (`./db` → `./src/db/index.ts`).
      const packageDir = dirname(schemaSrc);
      const { exports } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
      build.onResolve({ filter: /^@caredesk\/schema(\/|$)/ }, (args) => {
        const target = exports[`.${args.path.slice('@caredesk/schema'.length)}`];
        if (typeof target !== 'string')
          return { errors: [{ text: `${args.path} is not exported by @caredesk/schema` }] };
        return external(join(packageDir, target));
      });
      // The server's sources name files with their extension, so the path is the file.
      build.onResolve({ filter: /^\.\.?\/.*\/schema\/src\// }, (args) => {
        const file = join(args.resolveDir, args.path);
        return isInside(schemaSrc, file) ? external(file) : undefined;
      });
    },
  };
}
