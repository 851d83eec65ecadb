// The runner's colour with a light rim (so a black trail reads on a dark surface), fading out
// towards the oldest points.
uniform vec3 uColor;
uniform float uHead;
uniform float uFade;

varying float vIndex;
varying float vSide;

void main() {
  float age = uHead - vIndex;
  float alpha = mix(0.12, 1.0, 1.0 - smoothstep(0.0, uFade, age));
  float rim = smoothstep(0.55, 0.95, abs(vSide));
  vec3 color = mix(uColor, vec3(0.95), rim * 0.75);
  gl_FragColor = vec4(color, alpha);
}
