import { useT } from './use-t';

/** In place of the 3D view where WebGL2 cannot start: what happened and what still works. */
export function NoWebGl() {
  const t = useT().app;
  return (
    <div className="no-webgl" role="alert" data-testid="no-webgl">
      <h2>{t.noWebGlTitle}</h2>
      <p>{t.noWebGl}</p>
      <p className="muted">{t.noWebGlHint}</p>
    </div>
  );
}
