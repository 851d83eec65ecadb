import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served, with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
    baseUrl: string;
  }
}

/**
 * Serves the built `dist/` with `vite preview` on a free port for the browser tests. It serves a
 * copy taken now, so a `vite build` elsewhere during the run cannot pull files from under a test.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  // E2E_DIST lets parallel work build and test its own copy of the app.
  const dist = resolve(root, process.env.E2E_DIST ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(
      `No built app in ${dist}: run "npx vite build" first (npm run test:browser builds it).`,
    );
  }

  const snapshot = mkdtempSync(join(tmpdir(), 'optimizer-race-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: snapshot },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview is not listening on a TCP port (address: ${address})`);
  }

  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  };
}
