import { RaceCanvas } from './scene/RaceCanvas';
import { useRace } from './store/app-store';
import { LandscapeControls } from './ui/LandscapeControls';
import { Legend } from './ui/Legend';
import { Notices } from './ui/Notices';
import { PlaybackControls } from './ui/PlaybackControls';
import { StartFields } from './ui/StartFields';
import { TopView } from './ui/TopView';
import { useKeyboard } from './ui/use-keyboard';

/** The page: the 3D race filling the window, with the controls, legend and top view over it. */
export function App() {
  useKeyboard();
  const name = useRace((s) => s.landscape.name);
  const formula = useRace((s) => s.landscape.formula);
  return (
    <main className="app">
      <div className="scene">
        <RaceCanvas />
      </div>
      <header className="bar">
        <h1 className="app-title">Optimizer Race</h1>
        <PlaybackControls />
        <LandscapeControls />
      </header>
      <p className="formula" title={formula}>
        <b>{name}</b> f(x, y) = {formula}
      </p>
      <Notices />
      <Legend />
      <aside className="side">
        <StartFields />
        <TopView />
      </aside>
    </main>
  );
}
