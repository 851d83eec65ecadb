import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { HyperDefinition } from '../../core';
import { formatFieldValue as formatValue } from '../../draw/format';
import type { Messages } from '../../i18n';
import { useT } from '../use-t';
import { readHyperField, readLabel, toHexColor, type FieldReading } from './runner-fields';

/** Why a field's text was refused (turned into words in the current language when shown). */
type Problem = Exclude<FieldReading, { ok: true }> | { ok: false; problem: 'empty-name' };

function problemText(t: Messages['runners'], name: string, p: Problem): string {
  if (p.problem === 'not-a-number') return t.notANumber(name);
  if (p.problem === 'not-whole') return t.notWhole(name);
  if (p.problem === 'out-of-range') return t.outOfRange(name, p.range);
  return t.emptyName;
}

/**
 * The text of a field that commits on Enter or blur. It follows `shown` whenever the committed
 * value changes elsewhere (the slider, a scene, another landscape), which also clears its error.
 */
function useDraft(shown: string) {
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [last, setLast] = useState(shown);
  if (shown !== last) {
    setLast(shown);
    setText(shown);
    setProblem(null);
  }
  const onKeyDown = (commit: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setText(shown);
      setProblem(null);
    }
  };
  return { text, setText, problem, setProblem, onKeyDown };
}

function FieldError({ id, message }: { id: string; message: string }) {
  const t = useT().runners;
  return (
    <p className="field-error runner-error" id={id} data-testid="runner-error" role="alert">
      {message} <small>{t.keptLast}</small>
    </p>
  );
}

interface NumberFieldProps {
  definition: HyperDefinition;
  /** How the error names it: lr, β₁, dampening. */
  name: string;
  value: number;
  onCommit(value: number): void;
  testId: string;
  title: string;
  disabled?: boolean;
}

/**
 * An exact numeric hyperparameter. A value outside its range or not a number is refused here,
 * with the reason under the field, and the race keeps the last valid value.
 */
export function NumberField(props: NumberFieldProps) {
  const t = useT().runners;
  const shown = formatValue(props.value);
  const draft = useDraft(shown);
  const errorId = useId();
  const commit = () => {
    const reading = readHyperField(props.definition, draft.text);
    if (!reading.ok) return draft.setProblem(reading);
    draft.setProblem(null);
    if (reading.value !== props.value) props.onCommit(reading.value);
    else draft.setText(shown);
  };
  return (
    <>
      <input
        className="runner-number"
        data-testid={props.testId}
        value={draft.text}
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        title={props.title}
        aria-label={props.title}
        aria-invalid={draft.problem !== null}
        aria-describedby={draft.problem ? errorId : undefined}
        disabled={props.disabled}
        onChange={(e) => draft.setText(e.target.value)}
        onBlur={commit}
        onKeyDown={draft.onKeyDown(commit)}
      />
      {draft.problem && (
        <FieldError id={errorId} message={problemText(t, props.name, draft.problem)} />
      )}
    </>
  );
}

/** The runner's name as the legend and the ball's tag show it; an empty name is refused. */
export function LabelField({ value, onCommit }: { value: string; onCommit(label: string): void }) {
  const t = useT().runners;
  const draft = useDraft(value);
  const errorId = useId();
  const commit = () => {
    const label = readLabel(draft.text);
    if (label === null) return draft.setProblem({ ok: false, problem: 'empty-name' });
    draft.setProblem(null);
    if (label !== value) onCommit(label);
    else draft.setText(value);
  };
  return (
    <>
      <input
        className="runner-label"
        data-testid="runner-label"
        value={draft.text}
        maxLength={40}
        spellCheck={false}
        autoComplete="off"
        aria-label={t.name}
        title={t.name}
        aria-invalid={draft.problem !== null}
        aria-describedby={draft.problem ? errorId : undefined}
        onChange={(e) => draft.setText(e.target.value)}
        onBlur={commit}
        onKeyDown={draft.onKeyDown(commit)}
      />
      {draft.problem && <FieldError id={errorId} message={problemText(t, '', draft.problem)} />}
    </>
  );
}

/**
 * The runner's colour. The swatch follows the picker live, but the runner takes the colour only
 * when the picker is closed (the native change event): every setting change restarts the race.
 */
export function ColorField({ value, onCommit }: { value: string; onCommit(color: string): void }) {
  const t = useT().runners;
  const [draft, setDraft] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    setDraft(value);
  }
  const input = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const onChange = () => commit.current(element.value);
    element.addEventListener('change', onChange);
    return () => element.removeEventListener('change', onChange);
  }, []);
  return (
    <input
      ref={input}
      type="color"
      className="runner-color"
      data-testid="runner-color"
      value={toHexColor(draft)}
      aria-label={t.color}
      title={t.color}
      onChange={(e) => setDraft(e.target.value)}
    />
  );
}
