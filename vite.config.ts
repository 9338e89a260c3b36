import { defineConfig } from 'vite';

// The client lives in client/; the production build goes to dist/client, which
// the express server serves (npm start).
export default defineConfig({
  root: 'client',
  publicDir: '../assets',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
