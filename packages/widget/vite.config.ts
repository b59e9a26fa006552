import { defineConfig } from 'vite';

// One script that sites embed: dist/widget.js. Heavy parts will load lazily as chunks.
export default defineConfig({
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'widget.js',
    },
  },
});
