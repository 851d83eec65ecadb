/**
 * Scripts that `bench/browser.bench.ts` injects into the page before the app loads. They are plain
 * JavaScript strings (not functions) so that nothing the TypeScript runner adds to functions, such
 * as esbuild's `__name` helper, ends up in the page.
 */

/**
 * The page-side helper both probes share: `window.__raceBench` whose `started` (set by the app's
 * FrameProbeStart, the first per-frame callback after the store's tick) leaves
 * `console.timeStamp('raceBench:ticked')` in a Chromium trace. Without tracing or DevTools a
 * timeStamp is a no-op.
 */
const MARKED_BENCH = `
  const markedBench = (frameJs) => {
    let started = 0;
    return Object.defineProperty({ frameJs }, 'started', {
      enumerable: true,
      get: () => started,
      set: (value) => {
        console.timeStamp('raceBench:ticked');
        started = value;
      },
    });
  };
`;

/**
 * Turns on the app's own probes (src/scene/FrameProbe.tsx): `window.__raceBench.frameJs` gets one
 * entry per animation frame. The array's `push` is wrapped to note, next to each entry, when it
 * came (`performance.now()`), whether the race was playing then (the play button's
 * aria-pressed), so that frames of a finished, paused race can be left out, and the step counter
 * (`data-step`, refreshed by the HUD up to 10 times a second, so it may lag a frame or two). The wrapper runs after
 * the app has computed the frame's figure, so it is not part of it. It also calls
 * `console.timeStamp('raceBench:frame')`, which marks the callback it runs in (react-three-fiber's
 * frame loop) in a Chromium trace, as `started` marks where the store's tick ended (see
 * bench/frame-script.ts).
 */
export const RACE_BENCH_PROBE = `
(() => {
${MARKED_BENCH}
  const frameJs = [];
  const playing = [];
  const at = [];
  const step = [];
  frameJs.push = function (...values) {
    const button = document.querySelector('[data-testid="play"]');
    const isPlaying = button !== null && button.getAttribute('aria-pressed') === 'true';
    const counter = document.querySelector('[data-testid="step-counter"]');
    const stepNow = counter === null ? NaN : Number(counter.getAttribute('data-step'));
    const now = performance.now();
    // Marks react-three-fiber's animation-frame callback in a Chromium trace (a TimeStamp event).
    console.timeStamp('raceBench:frame');
    for (let i = 0; i < values.length; i++) {
      playing.push(isPlaying);
      at.push(now);
      step.push(stepNow);
    }
    return Array.prototype.push.apply(this, values);
  };
  window.__raceBench = markedBench(frameJs);
  window.__raceBenchMeta = { playing, at, step };
})();
`;

/**
 * A minimal stand-in for the React DevTools global hook. React DOM 19 and the reconciler that
 * react-three-fiber 9 bundles both, when their module is evaluated, read
 * `__REACT_DEVTOOLS_GLOBAL_HOOK__`, skip it if `isDisabled` or not `supportsFiber`, else call
 * `inject(internals)` (internals carry `rendererPackageName`: 'react-dom' or '@react-three/fiber')
 * and keep the returned renderer id. After every commit they call
 * `onCommitFiberRoot(id, fiberRoot, priority, didError)`, and also `onPostCommitFiberRoot` and
 * `onCommitFiberUnmount` when present; React DOM's entry calls `checkDCE(fn)`.
 *
 * Besides counting commits per renderer, each commit's tree is walked to name the components that
 * actually rendered in it: a component fiber rendered in this commit when it is a different object
 * than at the previous commit of that root (React cloned it, i.e. it was visited) and it has the
 * PerformedWork flag (1), or it was just mounted. Names are minified in a production build, so each
 * entry also carries its position among the <Canvas> children (`top`), its first host descendant
 * and a few string literals from its source.
 */
export const DEVTOOLS_HOOK_SPY = `
(() => {
  const COMPOSITE = new Set([0, 1, 11, 14, 15]);
  const HOST = 5;
  const PERFORMED_WORK = 1;
  const LOG_LIMIT = 20000;
  const spy = {
    names: {},
    commits: {},
    log: [],
    dropped: 0,
  };
  const lastTree = new Map();

  const typeName = (type) => {
    if (type == null) return '?';
    if (typeof type === 'string') return type;
    if (typeof type === 'function') return type.displayName || type.name || 'anonymous';
    if (type.displayName) return type.displayName;
    if (type.render) return 'ForwardRef(' + typeName(type.render) + ')';
    if (type.type) return 'Memo(' + typeName(type.type) + ')';
    return '?';
  };
  const describeHost = (fiber) => {
    const p = fiber.memoizedProps || {};
    let s = String(fiber.type);
    if (typeof p.name === 'string' && p.name) s += '[name=' + p.name + ']';
    if (typeof p['data-testid'] === 'string') s += '[data-testid=' + p['data-testid'] + ']';
    if (typeof p.className === 'string' && p.className) s += '.' + p.className.split(/\\s+/)[0];
    return s;
  };
  const firstHost = (fiber) => {
    const queue = fiber.child ? [fiber.child] : [];
    for (let n = 0; queue.length > 0 && n < 200; n++) {
      let f = queue.shift();
      for (; f; f = f.sibling) {
        if (f.tag === HOST) return describeHost(f);
        if (f.child) queue.push(f.child);
      }
    }
    return '';
  };
  const literals = (type) => {
    const fn = typeof type === 'function' ? type : type && (type.render || type.type);
    if (typeof fn !== 'function') return [];
    const source = Function.prototype.toString.call(fn);
    const found = [];
    const re = /[\`'"]([A-Za-z][\\w.-]{2,30})[\`'"]/g;
    let m;
    while ((m = re.exec(source)) !== null && found.length < 4) {
      if (!found.includes(m[1])) found.push(m[1]);
    }
    return found;
  };

  const walk = (id, root) => {
    const prev = lastTree.get(root) || new Set();
    const now = new Set();
    const rendered = [];
    // One fiber and its subtree; children are visited in a loop, siblings by the caller.
    const visit = (f, top, path) => {
      now.add(f);
      let childPath = path;
      if (COMPOSITE.has(f.tag)) {
        const name = typeName(f.type);
        if (!prev.has(f) && (f.alternate === null || (f.flags & PERFORMED_WORK) !== 0)) {
          rendered.push({
            name,
            path: path.join(' > '),
            top,
            host: firstHost(f),
            strings: literals(f.type),
            mount: f.alternate === null,
          });
        }
        childPath = path.length < 6 ? path.concat(name) : path;
      }
      // The <Canvas> children's parent is the fiber whose children include <color>.
      let isSceneContainer = false;
      if (top < 0) {
        for (let c = f.child; c; c = c.sibling) {
          if (c.tag === HOST && c.type === 'color') isSceneContainer = true;
        }
      }
      let i = 0;
      for (let c = f.child; c; c = c.sibling, i++) {
        if (isSceneContainer) visit(c, i, []);
        else visit(c, top, childPath);
      }
    };
    visit(root.current, -1, []);
    lastTree.set(root, now);
    if (spy.log.length < LOG_LIMIT) spy.log.push({ id, t: performance.now(), rendered });
    else spy.dropped++;
  };

  const hook = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      spy.names[id] = String(renderer && renderer.rendererPackageName);
      spy.commits[id] = 0;
      return id;
    },
    onCommitFiberRoot(id, root) {
      spy.commits[id] = (spy.commits[id] || 0) + 1;
      try {
        walk(id, root);
      } catch (error) {
        spy.walkError = String(error && error.stack ? error.stack : error);
      }
    },
    onPostCommitFiberRoot() {},
    onCommitFiberUnmount() {},
    checkDCE() {},
    on() {},
    off() {},
    sub() {
      return () => {};
    },
    emit() {},
  };
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: hook,
    configurable: true,
    writable: false,
  });
  window.__commitSpy = spy;
})();
`;

/**
 * The lightest stand-in for {@link RACE_BENCH_PROBE}, for long runs: the app's frame probe finds
 * `window.__raceBench` and pushes one figure a frame, which here only counts frames (nothing grows
 * in the page's heap) and marks react-three-fiber's animation-frame callback in a trace.
 */
export const FRAME_COUNTER_PROBE = `
(() => {
${MARKED_BENCH}
  const frameJs = {
    length: 0,
    push() {
      console.timeStamp('raceBench:frame');
      return ++this.length;
    },
  };
  window.__raceBench = markedBench(frameJs);
})();
`;
