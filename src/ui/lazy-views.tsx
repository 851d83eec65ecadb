import { lazy, Suspense, type ReactNode } from 'react';
import { FailSafe } from './FailSafe';
import { useT } from './use-t';

// KaTeX (about a sixth of the app's JavaScript) and the sigmoid & softmax view are not needed for
// the race's first frame: they arrive in chunks of their own, fetched when first shown.
const LoadedFormulaPanel = lazy(() =>
  import('./formulas/FormulaPanel').then((m) => ({ default: m.FormulaPanel })),
);
const LoadedSoftmaxView = lazy(() =>
  import('./softmax/SoftmaxView').then((m) => ({ default: m.SoftmaxView })),
);

/** A placeholder the size of a line of text while a part of the page loads (or if it cannot). */
function Placeholder({ failed = false }: { failed?: boolean }) {
  const t = useT().app;
  return (
    <p className="hint loading" role="status" data-testid={failed ? 'load-failed' : 'loading'}>
      {failed ? t.loadFailed : t.loading}
    </p>
  );
}

/** The update-rule panel (KaTeX), loaded after the first screen. */
export function FormulaPanel() {
  const t = useT();
  const frame = (body: ReactNode) => (
    <section className="panel formula-panel" aria-label={t.formulas.title}>
      <h2>{t.formulas.title}</h2>
      {body}
    </section>
  );
  return (
    <FailSafe fallback={frame(<Placeholder failed />)}>
      <Suspense fallback={frame(<Placeholder />)}>
        <LoadedFormulaPanel />
      </Suspense>
    </FailSafe>
  );
}

/** The sigmoid & softmax view, loaded the first time its tab is opened. */
export function SoftmaxView() {
  return (
    <FailSafe fallback={<Placeholder failed />}>
      <Suspense fallback={<Placeholder />}>
        <LoadedSoftmaxView />
      </Suspense>
    </FailSafe>
  );
}
