import { drawingBuffers, runSurfaceJob } from '../core';
import type { JobMessage, JobReply } from './protocol';

/**
 * The surface worker: samples a landscape's surface (coarse, then fine) and searches a typed
 * function's minima, reporting as it goes. (Typed with the page's DOM lib: a worker's global
 * scope posts like a Worker does.)
 */
const scope = self as unknown as Worker;
const post = (reply: JobReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

scope.onmessage = (event: MessageEvent<JobMessage>) => {
  const { id, job } = event.data;
  try {
    runSurfaceJob(job.request, {
      onSurface(grid, final) {
        // The job may need the fine grid again after the minima search: send it a copy then.
        const keep = final && job.request.minima;
        const values = keep ? grid.values.slice() : grid.values;
        const gradients = keep ? grid.gradients.slice() : grid.gradients;
        const { scale, low, high } = grid.heightMap;
        const { segments, domain, drawing } = grid;
        const surface = { segments, domain, values, gradients, scale, low, high, drawing };
        const transfer = [
          values.buffer,
          gradients.buffer,
          ...(drawing ? drawingBuffers(drawing) : []),
        ];
        post({ id, kind: 'surface', surface, final }, transfer);
      },
      onMinima: (minima, complete) => post({ id, kind: 'minima', minima, complete }),
      onProgress: (stage, progress) => post({ id, kind: 'progress', stage, progress }),
      onDone: () => post({ id, kind: 'done' }),
      onError: (message) => post({ id, kind: 'error', message }),
    });
  } catch (error) {
    post({ id, kind: 'error', message: String(error) });
  }
};
