// The batch's surface coloured by its own height (viridis) and lit as the full surface is, with
// the full-data loss kept as light contour lines for reference: the bag moves, the lines stay.
uniform float uContours;
uniform vec3 uLightDir;

varying float vHeight;
varying float vFullHeight;
varying vec3 vNormal;
varying vec3 vWorld;

void main() {
  vec3 base = viridis(clamp(vHeight, 0.0, 1.0));
  vec3 n = normalize(vNormal);
  if (!gl_FrontFacing) n = -n;
  vec3 l = normalize(uLightDir);
  vec3 v = normalize(cameraPosition - vWorld);
  float key = max(dot(n, l), 0.0);
  float sky = 0.5 + 0.5 * n.y;
  float spec = pow(max(dot(n, normalize(l + v)), 0.0), 48.0);
  vec3 color = base * (0.28 + 0.32 * sky + 0.55 * key) + vec3(0.18) * spec;

  if (vFullHeight >= 0.0) {
    float level = vFullHeight * uContours;
    float width = max(fwidth(level), 1e-4);
    float contour = 1.0 - smoothstep(0.5, 1.5, abs(fract(level + 0.5) - 0.5) / width);
    color = mix(color, vec3(0.95), 0.55 * contour);
  }
  gl_FragColor = vec4(color, 1.0);
}
