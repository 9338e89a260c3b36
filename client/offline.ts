/**
 * Registers the service worker the build generates (vite-plugin-pwa, Workbox),
 * so that after one visit the solo game reloads and plays with no network.
 * Registered by the solo game's page only: a phone that only joins a class
 * game never downloads the rest. After the page has loaded, so the first
 * visit's own requests come first.
 */
export function keepOffline(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // no service worker (private mode, blocked): the game still runs online
    });
  });
}
