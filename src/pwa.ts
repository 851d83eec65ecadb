/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker of the installable app (vite.config.ts): after one visit every
 * file of the app is cached and it runs offline. Quiet by design: no prompt and no reload — a new
 * version is fetched in the background and starts the next time the app is opened after all its
 * tabs were closed. The single-file build (`--mode single`) has no service worker.
 */
if (import.meta.env.MODE !== 'single' && import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerSW({ immediate: true });
}
