import type { Domain, KnownMinimum, SurfaceDrawing, SurfaceRequest } from '../core';

/**
 * The messages between the page and a worker. One protocol for every job kind: the page posts
 * `{ id, job }`; the worker answers with messages carrying the same id, ending with `done` or
 * `error`. A superseded job is cancelled by terminating its worker, so the protocol has no cancel
 * message: nothing long-running can miss one.
 */
export type JobRequest = { kind: 'surface'; request: SurfaceRequest };

/** Page → worker. */
export interface JobMessage {
  id: number;
  job: JobRequest;
}

/** Worker → page. Typed arrays are transferred, not copied. */
export type JobReply =
  | { id: number; kind: 'progress'; stage: 'surface' | 'minima'; progress: number }
  | {
      id: number;
      kind: 'surface';
      /** A SurfaceGrid without its height map's functions: rebuilt from scale, low and high. */
      surface: {
        segments: number;
        domain: Domain;
        values: Float64Array;
        gradients: Float64Array;
        scale: 'linear' | 'log';
        low: number;
        high: number;
        drawing?: SurfaceDrawing;
      };
      final: boolean;
    }
  | { id: number; kind: 'minima'; minima: KnownMinimum[]; complete: boolean }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'error'; message: string };
