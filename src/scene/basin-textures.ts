import { DataTexture, NearestFilter, RGBAFormat, UnsignedByteType } from 'three';
import { basinPixels } from '../draw/basin-colors';
import { swarmLive } from '../store/swarm-live';

/**
 * One texture per runner's basin map, k × k texels (nearest filtering: cells stay cells), refreshed
 * from swarmLive whenever a band of rows arrives.
 */
const textures = new Map<number, DataTexture>();
let shownVersion = -1;

function refresh(): void {
  if (shownVersion === swarmLive.basinsVersion) return;
  shownVersion = swarmLive.basinsVersion;
  for (const [id, texture] of textures) {
    if (!swarmLive.basins.has(id)) {
      texture.dispose();
      textures.delete(id);
    }
  }
  for (const [id, map] of swarmLive.basins) {
    let texture = textures.get(id);
    if (!texture || texture.image.width !== map.k) {
      texture?.dispose();
      texture = new DataTexture(
        new Uint8Array(4 * map.k * map.k),
        map.k,
        map.k,
        RGBAFormat,
        UnsignedByteType,
      );
      texture.magFilter = NearestFilter;
      texture.minFilter = NearestFilter;
      textures.set(id, texture);
    }
    basinPixels(map.grid, swarmLive.minima, texture.image.data as Uint8Array);
    texture.needsUpdate = true;
  }
}

/** The texture of a runner's basin map as computed so far, or null when it has none. */
export function basinTexture(runnerId: number): DataTexture | null {
  refresh();
  return textures.get(runnerId) ?? null;
}
