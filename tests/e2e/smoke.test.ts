import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './chromium';
import type { PageProblems } from './chromium';
import { countColours } from './pixels';

// react-three-fiber 9 still creates a THREE.Clock, which three r187 deprecates.
const KNOWN_WARNINGS = /^THREE\.Clock: This module has been deprecated/;

describe('the app in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  // The WebGL canvas itself carries data-testid="scene-canvas".
  const sceneCanvas = () => page.locator('canvas[data-testid="scene-canvas"]');

  beforeAll(async () => {
    browser = await launchBrowser();
    // The side panels take 570 px of the width: leave the 3D stage room to be seen.
    ({ page, problems } = await openPage(browser, inject('baseUrl'), { width: 1024, height: 576 }));
    // three.js tags the canvas right before it asks for its context, in the same task. Probing
    // the canvas any earlier would create a context first and leave the app without one.
    // A busy machine can take well over openPage's 10 s default to show the first frame.
    await sceneCanvas().and(page.locator('[data-engine]')).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the title', async () => {
    await expect(page.title()).resolves.toBe('Optimizer Race');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Optimizer Race');
  });

  it('draws the scene with WebGL2 on a reported renderer', async () => {
    const gl = await sceneCanvas().evaluate((canvas: HTMLCanvasElement) => {
      // A canvas that already holds a WebGL context answers null to '2d', so this proves the app
      // made a context; 'webgl2' then hands back that same context, or null were it WebGL1.
      const appMadeAContext = canvas.getContext('2d') === null;
      const context = canvas.getContext('webgl2');
      if (!context) return { appMadeAContext, webgl2: false, renderer: '', lost: true };
      const debugInfo = context.getExtension('WEBGL_debug_renderer_info');
      return {
        appMadeAContext,
        webgl2: context instanceof WebGL2RenderingContext,
        renderer: String(
          context.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : context.RENDERER),
        ),
        lost: context.isContextLost(),
      };
    });
    console.log(`WebGL2 renderer: ${gl.renderer}`);
    expect(gl).toMatchObject({ appMadeAContext: true, webgl2: true, lost: false });
    expect(gl.renderer).toMatch(/\S/);
  });

  it('paints a lit scene rather than a blank canvas', async () => {
    // SwiftShader may need a few frames before the first one reaches the screen.
    await expect
      .poll(async () => countColours(page, await sceneCanvas().screenshot()), { timeout: 15_000 })
      .toBeGreaterThan(32);
  });

  it('logs no console errors, and no warnings but a known one', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.warnings.filter((warning) => !KNOWN_WARNINGS.test(warning))).toEqual([]);
  });
});
