import { computeNetRace } from '../core';
import type { NetMessage, NetReply } from './protocol';

/**
 * The network worker: trains every runner of a request, fits (or keeps) the plane of training and
 * projects the tracks, reporting progress between chunks of steps. The data stay behind (the page
 * has its own copy); the tracks' arrays are transferred.
 */
const scope = self as unknown as Worker;
const post = (reply: NetReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

scope.onmessage = (event: MessageEvent<NetMessage>) => {
  const { id, request } = event.data;
  try {
    let reported = -1;
    const info = computeNetRace(request, (done, steps) => {
      const percent = Math.floor((100 * done) / Math.max(1, steps));
      if (percent === reported) return;
      reported = percent;
      post({ id, kind: 'progress', done, steps });
    });
    if (!info) return;
    const rest: Omit<typeof info, 'data'> & { data?: unknown } = { ...info };
    delete rest.data;
    const transfer = info.tracks.flatMap((t) =>
      [t.points, t.loss, t.lr, t.accuracy, t.surfaceLoss, t.params, t.sharpness].map(
        (a) => a.buffer,
      ),
    );
    post({ id, kind: 'result', info: rest }, transfer);
  } catch (error) {
    post({ id, kind: 'error', message: String(error) });
  }
};
