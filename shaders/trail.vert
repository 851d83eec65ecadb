// A trail as a ribbon of constant width in pixels: each point is two vertices pushed apart,
// perpendicular to the path as seen on screen. vDir is the path's direction on screen (for the
// dashes of the x-ray pass).
attribute vec3 aPrev;
attribute vec3 aNext;
attribute float aSide;
attribute float aIndex;

uniform vec2 uResolution;
uniform float uWidth;

varying float vIndex;
varying float vSide;
varying vec2 vDir;

void main() {
  mat4 toClip = projectionMatrix * modelViewMatrix;
  vec4 clip = toClip * vec4(position, 1.0);
  vec4 clipPrev = toClip * vec4(aPrev, 1.0);
  vec4 clipNext = toClip * vec4(aNext, 1.0);
  vec2 d = (clipNext.xy / clipNext.w - clipPrev.xy / clipPrev.w) * uResolution;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  // Half the width in pixels is uWidth / 2; one pixel is 2 / uResolution in clip space per w.
  clip.xy += normal * aSide * uWidth / uResolution * clip.w;
  vIndex = aIndex;
  vSide = aSide;
  vDir = dir;
  gl_Position = clip;
}
