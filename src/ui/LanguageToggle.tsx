import { LANGUAGES } from '../i18n';
import { raceStore, useRace } from '../store/app-store';
import { useT } from './use-t';

/** EN / RU. The choice is remembered (see app-store). */
export function LanguageToggle() {
  const language = useRace((s) => s.language);
  const t = useT();
  return (
    <div className="segmented" role="group" aria-label={t.app.language}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          data-testid={`lang-${l}`}
          aria-pressed={language === l}
          onClick={() => raceStore.getState().setLanguage(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
