let known: boolean | undefined;

/**
 * Whether WebGL here is drawn in software (SwiftShader, llvmpipe: no graphics driver, as in some
 * virtual machines and headless browsers), read once from the renderer's name on a canvas of its
 * own, released at once. There multisampling costs about 40 % of every frame, so the race canvas
 * leaves it off (on a real GPU it stays on).
 */
export function softwareRenderer(): boolean {
  if (known === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const name = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
      known = /swiftshader|llvmpipe|software/i.test(name);
    } catch {
      known = false;
    }
  }
  return known;
}
