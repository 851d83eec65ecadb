import * as a11y from './a11y';
import * as app from './app';
import * as chart from './chart';
import * as data from './data';
import * as swarm from './swarm';
import * as formulas from './formulas';
import * as functionErrors from './function-errors';
import * as landscapePanel from './landscape-panel';
import * as layout from './layout';
import * as net from './net';
import * as netPanels from './net-panels';
import * as notices from './notices';
import * as record from './record';
import * as runners from './runners';
import * as session from './session';
import * as share from './share';
import * as softmax from './softmax';
import * as surface from './surface';
import type { Language } from './types';

export * from './types';
export type { Notice, FinishedRunner } from './notices';
export { describeFunctionError } from './function-errors';

/**
 * Every string of the app in English and Russian, one namespace per part of the app. Each part's
 * Russian dictionary is typed as its English one, so the compiler checks that every key exists in
 * both languages with the same arguments.
 */
export const messages = {
  en: {
    app: app.en,
    notices: notices.en,
    runners: runners.en,
    landscapePanel: landscapePanel.en,
    functionErrors: functionErrors.en,
    chart: chart.en,
    formulas: formulas.en,
    softmax: softmax.en,
    share: share.en,
    layout: layout.en,
    record: record.en,
    surface: surface.en,
    data: data.en,
    swarm: swarm.en,
    session: session.en,
    a11y: a11y.en,
    net: net.en,
    netPanels: netPanels.en,
  },
  ru: {
    app: app.ru,
    notices: notices.ru,
    runners: runners.ru,
    landscapePanel: landscapePanel.ru,
    functionErrors: functionErrors.ru,
    chart: chart.ru,
    formulas: formulas.ru,
    softmax: softmax.ru,
    share: share.ru,
    layout: layout.ru,
    record: record.ru,
    surface: surface.ru,
    data: data.ru,
    swarm: swarm.ru,
    session: session.ru,
    a11y: a11y.ru,
    net: net.ru,
    netPanels: netPanels.ru,
  },
} satisfies Record<Language, unknown>;

export type Messages = (typeof messages)['en'];

/** The dictionary of a language. */
export function dictionary(language: Language): Messages {
  return messages[language];
}
