/**
 * A worker that runs one job at a time, for the surface and the network: starting a job while
 * another runs terminates that worker (the only sure way to stop a loop mid-way) and starts a
 * fresh one; an idle worker is reused. Replies of a superseded job are dropped.
 */
export function singleJobWorker(makeWorker: () => Worker) {
  let worker: Worker | null = null;
  let busy = false;
  let current = 0;
  const stop = () => {
    worker?.terminate();
    worker = null;
    busy = false;
  };
  return {
    /**
     * Posts the job `message(id)`. `onReply` sees this job's replies only and returns true for the
     * one that ends it (the worker is then idle); `onFail` hears the worker itself fail.
     */
    start<Reply extends { id: number }>(
      message: (id: number) => unknown,
      onReply: (reply: Reply) => boolean,
      onFail: (message: string) => void,
    ): void {
      if (busy) stop();
      const id = ++current;
      const w = (worker ??= makeWorker());
      busy = true;
      w.onmessage = (event: MessageEvent<Reply>) => {
        if (event.data.id !== current) return;
        if (onReply(event.data)) busy = false;
      };
      w.onerror = (event) => {
        if (id !== current) return;
        stop();
        onFail(event.message || 'the worker failed');
      };
      w.postMessage(message(id));
    },
    /** Drops the job under way (its worker terminated). */
    cancel(): void {
      current++;
      if (busy) stop();
    },
  };
}
