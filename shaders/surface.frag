// Colour by height (viridis), darker contour lines at regular levels of h, soft lighting
// (hemisphere + key light + a little specular), an optional grid drawn as a wireframe.
uniform float uContours;
uniform float uWireframe;
uniform float uGrid;
uniform vec3 uLightDir;
// A basin map over the domain (uv as the grid: u along x, v along y), drawn over the colour map
// where computed (alpha 1); transparent cells keep the height colours.
uniform sampler2D uBasins;
uniform float uBasinsOn;

varying float vHeight;
varying float vValid;
varying vec3 vNormal;
varying vec3 vWorld;
varying vec2 vUv;

void main() {
  if (vValid < 0.5) discard;
  vec3 base = viridis(vHeight);
  if (uBasinsOn > 0.5) {
    vec4 basin = texture2D(uBasins, vUv);
    base = mix(base, basin.rgb, basin.a);
  }

  vec3 n = normalize(vNormal);
  if (!gl_FrontFacing) n = -n;
  vec3 l = normalize(uLightDir);
  vec3 v = normalize(cameraPosition - vWorld);
  float key = max(dot(n, l), 0.0);
  float sky = 0.5 + 0.5 * n.y;
  float spec = pow(max(dot(n, normalize(l + v)), 0.0), 48.0);
  vec3 color = base * (0.28 + 0.32 * sky + 0.55 * key) + vec3(0.18) * spec;

  // Contour lines about one pixel wide wherever h crosses k / uContours.
  float level = vHeight * uContours;
  float width = max(fwidth(level), 1e-4);
  float contour = 1.0 - smoothstep(0.5, 1.5, abs(fract(level + 0.5) - 0.5) / width);
  color = mix(color, color * 0.45, 0.7 * contour);

  if (uWireframe > 0.5) {
    vec2 g = vUv * uGrid;
    vec2 d = abs(fract(g + 0.5) - 0.5) / max(fwidth(g), vec2(1e-4));
    float line = 1.0 - min(min(d.x, d.y), 1.0);
    color = mix(color, vec3(0.92), 0.45 * line);
  }
  gl_FragColor = vec4(color, 1.0);
}
