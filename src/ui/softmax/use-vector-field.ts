import { useState } from 'react';
import { parseVector, type VectorError } from '../../core/softmax';

export interface VectorField {
  /** The field's text as typed. */
  text: string;
  /** The last vector that parsed: a bad edit never replaces it. */
  vector: number[];
  /** Why the text as typed is refused, or null. */
  error: VectorError | null;
  /** Types into the field (or loads a preset). */
  change: (text: string) => void;
}

/** A typed-in vector that keeps its last valid value while the text is wrong. */
export function useVectorField(initialText: string): VectorField {
  const [state, setState] = useState(() => {
    const parsed = parseVector(initialText);
    return {
      text: initialText,
      vector: parsed.ok ? parsed.values : [],
      error: parsed.ok ? null : parsed.error,
    };
  });
  const change = (text: string) => {
    const parsed = parseVector(text);
    setState((s) =>
      parsed.ok
        ? { text, vector: parsed.values, error: null }
        : { text, vector: s.vector, error: parsed.error },
    );
  };
  return { ...state, change };
}
