import {
  dataLandscape,
  getPresetLandscape,
  getScene,
  inDomain,
  isDatasetId,
  isNetId,
  loadPenguinClasses,
  parseNumber,
  suggestedLearningRate,
  type Landscape,
} from '../core';
import { isLanguage, type Language, type Notice } from '../i18n';
import { createRaceStore, defaultPanes, type RaceSetup, type RaceStore } from './race-store';
import type { SurfaceJobs } from './surface-jobs';
import {
  decodeState,
  DEFAULT_LANDSCAPE_ID,
  type SharedSetup,
  type ViewSettings,
} from './share-link';

/** What the page's query string asks for; anything unreadable is reported in `notices`. */
export interface InitialParams {
  /** Everything `createRaceStore` needs (the language is left to the caller when the URL has none). */
  setup: RaceSetup;
  /** View settings to apply once the store exists. */
  view: Partial<ViewSettings>;
  /** The runner to select once the store exists (its id), if the link named one. */
  selectedRunner: number | null;
  /** From `?lang=` or the shared link; null when the URL does not say. */
  language: Language | null;
  landscape: Landscape;
  /** The start the URL asks for, or null for the landscape's own. */
  start: [number, number] | null;
  paused: boolean;
  notices: Notice[];
}

/** The query parameters a shared link (`?s=`) stands for; the URL writer drops them. */
export const SHARED_PARAMS = [
  's',
  'landscape',
  'start',
  'scene',
  'layout',
  'lang',
  'speed',
  'data',
  'raw',
  'batch',
  'swarm',
  'basins',
] as const;

/**
 * View parameters a link (`?s=`) also carries, which the URL writer drops too, but which alone do
 * not make the page a link: `?palette=colorblind` opens the usual race in that palette.
 */
export const LINKED_VIEW_PARAMS = ['palette'] as const;

/**
 * True when the query string sets up a race of its own (`?s=` or any plain race parameter): a
 * link, which alone decides what opens. `?paused=`, `?present=` and `?view=` only say how.
 */
export function opensLink(search: string): boolean {
  const params = new URLSearchParams(search);
  return SHARED_PARAMS.some((name) => params.has(name));
}

/** A scene's settings as a setup (scenes name runners by position; the store by position + 1). */
function sceneSetup(id: string): SharedSetup | null {
  const scene = getScene(id);
  if (!scene) return null;
  const runners = scene.runners.map((r) => ({ ...r, visible: true }));
  const ids = runners.map((_, i) => ({ id: i + 1 }));
  const settings: SharedSetup = {
    runners,
    shake: { ...scene.shake },
    batch: scene.batch ?? null,
    layout: scene.layout ?? 'overlay',
    panes: scene.panes?.map((p) => p.map((i) => i + 1)) ?? defaultPanes(ids),
    scene: id,
  };
  // A network's scene opens it (trained in the background) at its initial weights.
  if (isNetId(scene.landscape)) return { ...settings, net: scene.landscape };
  const landscape =
    scene.raw && isDatasetId(scene.landscape)
      ? dataLandscape(scene.landscape, false)
      : getPresetLandscape(scene.landscape);
  if (!landscape) return null;
  return {
    ...settings,
    landscape,
    start: scene.start,
    ...(scene.basins !== undefined ? { view: { basins: scene.basins } } : {}),
  };
}

/**
 * Reads the query string: `?s=<version>.<payload>` (the whole race, see share-link) and the plain
 * parameters, which win for their field when present: `?landscape=<id>`, `?start=<x>,<y>`,
 * `?paused=1`, `?scene=<id>` (applies a scene), `?layout=overlay|split`, `?lang=en|ru`,
 * `?speed=<steps per second>` (clamped to the speed menu's range), `?data=<dataset id>` (a model
 * trained on real data) with `?raw=1` (its data in raw units) and `?batch=<B>` (the default batch
 * size, 1 … n), `?swarm=<n>` (a swarm of n balls per runner, 1 … 10,000) and `?basins=<k>`
 * (basin maps of k × k cells, 8 … 256), `?present=1` (presenter mode), `?palette=lecture|colorblind`
 * (the runner colours; alone it does not make the page a link). The query
 * string is untrusted input: whatever cannot be read falls back to its default with a notice;
 * nothing throws.
 */
export function readInitialParams(search: string, fallback = DEFAULT_LANDSCAPE_ID): InitialParams {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const fallbackLandscape = getPresetLandscape(fallback)!;

  const shared = params.get('s');
  const decoded = shared === null ? null : decodeState(shared, fallbackLandscape);
  let setup: SharedSetup = decoded?.setup ?? {};
  notices.push(...(decoded?.notices ?? []));

  const sceneId = params.get('scene');
  if (sceneId !== null) {
    const fromScene = sceneSetup(sceneId);
    // The scene's runners replace the link's, so a selection by position no longer applies.
    if (fromScene) setup = { ...setup, ...fromScene, selectedRunner: undefined };
    else notices.push({ key: 'unknownScene', args: { id: sceneId.slice(0, 40) } });
  }

  const id = params.get('landscape');
  const netId = params.get('net') ?? (isNetId(id) ? id : null);
  if (netId !== null) {
    if (isNetId(netId))
      setup = { ...setup, net: netId, scene: setup.net === netId ? setup.scene : null };
    else
      notices.push({
        key: 'unknownLandscape',
        args: { id: netId.slice(0, 40), fallback: (setup.landscape ?? fallbackLandscape).name },
      });
  }
  if (id !== null && !isNetId(id)) {
    const found = getPresetLandscape(id);
    if (found) {
      // A landscape named in plain text wins over a network from the link or a scene.
      if (found !== setup.landscape || setup.net)
        setup = { ...setup, landscape: found, scene: null, net: undefined };
    } else
      notices.push({
        key: 'unknownLandscape',
        args: { id: id.slice(0, 40), fallback: (setup.landscape ?? fallbackLandscape).name },
      });
  }
  const dataId = params.get('data');
  if (dataId !== null) {
    if (isDatasetId(dataId)) {
      const found = dataLandscape(dataId);
      if (found !== setup.landscape || setup.net)
        setup = { ...setup, landscape: found, scene: null, net: undefined };
    } else
      notices.push({
        key: 'unknownLandscape',
        args: { id: dataId.slice(0, 40), fallback: (setup.landscape ?? fallbackLandscape).name },
      });
  }
  const rawText = params.get('raw');
  if (rawText !== null && rawText !== '0' && rawText !== 'false') {
    const data = setup.landscape?.data;
    if (data && data.standardized) {
      // As the raw switch does: the raw landscape's start and learning rates suited to it (a
      // scene's or link's rates for standardized data would fly off the ravine at once).
      const raw = dataLandscape(data.id, false);
      setup = {
        ...setup,
        landscape: raw,
        scene: null,
        start: undefined,
        ...(setup.runners
          ? {
              runners: setup.runners.map((r) => ({
                ...r,
                optimizer: { ...r.optimizer, lr: suggestedLearningRate(raw, r.optimizer.kind) },
              })),
            }
          : {}),
      };
    } else if (!data) notices.push({ key: 'linkPart', args: { part: 'data' } });
  }
  const batchText = params.get('batch');
  if (batchText !== null) {
    const b = parseNumber(batchText);
    const n = setup.net ? loadPenguinClasses().n : setup.landscape?.data?.n;
    if (n !== undefined && b !== null && Number.isInteger(b) && b >= 1 && b <= n)
      setup = { ...setup, batch: b === n ? null : b, scene: null };
    else notices.push({ key: 'linkPart', args: { part: 'data' } });
  }
  const landscape = setup.landscape ?? fallbackLandscape;
  // A start from the link that does not fit a landscape named in plain text is dropped.
  if (setup.start && !inDomain(landscape.domain, setup.start[0], setup.start[1])) {
    const [x, y] = setup.start;
    notices.push({ key: 'startOutside', args: { x, y, landscape: landscape.name } });
    setup = { ...setup, start: undefined };
  }

  const startText = params.get('start');
  if (startText !== null) {
    const parts = startText.split(',').map(parseNumber);
    const d = landscape.domain;
    const [x, y] = parts;
    if (parts.length !== 2 || x == null || y == null) {
      notices.push({ key: 'badStart', args: { text: startText.slice(0, 40) } });
    } else if (x < d.xMin || x > d.xMax || y < d.yMin || y > d.yMax) {
      notices.push({ key: 'startOutside', args: { x, y, landscape: landscape.name } });
    } else {
      setup = { ...setup, start: [x, y] };
    }
  }

  const layout = params.get('layout');
  if (layout === 'overlay' || layout === 'split') setup = { ...setup, layout };
  else if (layout !== null) notices.push({ key: 'linkPart', args: { part: 'layout' } });

  const lang = params.get('lang');
  if (isLanguage(lang)) setup = { ...setup, language: lang };
  else if (lang !== null) notices.push({ key: 'linkPart', args: { part: 'language' } });

  const speedText = params.get('speed');
  if (speedText !== null) {
    const sps = parseNumber(speedText);
    if (sps !== null && sps > 0) setup = { ...setup, view: { ...setup.view, speed: sps } };
    else notices.push({ key: 'linkPart', args: { part: 'view' } });
  }

  // Many starts at once: ?swarm=<balls per runner>, ?basins=<cells per side> (clamped).
  const swarmText = params.get('swarm');
  if (swarmText !== null) {
    const n = parseNumber(swarmText);
    if (n !== null && n >= 1) setup = { ...setup, view: { ...setup.view, swarm: n } };
    else notices.push({ key: 'linkPart', args: { part: 'view' } });
  }
  const basinsText = params.get('basins');
  if (basinsText !== null) {
    const k = parseNumber(basinsText);
    if (k !== null && k >= 1) setup = { ...setup, view: { ...setup.view, basins: k } };
    else notices.push({ key: 'linkPart', args: { part: 'view' } });
  }

  const palette = params.get('palette');
  if (palette === 'lecture' || palette === 'colorblind')
    setup = { ...setup, view: { ...setup.view, palette } };
  else if (palette !== null) notices.push({ key: 'linkPart', args: { part: 'view' } });

  const presentText = params.get('present');
  if (presentText !== null && presentText !== '0' && presentText !== 'false')
    setup = { ...setup, view: { ...setup.view, present: true } };

  const pausedText = params.get('paused');
  const paused = pausedText !== null && pausedText !== '0' && pausedText !== 'false';
  // A network opens at the origin of the plane it fits: a start in a link does not apply.
  if (setup.net) setup = { ...setup, start: undefined };
  const { view, selectedRunner, language, ...race } = setup;
  return {
    setup: { ...race, landscape, playing: !paused, notices },
    view: view ?? {},
    selectedRunner: selectedRunner ?? null,
    language: language ?? null,
    landscape,
    start: setup.start ?? null,
    paused,
    notices,
  };
}

/**
 * The store a page opens with: the setup through the store's own constructor, then the view
 * settings and the selection through its actions (which clamp them).
 */
export function createStoreFromParams(
  initial: InitialParams,
  language: Language,
  jobs?: SurfaceJobs,
  background?: Parameters<typeof createRaceStore>[2],
): RaceStore {
  const store = createRaceStore(
    { ...initial.setup, language: initial.language ?? language },
    jobs,
    background,
  );
  const s = store.getState();
  const {
    speed,
    verticalScale,
    wireframe,
    showTopView,
    batchSurface,
    swarm,
    basins,
    present,
    palette,
  } = initial.view;
  // Runners from a link or a session wear the palette that opens (the lecture's unless asked).
  s.setPalette(palette ?? 'lecture');
  if (speed !== undefined) s.setSpeed(speed);
  if (verticalScale !== undefined) s.setVerticalScale(verticalScale);
  if (wireframe !== undefined) s.setWireframe(wireframe);
  if (showTopView !== undefined) s.setShowTopView(showTopView);
  if (batchSurface !== undefined) s.setBatchSurface(batchSurface);
  if (present) s.setPresenting(true);
  if (swarm !== undefined) {
    s.setSwarmSize(swarm);
    s.setSwarm(true);
  }
  if (basins !== undefined) {
    s.setBasinsK(basins);
    s.setBasins(true);
  }
  if (initial.selectedRunner !== null) s.selectRunner(initial.selectedRunner);
  return store;
}
