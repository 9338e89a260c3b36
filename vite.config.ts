import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mnistAsset } from './scripts/pack-mnist.ts';

// The client lives in client/; the production build goes to dist/client, which
// the express server serves (npm start). Each page is its own entry, so the
// first page never loads Phaser or KaTeX.
const page = (name: string) => fileURLToPath(new URL(`./client/${name}`, import.meta.url));
// The game server `npm run dev` starts: same PORT, so the proxy follows it.
const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: 'client',
  publicDir: '../assets',
  // The MNIST digits are packed from the `mnist` package at build time, fetched only by the lab.
  plugins: [mnistAsset()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: page('index.html'),
        play: page('play.html'),
        host: page('host.html'),
        join: page('join.html'),
        concepts: page('concepts/index.html'),
        mnist: page('mnist/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
