import { basinBandRunner } from '../core';
import type { BasinMessage, BasinReply } from './protocol';

/** A basins worker: runs bands of rows of basin maps (several of these run at once, one per core). */
const scope = self as unknown as Worker;
const runBand = basinBandRunner();

scope.onmessage = (event: MessageEvent<BasinMessage>) => {
  const { id, task } = event.data;
  try {
    const grid = runBand(task);
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
