import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import type { Plugin, PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** The page's background (src/ui/page.css): the colour of the title bar and splash screen. */
const THEME_COLOUR = '#0b0e14';
const DESCRIPTION =
  'SGD-momentum, RMSProp and Adam race down a 3D loss surface: a teaching tool for deep-learning optimizers';

/**
 * The installable, offline app (`vite build`): a Workbox service worker precaches every file of
 * the build on the first visit — all chunks, the lazily loaded ones too (the export encoder, the
 * formula panel, the softmax view), the three workers, CSS, KaTeX's fonts, the icons — so the
 * next visit works without a network. A new version installs in the background and takes over
 * when every tab of the app has been closed: nothing pops up and no race is reloaded under a user.
 */
function pwa(): Plugin[] {
  return VitePWA({
    // src/pwa.ts registers the worker (virtual:pwa-register); nothing is injected into the page.
    injectRegister: false,
    registerType: 'prompt',
    // The glob below already takes the icons; the plugin adds manifest.webmanifest itself.
    includeManifestIcons: false,
    manifest: {
      name: 'Optimizer Race',
      short_name: 'Optimizer Race',
      description: DESCRIPTION,
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLOUR,
      background_color: THEME_COLOUR,
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,png,woff2,woff,ttf}'],
      // The main chunk is about 1.5 MB; precaching silently skips anything above this limit.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // The first visit's page is served by the new worker at once (so it works offline after
      // that one visit); later versions wait until the app's tabs are closed.
      clientsClaim: true,
      skipWaiting: false,
      cleanupOutdatedCaches: true,
      navigateFallback: 'index.html',
    },
  });
}

/** Head tags of the installable app: the title bar colour and the home screen icon on iOS. */
function pwaHead(): Plugin {
  return {
    name: 'optimizer-race:pwa-head',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'description', content: DESCRIPTION }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icon-192.png' }, injectTo: 'head' },
    ],
  };
}

/**
 * `vite build --mode single` (npm run build:single): the whole app in one HTML file that opens
 * from file:// — scripts, lazily imported chunks, CSS, fonts and workers all inlined.
 */
function singleFile(): PluginOption[] {
  const workerUrl =
    /new\s+Worker\(\s*new\s+URL\(\s*(['"`])(\.{1,2}\/[^'"`]+)\1\s*,\s*import\.meta\.url\s*\)\s*,?/g;
  return [
    {
      // Each `new Worker(new URL('./x.worker.ts', import.meta.url), options)` becomes Vite's
      // inline worker (`./x.worker.ts?worker&inline`): the worker's code travels as a string and
      // starts from a blob: URL (a data: URL if blobs fail). Vite's wrapper keeps `options.name`.
      name: 'optimizer-race:inline-workers',
      enforce: 'pre',
      transform(code, id) {
        if (id.includes('/node_modules/') || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0]!)) return;
        const imports: string[] = [];
        const out = code.replace(workerUrl, (_, _quote: string, path: string) => {
          const name = `__inlineWorker${imports.length}`;
          imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
          return `new ${name}(`;
        });
        if (/new\s+(Shared)?Worker\(\s*new\s+URL\(/.test(out)) {
          this.error(`a worker in ${id} is created in a form the single file cannot inline`);
        }
        if (imports.length === 0) return;
        return { code: `${imports.join('\n')}\n${out}`, map: null };
      },
    },
    {
      // The favicon inline too (index.html asks for /favicon.svg, which is no file next to a
      // double-clicked page), and only the woff2 fonts of KaTeX: every browser that runs the app
      // (WebGL2, module workers) reads woff2, so the woff and ttf copies would only weigh.
      name: 'optimizer-race:single-file-assets',
      enforce: 'pre',
      transformIndexHtml(html) {
        const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url));
        const dataUrl = `data:image/svg+xml;base64,${svg.toString('base64')}`;
        return html.replace('href="/favicon.svg"', `href="${dataUrl}"`);
      },
      transform(code, id) {
        if (!/katex[^/]*\.css$/.test(id.split('?')[0]!)) return;
        return code.replace(
          /,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\)/g,
          '',
        );
      },
    },
    {
      // No service worker in the single file: src/pwa.ts is compiled out in this mode, and its
      // import resolves to nothing.
      name: 'optimizer-race:no-pwa',
      resolveId: (id) => (id === 'virtual:pwa-register' ? '\0no-pwa-register' : undefined),
      load: (id) =>
        id === '\0no-pwa-register'
          ? 'export function registerSW() { return async () => {}; }'
          : undefined,
    },
    viteSingleFile({ outputFileName: 'optimizer-race.html' }),
  ];
}

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    plugins: [react(), ...(single ? singleFile() : [...pwa(), pwaHead()])],
    server: { port: 5173, strictPort: true },
    ...(single
      ? { publicDir: false as const, build: { outDir: 'dist-single', emptyOutDir: true } }
      : {}),
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/**/*.test.ts'],
            exclude: ['tests/e2e/**'],
            environment: 'node',
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
