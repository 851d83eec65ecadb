import { useEffect, useState } from 'react';
import type { VideoCodec } from 'mediabunny';
import { chooseCodec, type ClipFormat } from '../../record/codecs';
import type { FrameSize } from '../../record/render-size';

/** The codec a clip would be encoded with here: checked with the browser's encoders as settings change. */
export function useCodecChoice(
  format: ClipFormat,
  size: FrameSize,
  fps: number,
  active: boolean,
): VideoCodec | null | 'checking' {
  const [choice, setChoice] = useState<{ key: string; codec: VideoCodec | null } | null>(null);
  const key = `${format} ${size.width}x${size.height} ${fps}`;
  const { width, height } = size;
  useEffect(() => {
    if (!active) return;
    let current = true;
    chooseCodec(format, { width, height }, fps).then(
      (codec) => current && setChoice({ key, codec }),
      () => current && setChoice({ key, codec: null }),
    );
    return () => {
      current = false;
    };
  }, [active, key, format, width, height, fps]);
  return choice?.key === key ? choice.codec : 'checking';
}
