import type {
  BasinBand,
  Domain,
  KnownMinimum,
  NetInfo,
  NetRequest,
  SurfaceDrawing,
  SurfaceRequest,
  SwarmRequest,
  SwarmFrame,
} from '../core';

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

/** A band of rows of one runner's basin map, and which runner (by position in the request). */
export interface BasinTask extends BasinBand {
  runner: number;
}

/** Page → basins worker. */
export interface BasinMessage {
  id: number;
  task: BasinTask;
}

/** Basins worker → page: the band's outcomes, or why it failed. */
export type BasinReply =
  | { id: number; kind: 'rows'; runner: number; j0: number; j1: number; grid: Int32Array }
  | { id: number; kind: 'error'; message: string };

/** Page → swarm worker: start anew, or step on to `target`. */
export type SwarmMessage =
  | { id: number; kind: 'start'; request: SwarmRequest }
  | { id: number; kind: 'advance'; target: number };

/** Swarm worker → page. */
export type SwarmReply =
  { id: number; kind: 'frame'; frame: SwarmFrame } | { id: number; kind: 'error'; message: string };

/** Page → network worker: train as asked (see `computeNetRace`). */
export interface NetMessage {
  id: number;
  request: NetRequest;
}

/** Network worker → page: progress, then the trained network without its data (the page has them), or why it failed. */
export type NetReply =
  | { id: number; kind: 'progress'; done: number; steps: number }
  | { id: number; kind: 'result'; info: Omit<NetInfo, 'data'> }
  | { id: number; kind: 'error'; message: string };
