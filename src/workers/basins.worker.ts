import { basinRows, landscapeWithMinima, type Landscape } from '../core';
import type { BasinMessage, BasinReply } from './protocol';

/**
 * A basins worker: runs bands of rows of basin maps (several of these run at once, one per core).
 * The landscape of the last task is kept, so a typed function is parsed once per map.
 */
const scope = self as unknown as Worker;
let cached: { key: string; landscape: Landscape } | null = null;

scope.onmessage = (event: MessageEvent<BasinMessage>) => {
  const { id, task } = event.data;
  try {
    const key = JSON.stringify([task.source, task.minima]);
    if (cached?.key !== key) {
      const landscape = landscapeWithMinima(task.source, task.minima);
      if (!landscape) throw new Error('the landscape could not be made');
      cached = { key, landscape };
    }
    const grid = basinRows(cached.landscape, task.settings, task.j0, task.j1)!;
    const reply: BasinReply = {
      id,
      kind: 'rows',
      runner: task.runner,
      j0: task.j0,
      j1: task.j1,
      grid,
    };
    scope.postMessage(reply, [grid.buffer]);
  } catch (error) {
    const reply: BasinReply = { id, kind: 'error', message: String(error) };
    scope.postMessage(reply);
  }
};
