import { useState } from 'react';
import { useRace } from './store/app-store';
import { CopyLink } from './ui/CopyLink';
import { DataPanel } from './ui/DataPanel';
import { NetDataPanel } from './ui/NetDataPanel';
import { AccuracyChart } from './ui/AccuracyChart';
import { ExportButton } from './ui/export/ExportButton';
import { LandscapePanel } from './ui/landscape/LandscapePanel';
import { FormulaPanel, SoftmaxView } from './ui/lazy-views';
import { LanguageToggle } from './ui/LanguageToggle';
import { Legend } from './ui/Legend';
import { LossChart } from './ui/LossChart';
import { Notices } from './ui/Notices';
import { NetStatus } from './ui/NetStatus';
import { PaneTitles } from './ui/PaneTitles';
import { PlaybackControls } from './ui/PlaybackControls';
import { RaceView } from './ui/RaceView';
import { ResetDefaults } from './ui/ResetDefaults';
import { RunnersPanel } from './ui/runners/RunnersPanel';
import { SceneCaption } from './ui/SceneCaption';
import { ScenesPanel } from './ui/ScenesPanel';
import { StartFields } from './ui/StartFields';
import { SwarmPanel } from './ui/SwarmPanel';
import { PresenterButton, PresenterStage, usePresenterControls } from './ui/Presenter';
import { TopView } from './ui/TopView';
import { useKeyboard } from './ui/use-keyboard';
import { landscapeName, useT } from './ui/use-t';
import { ViewControls } from './ui/ViewControls';
import { webGl2Available } from './ui/webgl-support';

type View = 'race' | 'softmax';

/** The page: controls on the left, the race in the middle, the live views on the right. */
export function App() {
  useKeyboard();
  const t = useT();
  const landscape = useRace((s) => s.landscape);
  const formula = useRace((s) => s.landscape.formula);
  const layout = useRace((s) => s.layout);
  // While a clip renders, everything but the export dialog is locked (the exporter owns the race).
  const exporting = useRace((s) => s.exporting);
  const presenting = useRace((s) => s.presenting);
  const controlsShown = usePresenterControls(presenting);
  const [webGl, setWebGl] = useState(webGl2Available);
  const [view, setView] = useState<View>(() =>
    new URLSearchParams(window.location.search).get('view') === 'softmax' ? 'softmax' : 'race',
  );
  return (
    <main
      className={`app view-${view} layout-${layout}${presenting ? ' presenting' : ''}${controlsShown ? ' controls-shown' : ''}`}
    >
      <header className="top-bar">
        <h1 className="app-title">{t.app.title}</h1>
        <div className="segmented" role="group" aria-label={t.a11y.viewSwitch} inert={exporting}>
          <button
            data-testid="view-race"
            aria-pressed={view === 'race'}
            onClick={() => setView('race')}
          >
            {t.layout.race}
          </button>
          <button
            data-testid="view-softmax"
            aria-pressed={view === 'softmax'}
            onClick={() => setView('softmax')}
          >
            {t.layout.softmax}
          </button>
        </div>
        <div className="top-bar-part" inert={exporting}>
          <PlaybackControls />
          <ViewControls />
        </div>
        <div className="top-bar-end">
          {webGl ? (
            <ExportButton />
          ) : (
            <button type="button" data-testid="export" disabled title={t.app.exportNeedsWebGl}>
              {t.record.exportButton}
            </button>
          )}
          <div className="top-bar-part" inert={exporting}>
            <PresenterButton />
            <CopyLink />
            <ResetDefaults />
            <LanguageToggle />
          </div>
        </div>
      </header>
      <aside className="left-panel" aria-label={t.a11y.settingsPanel} inert={exporting}>
        <ScenesPanel />
        <LandscapePanel />
        <RunnersPanel />
      </aside>
      <section className="stage">
        <div className="scene">
          <RaceView webGl={webGl} onNoWebGl={() => setWebGl(false)} />
        </div>
        <PaneTitles />
        <p className="formula" title={formula}>
          <b>{landscapeName(t, landscape)}</b>{' '}
          {landscape.net ? (
            <>
              L(θ₀ + a·d₁ + b·d₂) <small>({t.net.formulaNote(landscape.net.data.n)})</small>
            </>
          ) : landscape.data ? (
            <>
              L(w, b) = {formula}{' '}
              <small>
                ({landscape.data.standardized ? t.data.standardized : t.data.rawUnits}, n ={' '}
                {landscape.data.n})
              </small>
            </>
          ) : (
            <>f(x, y) = {formula}</>
          )}
        </p>
        <SceneCaption />
        <NetStatus />
        <Notices />
        <Legend />
        <PresenterStage />
      </section>
      <aside className="right-panel" aria-label={t.a11y.liveViewsPanel} inert={exporting}>
        <StartFields />
        <TopView />
        <DataPanel />
        <NetDataPanel />
        <LossChart />
        <AccuracyChart />
        <SwarmPanel />
        <FormulaPanel />
      </aside>
      {exporting && (
        <p className="panels-locked" role="status" data-testid="panels-locked">
          {t.app.panelsLocked}
        </p>
      )}
      {view === 'softmax' && (
        <section className="softmax-stage" inert={exporting}>
          <SoftmaxView />
        </section>
      )}
    </main>
  );
}
