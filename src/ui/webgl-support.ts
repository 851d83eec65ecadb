let known: boolean | undefined;

/**
 * Whether this browser can make a WebGL2 context, which the 3D view needs. Asked once, on a
 * canvas of its own (the app's canvas must stay untouched until three.js asks for its context);
 * the probe's context is released at once, as browsers allow only a few at a time.
 */
export function webGl2Available(): boolean {
  if (known === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
      known = gl !== null;
    } catch {
      known = false;
    }
  }
  return known;
}
