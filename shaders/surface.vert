// The loss surface: the mesh holds each vertex's height h(f) ∈ [0, 1.5] and the slopes of h in
// world units (src/core/surface-drawing.ts); the vertical scale K = uHeightScale lifts it to
// Y = K·h with the exact normal n ∝ (−K·∂h/∂X, 1, −K·∂h/∂Z). h also drives the colour map and
// the contour lines.
uniform float uHeightScale;

attribute float aHeight;
attribute float aValid;
attribute vec2 aSlope;

varying float vHeight;
varying float vValid;
varying vec3 vNormal;
varying vec3 vWorld;
varying vec2 vUv;

void main() {
  vHeight = aHeight;
  vValid = aValid;
  vUv = uv;
  vec3 lifted = vec3(position.x, uHeightScale * aHeight, position.z);
  vec4 world = modelMatrix * vec4(lifted, 1.0);
  vWorld = world.xyz;
  vec3 n = normalize(vec3(-uHeightScale * aSlope.x, 1.0, -uHeightScale * aSlope.y));
  vNormal = normalize(mat3(modelMatrix) * n);
  gl_Position = projectionMatrix * viewMatrix * world;
}
