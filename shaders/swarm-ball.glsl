// A swarm ball placed on the surface in the vertex shader, from its (x, y, f) as the swarm worker
// sent it: X = x·uAxes.x + uAxes.y, Z = y·uAxes.z + uAxes.w (src/core/surface.ts worldFrame), and
// Y = K·min(h(f), 1.5) + uLift with the surface's height map h (linear: (f − low)/range; log:
// log(1 + max(f − low, 0)/δ)/log(1 + range/δ)) and K = uHeightUnits (4 × the vertical scale).
attribute vec3 aBall;
uniform vec4 uAxes;
// low, then range (linear) or δ (log), then log(1 + range/δ), then 1 for log heights.
uniform vec4 uHeightMap;
uniform float uHeightUnits;
uniform float uLift;

vec3 swarmBall(vec3 ball) {
  float f = ball.z;
  float h = uHeightMap.w > 0.5
    ? log(1.0 + max(f - uHeightMap.x, 0.0) / uHeightMap.y) / uHeightMap.z
    : (f - uHeightMap.x) / uHeightMap.y;
  return vec3(
    ball.x * uAxes.x + uAxes.y,
    uHeightUnits * min(h, 1.5) + uLift,
    ball.y * uAxes.z + uAxes.w
  );
}
