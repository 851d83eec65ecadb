import {
  getFirstEncodableVideoCodec,
  Mp4OutputFormat,
  Quality,
  WebMOutputFormat,
  type OutputFormat,
  type VideoCodec,
} from 'mediabunny';

/** The containers a clip can be saved in. */
export const CLIP_FORMATS = ['mp4', 'webm'] as const;
export type ClipFormat = (typeof CLIP_FORMATS)[number];

/** Codecs in the order they are tried: the most widely playable first. */
export const CODEC_PREFERENCE: readonly VideoCodec[] = ['avc', 'vp9', 'av1', 'vp8'];

/** Codec names as people know them. */
export const CODEC_NAMES: Record<VideoCodec, string> = {
  avc: 'H.264',
  hevc: 'H.265',
  vp9: 'VP9',
  av1: 'AV1',
  vp8: 'VP8',
  prores: 'ProRes',
};

/** Every clip is encoded at this quality (mediabunny maps it to a bitrate for the size). */
export const CLIP_QUALITY = new Quality('high');

/** The mediabunny output format of a container (MP4 with its index up front, for slides). */
export function outputFormat(format: ClipFormat): OutputFormat {
  return format === 'mp4'
    ? new Mp4OutputFormat({ fastStart: 'in-memory' })
    : new WebMOutputFormat();
}

/** The preferred codecs that the container can hold, in order: MP4 H.264 → VP9 → AV1, WebM VP9 → AV1 → VP8. */
export function candidateCodecs(format: ClipFormat): VideoCodec[] {
  const held = outputFormat(format).getSupportedVideoCodecs();
  return CODEC_PREFERENCE.filter((c) => held.includes(c));
}

/** True when this browser has the WebCodecs encoder that clip export needs. */
export function webCodecsAvailable(): boolean {
  return typeof VideoEncoder === 'function' && typeof VideoFrame === 'function';
}

/** The first codec this browser can encode at this size and frame rate, or null. */
export async function chooseCodec(
  format: ClipFormat,
  size: { width: number; height: number },
  fps: number,
): Promise<VideoCodec | null> {
  if (!webCodecsAvailable()) return null;
  return getFirstEncodableVideoCodec(candidateCodecs(format), {
    width: size.width,
    height: size.height,
    frameRate: fps,
    quality: CLIP_QUALITY,
  });
}
