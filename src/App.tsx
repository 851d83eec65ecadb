import { useState } from 'react';
import { RaceCanvas } from './scene/RaceCanvas';
import { useRace } from './store/app-store';
import { CopyLink } from './ui/CopyLink';
import { ExportButton } from './ui/export/ExportButton';
import { FormulaPanel } from './ui/formulas/FormulaPanel';
import { LandscapePanel } from './ui/landscape/LandscapePanel';
import { LanguageToggle } from './ui/LanguageToggle';
import { Legend } from './ui/Legend';
import { LossChart } from './ui/LossChart';
import { Notices } from './ui/Notices';
import { PaneTitles } from './ui/PaneTitles';
import { PlaybackControls } from './ui/PlaybackControls';
import { RunnersPanel } from './ui/runners/RunnersPanel';
import { SceneCaption } from './ui/SceneCaption';
import { ScenesPanel } from './ui/ScenesPanel';
import { SoftmaxView } from './ui/softmax/SoftmaxView';
import { StartFields } from './ui/StartFields';
import { TopView } from './ui/TopView';
import { useKeyboard } from './ui/use-keyboard';
import { landscapeName, useT } from './ui/use-t';
import { ViewControls } from './ui/ViewControls';

type View = 'race' | 'softmax';

/** The page: controls on the left, the race in the middle, the live views on the right. */
export function App() {
  useKeyboard();
  const t = useT();
  const landscape = useRace((s) => s.landscape);
  const formula = useRace((s) => s.landscape.formula);
  const layout = useRace((s) => s.layout);
  const [view, setView] = useState<View>(() =>
    new URLSearchParams(window.location.search).get('view') === 'softmax' ? 'softmax' : 'race',
  );
  return (
    <main className={`app view-${view} layout-${layout}`}>
      <header className="top-bar">
        <h1 className="app-title">{t.app.title}</h1>
        <div className="segmented" role="tablist">
          <button
            role="tab"
            data-testid="view-race"
            aria-selected={view === 'race'}
            aria-pressed={view === 'race'}
            onClick={() => setView('race')}
          >
            {t.layout.race}
          </button>
          <button
            role="tab"
            data-testid="view-softmax"
            aria-selected={view === 'softmax'}
            aria-pressed={view === 'softmax'}
            onClick={() => setView('softmax')}
          >
            {t.layout.softmax}
          </button>
        </div>
        <PlaybackControls />
        <ViewControls />
        <div className="top-bar-end">
          <ExportButton />
          <CopyLink />
          <LanguageToggle />
        </div>
      </header>
      <aside className="left-panel">
        <ScenesPanel />
        <LandscapePanel />
        <RunnersPanel />
      </aside>
      <section className="stage">
        <div className="scene">
          <RaceCanvas />
        </div>
        <PaneTitles />
        <p className="formula" title={formula}>
          <b>{landscapeName(t, landscape)}</b> f(x, y) = {formula}
        </p>
        <SceneCaption />
        <Notices />
        <Legend />
      </section>
      <aside className="right-panel">
        <StartFields />
        <TopView />
        <LossChart />
        <FormulaPanel />
      </aside>
      {view === 'softmax' && (
        <section className="softmax-stage">
          <SoftmaxView />
        </section>
      )}
    </main>
  );
}
