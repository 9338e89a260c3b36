import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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
  plugins: [
    mnistAsset(),
    // The solo game works offline: a Workbox service worker precaches every page, script,
    // style and the KaTeX fonts at first visit (client/offline.ts registers it). The
    // classroom's /api and socket.io always go to the network; the MNIST digits (1.6 MB)
    // are left to the lab's own fetch.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Backprop Demon · 反向传播小恶魔',
        short_name: 'Backprop Demon',
        description: 'Be the demon: nudge z and watch the cost move by about δ·Δz.',
        start_url: '/play.html',
        display: 'standalone',
        background_color: '#f7f7f4',
        theme_color: '#1b1f24',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        globIgnores: ['**/mnist.bin-*'],
        // play.html?level=… and the other query strings are the same page.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
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
