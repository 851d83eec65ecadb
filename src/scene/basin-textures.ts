import { DataTexture, NearestFilter, RGBAFormat, UnsignedByteType } from 'three';
import { basinPixels } from '../draw/basin-colors';
import { swarmLive } from '../store/swarm-live';

/**
 * One texture per runner's basin map, k × k texels (nearest filtering: cells stay cells), refreshed
 * from swarmLive whenever a band of rows arrives.
 */
const textures = new Map<number, { texture: DataTexture; done: number; grid: Int32Array }>();
let shownVersion = -1;

function refresh(): void {
  if (shownVersion === swarmLive.basinsVersion) return;
  shownVersion = swarmLive.basinsVersion;
  for (const [id, kept] of textures) {
    if (swarmLive.basins.get(id)?.grid !== kept.grid) {
      kept.texture.dispose();
      textures.delete(id);
    }
  }
  for (const [id, map] of swarmLive.basins) {
    let kept = textures.get(id);
    if (!kept) {
      const texture = new DataTexture(
        new Uint8Array(4 * map.k * map.k),
        map.k,
        map.k,
        RGBAFormat,
        UnsignedByteType,
      );
      texture.magFilter = NearestFilter;
      texture.minFilter = NearestFilter;
      textures.set(id, (kept = { texture, done: -1, grid: map.grid }));
    }
    // Only a map that got new rows is coloured and uploaded again.
    if (kept.done === map.done) continue;
    kept.done = map.done;
    basinPixels(map.grid, swarmLive.minima, kept.texture.image.data as Uint8Array);
    kept.texture.needsUpdate = true;
  }
}

/** The texture of a runner's basin map as computed so far, or null when it has none. */
export function basinTexture(runnerId: number): DataTexture | null {
  refresh();
  return textures.get(runnerId)?.texture ?? null;
}
