import { defineConfig } from 'vite';

// The console is served by caredesk at /console: its page at /console, its files, named by
// their content, at /console/assets/ (cached for a year).
export default defineConfig({
  base: '/console/',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, assetsDir: 'assets' },
});
