import { useState } from 'react';
import { useT } from '../use-t';
import { LogisticSection } from './LogisticSection';
import { OverflowDemo } from './OverflowDemo';
import { LECTURE_VECTOR, SoftmaxSection } from './SoftmaxSection';
import { useVectorField } from './use-vector-field';
import './softmax.css';

/**
 * The sigmoid & softmax view, from the first part of the lecture: the logistic function with its
 * parameters, softmax of a vector with a temperature, and why softmax subtracts the maximum.
 */
export function SoftmaxView() {
  const t = useT().softmax;
  const field = useVectorField(LECTURE_VECTOR);
  const [temperature, setTemperature] = useState(1);
  return (
    <div className="softmax-view" data-testid="softmax-view">
      <header className="softmax-header">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
      </header>
      <LogisticSection />
      <SoftmaxSection field={field} temperature={temperature} onTemperature={setTemperature} />
      <OverflowDemo z={field.vector} onLoad={field.change} />
    </div>
  );
}
