// The runner's colour with a light rim (so a black trail reads on a dark surface), fading out
// towards the oldest points. Behind the surface (uBehind = 1, the x-ray pass) it is dimmer and
// dashed along its direction on screen, so it reads as "seen through".
uniform vec3 uColor;
uniform float uHead;
uniform float uFade;
uniform float uBehind;

varying float vIndex;
varying float vSide;
varying vec2 vDir;

void main() {
  float age = uHead - vIndex;
  float alpha = mix(0.12, 1.0, 1.0 - smoothstep(0.0, uFade, age));
  float rim = smoothstep(0.55, 0.95, abs(vSide));
  vec3 color = mix(uColor, vec3(0.95), rim * 0.75);
  if (uBehind > 0.5) {
    // Dashes 6 px on, 4 px off, measured along the path (device pixels).
    float along = dot(gl_FragCoord.xy, vDir / max(length(vDir), 1e-6));
    if (fract(along / 10.0) > 0.6) discard;
    alpha *= 0.6;
  }
  gl_FragColor = vec4(color, alpha);
}
