// The runner's colour with a light rim (so a black trail reads on a dark surface), fading out
// towards the oldest points, in the runner's dash pattern (uDash: on, off, on, … lengths in units
// of uDashScale device pixels; all zero: solid), so trails differ by more than hue. Behind the
// surface (uBehind = 1, the x-ray pass) it is dimmer, and a solid trail is dashed there, so it
// reads as "seen through". Lengths are measured along the path's direction on screen.
uniform vec3 uColor;
uniform float uHead;
uniform float uFade;
uniform float uBehind;
uniform float uDash[6];
uniform float uDashScale;

varying float vIndex;
varying float vSide;
varying vec2 vDir;

void main() {
  float age = uHead - vIndex;
  float alpha = mix(0.12, 1.0, 1.0 - smoothstep(0.0, uFade, age));
  float rim = smoothstep(0.55, 0.95, abs(vSide));
  vec3 color = mix(uColor, vec3(0.95), rim * 0.75);
  float along = dot(gl_FragCoord.xy, vDir / max(length(vDir), 1e-6));
  float period = 0.0;
  for (int k = 0; k < 6; k++) period += uDash[k];
  if (period > 0.0) {
    // Which stretch of the pattern this fragment is in: even ones are drawn, odd ones are gaps.
    float t = mod(along, period * uDashScale) / uDashScale;
    float edge = 0.0;
    bool gap = false;
    for (int k = 0; k < 6; k++) {
      if (t >= edge && t < edge + uDash[k]) gap = mod(float(k), 2.0) > 0.5;
      edge += uDash[k];
    }
    if (gap) discard;
  } else if (uBehind > 0.5 && fract(along / 10.0) > 0.6) {
    // A solid trail behind the surface: dashes 6 px on, 4 px off (device pixels).
    discard;
  }
  if (uBehind > 0.5) alpha *= 0.6;
  gl_FragColor = vec4(color, alpha);
}
