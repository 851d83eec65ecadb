import { useEffect, useId, useRef, useState } from 'react';
import { OPTIMIZER_KINDS, isOptimizerKind } from '../../core';
import { formatFieldValue as formatValue } from '../../draw/format';
import { raceStore } from '../../store/app-store';
import type { RunnerSettings } from '../../store/race-store';
import { useT } from '../use-t';
import { changeKind, changeOptimizer, duplicateRunner, selectRunner, takeReveal } from './actions';
import { BatchRow } from './BatchRow';
import { ColorField, LabelField, NumberField } from './fields';
import { HyperFields } from './HyperFields';
import { ScheduleRow } from './ScheduleRow';
import { ChevronIcon, CopyIcon, EyeIcon, EyeOffIcon, RemoveIcon } from './icons';
import {
  hyperDefinition,
  LR_SLIDER_MAX,
  lrToSlider,
  moreSummary,
  secondaryHypers,
  sliderToLr,
  withHyper,
} from './runner-fields';

/**
 * One runner: colour, name, visibility, duplicate and remove on top; the optimizer and its
 * learning rate (log slider and exact field) below; the other hyperparameters behind a toggle.
 * Clicking or tabbing into the card selects the runner for the formula panel.
 */
export function RunnerCard({ runner, selected }: { runner: RunnerSettings; selected: boolean }) {
  const t = useT().runners;
  const { id, optimizer } = runner;
  const [open, setOpen] = useState(false);
  const hypersId = useId();
  const card = useRef<HTMLElement>(null);
  const update = raceStore.getState().updateRunner;
  const setLr = (lr: number) => {
    if (lr !== optimizer.lr) changeOptimizer(id, (spec) => withHyper(spec, 'lr', lr));
  };
  const secondary = secondaryHypers(optimizer.kind);

  // A runner just added or duplicated scrolls into view (the list may be longer than the panel).
  useEffect(() => {
    if (takeReveal(id)) card.current?.scrollIntoView({ block: 'nearest' });
  }, [id]);

  return (
    <article
      ref={card}
      className={`runner-card${selected ? ' selected' : ''}${runner.visible ? '' : ' hidden-runner'}`}
      data-testid="runner-card"
      data-runner-id={id}
      aria-label={runner.label}
      aria-current={selected ? 'true' : undefined}
      title={selected ? undefined : t.cardTitle}
      onPointerDown={() => selectRunner(id)}
      onFocus={() => selectRunner(id)}
    >
      <div className="runner-line">
        <ColorField value={runner.color} onCommit={(color) => update(id, { color })} />
        <LabelField value={runner.label} onCommit={(label) => update(id, { label })} />
        <label className="icon-button" title={runner.visible ? t.hide : t.show}>
          <input
            type="checkbox"
            className="eye-box"
            data-testid="runner-visible"
            checked={runner.visible}
            aria-label={t.show}
            onChange={(e) => update(id, { visible: e.target.checked })}
          />
          {runner.visible ? <EyeIcon /> : <EyeOffIcon />}
        </label>
        <button
          className="icon-button"
          data-testid="runner-duplicate"
          title={t.duplicate}
          aria-label={t.duplicate}
          onClick={() => duplicateRunner(id)}
        >
          <CopyIcon />
        </button>
        <button
          className="icon-button remove"
          data-testid="runner-remove"
          title={t.remove}
          aria-label={t.remove}
          onClick={() => raceStore.getState().removeRunner(id)}
        >
          <RemoveIcon />
        </button>
      </div>
      <div className="runner-line">
        <select
          className="runner-kind"
          data-testid="runner-kind"
          aria-label={t.kind}
          title={t.kind}
          value={optimizer.kind}
          onChange={(e) => isOptimizerKind(e.target.value) && changeKind(id, e.target.value)}
        >
          {OPTIMIZER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.kinds[kind]}
            </option>
          ))}
        </select>
        {secondary.length > 0 && (
          <button
            className="more-toggle"
            data-testid="runner-more"
            aria-expanded={open}
            aria-controls={open ? hypersId : undefined}
            title={t.more}
            aria-label={t.more}
            onClick={() => setOpen(!open)}
          >
            <ChevronIcon />
            {moreSummary(optimizer.kind)}
          </button>
        )}
      </div>
      <div className="runner-line lr-row">
        <span className="lr-name" aria-hidden="true">
          {t.lr}
        </span>
        <input
          type="range"
          data-testid="runner-lr-slider"
          min={0}
          max={LR_SLIDER_MAX}
          step={1}
          value={lrToSlider(optimizer.lr)}
          aria-label={t.lrSlider}
          aria-valuetext={`lr ${formatValue(optimizer.lr)}`}
          title={t.lrSlider}
          onChange={(e) => setLr(sliderToLr(Number(e.target.value)))}
        />
        <NumberField
          key={optimizer.kind}
          definition={hyperDefinition(optimizer.kind, 'lr')}
          name="lr"
          value={optimizer.lr}
          onCommit={setLr}
          testId="runner-lr"
          title={t.lrTitle}
        />
      </div>
      <BatchRow runner={runner} />
      <ScheduleRow runner={runner} />
      {/* Keyed by kind: a switch of optimizer starts its fields afresh, without stale errors. */}
      {open && <HyperFields key={optimizer.kind} id={hypersId} runnerId={id} spec={optimizer} />}
    </article>
  );
}
