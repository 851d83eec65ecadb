// The shaken bag: the loss of one minibatch of a two-parameter model, evaluated per vertex from a
// few uniforms, so it changes every step without touching the mesh. The vertex's (w, b) comes from
// its uv over the domain; the batch loss L and its exact gradient give the height h(L) (the same
// height map as the full-data surface) and the normal. The full-data height is read from a texture
// of the full surface, for its contour lines.
//   linear:   L = w²·E[x²] + 2wb·E[x] + b² − 2w·E[xy] − 2b·E[y] + E[y²]   (batch means)
//   logistic: L = mean(max(z, 0) − z·y + log(1 + e^(−|z|))), z = w·x + b   (rows from uRows)
uniform float uHeightScale;
uniform vec4 uDomain;
uniform vec2 uWorldScale;
uniform vec3 uHeightMap;
uniform int uModel;
uniform vec3 uMomentsA;
uniform vec2 uMomentsB;
uniform sampler2D uRows;
uniform int uCount;
uniform sampler2D uFull;
uniform int uFullSide;

varying float vHeight;
varying float vFullHeight;
varying vec3 vNormal;
varying vec3 vWorld;

const float MAX_HEIGHT = 1.5;

void main() {
  float w = mix(uDomain.x, uDomain.y, uv.x);
  float b = mix(uDomain.z, uDomain.w, uv.y);
  float loss;
  vec2 grad;
  if (uModel == 0) {
    float sxx = uMomentsA.x;
    float sx = uMomentsA.y;
    float sxy = uMomentsA.z;
    float sy = uMomentsB.x;
    float syy = uMomentsB.y;
    loss = w * w * sxx + 2.0 * w * b * sx + b * b - 2.0 * w * sxy - 2.0 * b * sy + syy;
    grad = vec2(2.0 * (w * sxx + b * sx - sxy), 2.0 * (w * sx + b - sy));
  } else {
    loss = 0.0;
    grad = vec2(0.0);
    for (int k = 0; k < 4096; k++) {
      if (k >= uCount) break;
      vec2 row = texelFetch(uRows, ivec2(k, 0), 0).xy;
      float z = w * row.x + b;
      float e = exp(-abs(z));
      loss += max(z, 0.0) - z * row.y + log(1.0 + e);
      float p = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
      grad += (p - row.y) * vec2(row.x, 1.0);
    }
    float count = float(max(uCount, 1));
    loss /= count;
    grad /= count;
  }
  // h(L) and dh/dL as in src/core/surface.ts heightMapOf: linear, or log with δ = 10⁻³·range —
  // continued below the full data's lowest value (a batch's own bottom can lie lower: the bag dips
  // under the floor rather than being cut flat), and cut at the top as the full surface is.
  float off = loss - uHeightMap.x;
  float h;
  float slope;
  if (uHeightMap.z > 0.5) {
    float delta = 1e-3 * uHeightMap.y;
    float norm = log(1.0 + uHeightMap.y / delta);
    h = sign(off) * log(1.0 + abs(off) / delta) / norm;
    slope = 1.0 / ((delta + abs(off)) * norm);
  } else {
    h = off / uHeightMap.y;
    slope = 1.0 / uHeightMap.y;
  }
  if (h >= MAX_HEIGHT) {
    h = MAX_HEIGHT;
    slope = 0.0;
  }
  vHeight = h;
  int i = int(floor(uv.x * float(uFullSide - 1) + 0.5));
  int j = int(floor(uv.y * float(uFullSide - 1) + 0.5));
  vFullHeight = texelFetch(uFull, ivec2(i, j), 0).r;

  vec3 lifted = vec3(position.x, uHeightScale * h, position.z);
  vec4 world = modelMatrix * vec4(lifted, 1.0);
  vWorld = world.xyz;
  vec2 s = vec2(slope * grad.x / uWorldScale.x, -slope * grad.y / uWorldScale.y);
  vec3 n = normalize(vec3(-uHeightScale * s.x, 1.0, -uHeightScale * s.y));
  vNormal = normalize(mat3(modelMatrix) * n);
  gl_Position = projectionMatrix * viewMatrix * world;
}
