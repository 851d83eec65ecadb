import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, type DataTexture, type ShaderMaterial } from 'three';
import { batchMoments, drawingOf, type Dataset, type WorldFrame } from '../core';
import type { Domain } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { createBatchSurfaceMaterial, fullHeightTexture } from './batch-surface-material';
import { sceneRefs } from './scene-refs';
import { paneRunnerIndex } from './pane-runner';
import { gridIndex } from './surface-geometry';

/** Cells per side of the batch surface (its loss is evaluated per vertex, every frame). */
export const BATCH_SEGMENTS = 128;

/** A flat (n+1)² grid over the domain in world X, Z with its uv: the shader lifts it. */
function flatGrid(domain: Domain, frame: WorldFrame, segments: number): BufferGeometry {
  const side = segments + 1;
  const positions = new Float32Array(3 * side * side);
  const uvs = new Float32Array(2 * side * side);
  for (let j = 0; j < side; j++) {
    const Z = frame.worldZ(domain.yMin + ((domain.yMax - domain.yMin) * j) / segments);
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      positions[3 * k] = frame.worldX(domain.xMin + ((domain.xMax - domain.xMin) * i) / segments);
      positions[3 * k + 2] = Z;
      uvs[2 * k] = i / segments;
      uvs[2 * k + 1] = j / segments;
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('uv', new BufferAttribute(uvs, 2));
  geometry.setIndex(new BufferAttribute(gridIndex(segments), 1));
  return geometry;
}

const moments = new Float64Array(5);

/**
 * Sets the shader's batch: the means of the rows (linear model) or the rows themselves in the
 * texture (logistic); all rows when there is no batch yet.
 */
function showBatch(material: ShaderMaterial, data: Dataset, batch: Uint32Array | undefined) {
  const rows = batch && batch.length > 0 ? batch : null;
  const count = rows ? rows.length : data.n;
  const u = material.uniforms;
  if (data.model === 'linear') {
    batchMoments(data.x, data.y, rows ?? identity(data.n), count, moments);
    u.uMomentsA!.value.set(moments[0], moments[1], moments[2]);
    u.uMomentsB!.value.set(moments[3], moments[4]);
  } else {
    const texture = u.uRows!.value as DataTexture;
    const texels = texture.image.data as Float32Array;
    for (let k = 0; k < count; k++) {
      const r = rows ? rows[k]! : k;
      texels[2 * k] = data.x[r]!;
      texels[2 * k + 1] = data.y[r]!;
    }
    texture.needsUpdate = true;
  }
  u.uCount!.value = count;
}

/**
 * The shaken bag made literal: instead of the full-data surface, the loss of a runner's last
 * minibatch (all rows before its first step) — the selected runner's, or side by side each pane's
 * own — changing every step, with the full-data loss as contour lines. The loss is evaluated in
 * the vertex shader from the batch's means (linear model) or its rows in a small texture
 * (logistic), set just before each pane is drawn and only when the race stepped or the runner
 * shown changed: no React render per frame, no mesh rewrite.
 */
export function BatchSurface({ data }: { data: Dataset }) {
  const surface = useRace((s) => s.surface);
  const frame = useRace((s) => s.frame);
  const domain = useRace((s) => s.landscape.domain);
  const verticalScale = useRace((s) => s.verticalScale);
  const material = useMemo(() => createBatchSurfaceMaterial(data.n), [data.n]);
  const geometry = useMemo(() => flatGrid(domain, frame, BATCH_SEGMENTS), [domain, frame]);
  const full = useMemo(() => {
    const d = drawingOf(surface, frame);
    return fullHeightTexture(d.heights, d.valid, surface.segments + 1);
  }, [surface, frame]);

  useEffect(() => {
    const u = material.uniforms;
    u.uHeightScale!.value = frame.heightUnits * verticalScale;
    u.uDomain!.value.set(domain.xMin, domain.xMax, domain.yMin, domain.yMax);
    u.uWorldScale!.value.set(
      frame.width / (domain.xMax - domain.xMin),
      frame.depth / (domain.yMax - domain.yMin),
    );
    const hm = surface.heightMap;
    u.uHeightMap!.value.set(hm.low, hm.high - hm.low, hm.scale === 'log' ? 1 : 0);
    u.uModel!.value = data.model === 'linear' ? 0 : 1;
    u.uFull!.value = full;
    u.uFullSide!.value = surface.segments + 1;
  }, [material, frame, verticalScale, domain, surface, data, full]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => full.dispose(), [full]);
  useEffect(
    () => () => {
      (material.uniforms.uRows!.value as DataTexture).dispose();
      material.dispose();
    },
    [material],
  );

  // Before each pane is drawn, the batch of the runner it shows: the selected runner when the
  // pane shows it (or in the overlay layout), else the pane's first runner. The uniforms change
  // only when the race steps or the runner shown changes.
  useEffect(() => {
    const shown = { race: null as unknown, step: -1, runner: -1 };
    sceneRefs.beforePane = (pane) => {
      const s = raceStore.getState();
      const i = paneRunnerIndex(s, pane);
      if (shown.race === s.race && shown.step === s.race.step && shown.runner === i) return;
      Object.assign(shown, { race: s.race, step: s.race.step, runner: i });
      showBatch(material, data, s.race.runners[i]?.sampler?.rows);
    };
    return () => {
      sceneRefs.beforePane = null;
    };
  }, [material, data]);

  return (
    <mesh geometry={geometry} material={material} name="batch-surface" frustumCulled={false} />
  );
}

const identities = new Map<number, Uint32Array>();
function identity(n: number): Uint32Array {
  let a = identities.get(n);
  if (!a) {
    a = Uint32Array.from({ length: n }, (_, i) => i);
    identities.set(n, a);
  }
  return a;
}
