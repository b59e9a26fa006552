// @ts-check
// Keeps `import.meta.url` (and `.dirname`, `.filename`) meaning "where my source file is" inside a bundle.
import { readFile } from 'node:fs/promises';
import { isInside, relativeUrlPath } from './paths.js';

/**
 * Some modules find files next to their source: migrations (packages/schema/prisma), the
 * calendars, the widget's and the console's builds, the Prisma client's folder, fonts through
 * `createRequire`. In a bundle every module shares the bundle's `import.meta.url`, so each
 * module's own (and its `dirname` and `filename`) is replaced with its source file's, computed
 * from the bundle's location (not written as an absolute path: the checkout may move).
 * @param {{ root: string, outdir: string }} options where the sources are; where the bundle is written (flat)
 * @returns {import('esbuild').Plugin}
 */
export function sourceUrls({ root, outdir }) {
  return {
    name: 'caredesk-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!isInside(root, args.path) || args.path.includes('/node_modules/')) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const own = `new URL(${JSON.stringify(relativeUrlPath(outdir, args.path))}, import.meta.url)`;
        // Paths as Node gives them (decoded; POSIX: the only platform caredesk is deployed on).
        const filename = `decodeURIComponent(${own}.pathname)`;
        const contents = text
          .replace(/\bimport\.meta\.url\b/g, `${own}.href`)
          .replace(/\bimport\.meta\.filename\b/g, filename)
          .replace(/\bimport\.meta\.dirname\b/g, `${filename}.replace(/\\/[^/]*$/, '')`);
        return { contents, loader: 'ts' };
      });
    },
  };
}
