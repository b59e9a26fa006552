import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin, transformWithEsbuild } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Vite leaves whitespace in lib-mode ES output (for tree-shaking by other bundlers); this
// script is the end product, so minify every chunk fully.
const minifyChunks: Plugin = {
  name: 'caredesk-minify-chunks',
  async generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const result = await transformWithEsbuild(chunk.code, chunk.fileName, {
        minify: true,
        minifyWhitespace: true,
        minifyIdentifiers: true,
        minifySyntax: true,
        target: 'es2020',
      });
      chunk.code = result.code;
    }
  },
};

// The CSS of the styles files, written for people, is sent with its white space collapsed.
const compactStyles: Plugin = {
  name: 'caredesk-compact-styles',
  transform(code, id) {
    if (!/styles\.ts$/.test(id)) return null;
    return code.replace(
      /(css|html)`([^`]*)`/g,
      (_all, tag: string, body: string) =>
        `${tag}\`${body
          .replace(/\s+/g, ' ')
          .replace(/ ?([{};:,>]) ?/g, '$1')
          .replace(/;}/g, '}')
          .trim()}\``,
    );
  },
};

// A cross-origin classic script's import() resolves against about:blank, so the loader's
// imports are made absolute against the script's own address (caredeskScriptUrl in index.ts).
const absoluteImports: Plugin = {
  name: 'caredesk-absolute-imports',
  renderDynamicImport: ({ moduleId }) =>
    moduleId?.endsWith('/src/index.ts') ? { left: 'import(new URL(', right: ', caredeskScriptUrl).href)' } : null,
};

// dist/widget.js is the one script sites embed (a classic script: it exports nothing).
// The heavy parts are ES module chunks beside it with content hashes, loaded with import().
export default defineConfig({
  plugins: [compactStyles, absoluteImports, minifyChunks],
  define: { __CAREDESK_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'widget.js',
    },
    rollupOptions: {
      output: { chunkFileNames: 'widget/[name]-[hash].js' },
    },
  },
});
