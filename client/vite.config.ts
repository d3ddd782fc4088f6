import { defineConfig } from 'vite';

// The web client: plain TypeScript, built to client/dist and served by the Nest app from the
// same origin (no CDN, nothing fetched at run time).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
