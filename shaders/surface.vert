// The loss surface: positions and exact normals come from the CPU (src/scene/surface-geometry.ts);
// the height h(f) ∈ [0, 1] drives the colour map and the contour lines.
attribute float aHeight;
attribute float aValid;

varying float vHeight;
varying float vValid;
varying vec3 vNormal;
varying vec3 vWorld;
varying vec2 vUv;

void main() {
  vHeight = aHeight;
  vValid = aValid;
  vUv = uv;
  vec4 world = modelMatrix * vec4(position, 1.0);
  vWorld = world.xyz;
  vNormal = normalize(mat3(modelMatrix) * normal);
  gl_Position = projectionMatrix * viewMatrix * world;
}
