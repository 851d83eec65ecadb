import { advanceSwarmRun, startSwarmRun, swarmFrame, type SwarmRun } from '../core';
import type { SwarmMessage, SwarmReply } from './protocol';

/**
 * The swarm worker: keeps one swarm and steps it towards the step the page asks for, answering
 * each request with a frame (the page asks again only after an answer, so requests never queue).
 */
const scope = self as unknown as Worker;
/** Stepping time per answer: the page sees a frame at least this often while the swarm catches up. */
const BUDGET_MS = 30;
let run: SwarmRun | null = null;

scope.onmessage = (event: MessageEvent<SwarmMessage>) => {
  const message = event.data;
  const post = (reply: SwarmReply, transfer: Transferable[] = []) =>
    scope.postMessage(reply, transfer);
  try {
    if (message.kind === 'start') {
      run = startSwarmRun(message.request);
      if (!run) throw new Error('the landscape could not be made');
    } else if (run) {
      advanceSwarmRun(run, message.target, BUDGET_MS);
    }
    // Every message gets an answer: the page waits for one before it asks again.
    if (!run) throw new Error('no swarm');
    const frame = swarmFrame(run);
    post(
      { id: message.id, kind: 'frame', frame },
      frame.runners.map((r) => r.balls.buffer),
    );
  } catch (error) {
    post({ id: message.id, kind: 'error', message: String(error) });
  }
};
