import { canvasHandle } from './canvas-handle';

/** A live recording under way: the canvas as it plays, in real time. */
export interface LiveRecording {
  readonly startedAt: number;
  readonly mimeType: string;
  /** Stops and returns the WebM file (empty if the recorder produced nothing). */
  stop(): Promise<Blob>;
}

const TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

/** True when this browser can record a canvas with MediaRecorder as WebM. */
export function liveRecordingAvailable(): boolean {
  return (
    typeof MediaRecorder === 'function' &&
    typeof HTMLCanvasElement.prototype.captureStream === 'function' &&
    TYPES.some((t) => MediaRecorder.isTypeSupported(t))
  );
}

/**
 * Records the 3D canvas as it plays with MediaRecorder (WebM): whatever the screen shows, at the
 * canvas's own size, in real time — a slow frame is a dropped frame, unlike clip export.
 */
export function startLiveRecording(fps: number): LiveRecording | null {
  const canvas = canvasHandle.current?.gl.domElement;
  if (!canvas || !liveRecordingAvailable()) return null;
  const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t))!;
  const stream = canvas.captureStream(fps);
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 8_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  recorder.start(1000);
  return {
    startedAt: performance.now(),
    mimeType,
    stop: () =>
      new Promise<Blob>((resolve) => {
        recorder.onstop = () => {
          stream.getTracks().forEach((track) => track.stop());
          resolve(new Blob(chunks, { type: 'video/webm' }));
        };
        if (recorder.state === 'inactive') recorder.onstop(new Event('stop'));
        else recorder.stop();
      }),
  };
}
