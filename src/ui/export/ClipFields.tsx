import type { ChangeEvent } from 'react';
import { CLIP_FORMATS, type ClipFormat } from '../../record/codecs';
import type { CameraMotion } from '../../record/exporter';
import type { OverlayOptions } from '../../record/overlay-content';
import { RESOLUTIONS, resolutionText, SIZE_LIMITS } from '../../record/render-size';
import { useT } from '../use-t';
import { FRAME_RATES, HOLD_SECONDS, SECONDS_RANGE, type ClipForm } from './clip-form';

const OVERLAY_KEYS = ['title', 'legend', 'stepCounter', 'lossChart', 'ballLabels'] as const;

interface Props {
  form: ClipForm;
  change(patch: Partial<ClipForm>): void;
  disabled: boolean;
}

const numberOf = (e: ChangeEvent<HTMLInputElement>) => e.currentTarget.valueAsNumber;

/** The clip's settings: container, size, frame rate, length, pace, camera and overlays. */
export function ClipFields({ form, change, disabled }: Props) {
  const t = useT().record;
  return (
    <fieldset className="export-fields" disabled={disabled}>
      <label>
        {t.format}
        <select
          data-testid="export-format"
          value={form.format}
          onChange={(e) => change({ format: e.target.value as ClipFormat })}
        >
          {CLIP_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t.formats[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.resolution}
        <select
          data-testid="export-resolution"
          value={form.resolution}
          onChange={(e) => change({ resolution: e.target.value })}
        >
          {RESOLUTIONS.map((r) => (
            <option key={resolutionText(r)} value={resolutionText(r)}>
              {r.width} × {r.height}
            </option>
          ))}
          <option value="custom">{t.custom}</option>
        </select>
      </label>
      {form.resolution === 'custom' && (
        <div className="export-custom-size">
          <label>
            {t.width}
            <input
              type="number"
              data-testid="export-width"
              min={SIZE_LIMITS.min}
              max={SIZE_LIMITS.max}
              step={2}
              value={Number.isFinite(form.customWidth) ? form.customWidth : ''}
              onChange={(e) => change({ customWidth: numberOf(e) })}
            />
          </label>
          <label>
            {t.height}
            <input
              type="number"
              data-testid="export-height"
              min={SIZE_LIMITS.min}
              max={SIZE_LIMITS.max}
              step={2}
              value={Number.isFinite(form.customHeight) ? form.customHeight : ''}
              onChange={(e) => change({ customHeight: numberOf(e) })}
            />
          </label>
        </div>
      )}
      <label>
        {t.fps}
        <select
          data-testid="export-fps"
          value={form.fps}
          onChange={(e) => change({ fps: Number(e.target.value) })}
        >
          {FRAME_RATES.map((f) => (
            <option key={f} value={f}>
              {t.fpsValue(f)}
            </option>
          ))}
        </select>
      </label>
      <div className="export-length" role="radiogroup" aria-label={t.length}>
        <span className="export-label">{t.length}</span>
        <label className="inline">
          <input
            type="radio"
            name="export-length"
            data-testid="export-length-seconds"
            checked={form.lengthKind === 'seconds'}
            onChange={() => change({ lengthKind: 'seconds' })}
          />
          <input
            type="number"
            data-testid="export-seconds"
            aria-label={t.seconds}
            min={SECONDS_RANGE.min}
            max={SECONDS_RANGE.max}
            step={0.5}
            value={Number.isFinite(form.seconds) ? form.seconds : ''}
            onChange={(e) => change({ seconds: numberOf(e), lengthKind: 'seconds' })}
          />
          <span>{t.seconds.toLowerCase()}</span>
        </label>
        <label className="inline">
          <input
            type="radio"
            name="export-length"
            data-testid="export-length-until"
            checked={form.lengthKind === 'until-finished'}
            onChange={() => change({ lengthKind: 'until-finished' })}
          />
          <span>
            {t.untilFinished} <small>({t.holdNote(HOLD_SECONDS)})</small>
          </span>
        </label>
      </div>
      <label>
        {t.stepsPerSecond}
        <span className="export-steps">
          <input
            type="number"
            data-testid="export-steps-per-second"
            min={1}
            max={10000}
            step={1}
            value={Number.isFinite(form.stepsPerSecond) ? form.stepsPerSecond : ''}
            onChange={(e) => change({ stepsPerSecond: numberOf(e) })}
          />
          <small>{t.stepsPerFrame(form.stepsPerSecond / form.fps)}</small>
        </span>
      </label>
      <label>
        {t.camera}
        <select
          data-testid="export-camera"
          value={form.camera}
          onChange={(e) => change({ camera: e.target.value as CameraMotion })}
        >
          <option value="current">{t.cameraCurrent}</option>
          <option value="orbit">{t.cameraOrbit}</option>
        </select>
      </label>
      <div className="export-overlays">
        <span className="export-label">{t.burnIn}</span>
        {OVERLAY_KEYS.map((key) => (
          <label key={key} className="inline">
            <input
              type="checkbox"
              data-testid={`export-overlay-${key}`}
              checked={form.overlays[key]}
              onChange={(e) =>
                change({
                  overlays: { ...form.overlays, [key]: e.target.checked } as OverlayOptions,
                })
              }
            />
            {t[key]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
