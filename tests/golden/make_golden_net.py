#!/usr/bin/python3
"""Generate tests/golden/net.json: the penguin classifier of issue 12 trained by PyTorch (float64).

    /usr/bin/python3 tests/golden/make_golden_net.py

The data. penguins.json of the vega-datasets npm package, read here independently of the
TypeScript: every row with all four measurements (bill length, bill depth, flipper length, body
mass; "Beak" in the file), in file order (342 rows), each column standardized as (v - mean) / std
with the full data's mean and population std (summed left to right, as the TypeScript does); the
class is Adelie 0, Chinstrap 1, Gentoo 2.

The model. nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3)) with CrossEntropyLoss()
(mean), its 67 parameters flattened in model.parameters() order: W1 (8x4 row-major), b1, W2 (3x8),
b2. Training steps one flat float64 tensor p with the optimizers of make_golden.py (foreach=False;
the lecture's EMA momentum and uncorrected Adam by hand) and the schedulers of
make_golden_data.py; the network reads p through views (checked against the nn.Sequential
loaded with vector_to_parameters). Each step is zero_grad, loss.backward(), opt.step(), then
scheduler.step().

What comes from our TypeScript (run with tsx): the initial weights, initialWeights(seed) — our
seeded generator, uniform in +-1/sqrt(fan_in) as nn.Linear — and, for minibatch cases, the rows of
every step from our sampler (createSampler(n, batch, seed)); torch replays exactly those rows.
The JSON stores the init and a SHA-256 of the rows (JSON without spaces), and the TS test checks
that our code still gives both.

Written: `data` (x, y, means and stds), `gradients` (the loss and autograd gradient at random
points, on every row and on a minibatch), `runs` (per case: loss and correct count on the full
data at each of steps+1 iterates, the weights after step 1 and after the last step), `plane` (the
two leading right singular vectors of the stacked iterates-minus-init of three runners, by
numpy's SVD, and their shares of the squared motion). Every case also records `amplification`:
how much a 1e-9 change of the initial weights grows by the end (max over steps of the change in
the weights / 1e-9); the script refuses to write if it exceeds 1e5 (the comparison at 1e-9 would
then be at the mercy of rounding).
"""

import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_golden as mg  # noqa: E402  (the optimizers and their configs)
import make_golden_data as mgd  # noqa: E402  (the schedulers)

torch.set_default_dtype(torch.float64)

ROOT = os.path.dirname(os.path.dirname(HERE))
PENGUINS = os.path.join(ROOT, 'node_modules', 'vega-datasets', 'data', 'penguins.json')
OUT = os.path.join(HERE, 'net.json')
STEPS = 200
FEATURES = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)']
CLASSES = ['Adelie', 'Chinstrap', 'Gentoo']
SIZE = 67

# --------------------------------------------------------------------------- data


def load_data():
    with open(PENGUINS) as fh:
        rows = json.load(fh)
    cols = [[] for _ in FEATURES]
    ys = []
    for r in rows:
        values = [r[f] for f in FEATURES]
        if any(v is None for v in values) or r['Species'] not in CLASSES:
            continue
        for j, v in enumerate(values):
            cols[j].append(float(v))
        ys.append(CLASSES.index(r['Species']))
    stats = [mgd.mean_std(c) for c in cols]
    x = [[(cols[j][i] - stats[j][0]) / stats[j][1] for j in range(len(FEATURES))] for i in range(len(ys))]
    return {'n': len(ys), 'x': x, 'y': ys, 'mean': [s[0] for s in stats], 'std': [s[1] for s in stats]}


DATA = load_data()
X = torch.tensor(DATA['x'])
Y = torch.tensor(DATA['y'], dtype=torch.long)
CRITERION = torch.nn.CrossEntropyLoss()

# --------------------------------------------------------------------------- model


def logits_of(p, x):
    W1, b1 = p[0:32].view(8, 4), p[32:40]
    W2, b2 = p[40:64].view(3, 8), p[64:67]
    return torch.nn.functional.linear(torch.tanh(torch.nn.functional.linear(x, W1, b1)), W2, b2)


def check_layout(theta):
    """The flat layout is nn.Sequential's model.parameters() order."""
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3)).double()
    assert sum(q.numel() for q in model.parameters()) == SIZE
    torch.nn.utils.vector_to_parameters(torch.tensor(theta), model.parameters())
    with torch.no_grad():
        a = CRITERION(model(X), Y).item()
        b = CRITERION(logits_of(torch.tensor(theta), X), Y).item()
    assert a == b, (a, b)


def full_eval(p):
    with torch.no_grad():
        z = logits_of(p, X)
        return CRITERION(z, Y).item(), int((z.argmax(dim=1) == Y).sum().item())


# --------------------------------------------------------------------------- ours (TypeScript)

OURS_TS = """
import { createSampler, initialWeights, loadPenguinClasses, nextBatch } from '%s';
const request = JSON.parse(process.argv[2]!) as { seeds: number[]; samplers: [number, number, number][] };
const n = loadPenguinClasses().n;
const init = Object.fromEntries(request.seeds.map((s) => [s, Array.from(initialWeights(s))]));
const batches = request.samplers.map(([batch, seed, steps]) => {
  const sampler = createSampler(n, batch, seed);
  return Array.from({ length: steps }, () => Array.from(nextBatch(sampler)));
});
console.log(JSON.stringify({ n, init, batches }));
""" % os.path.join(ROOT, 'src', 'core', 'index.ts')


def ours(seeds, samplers):
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, 'ours.ts')
        with open(script, 'w') as fh:
            fh.write(OURS_TS)
        argv = ['npx', 'tsx', script, json.dumps({'seeds': seeds, 'samplers': samplers})]
        out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f'tsx failed: {out.stderr.strip()}')
    return json.loads(out.stdout)


def digest(batches):
    return hashlib.sha256(json.dumps(batches, separators=(',', ':')).encode()).hexdigest()


# --------------------------------------------------------------------------- cases


def R(kind, lr, schedule=None, batch=None, seed=1, **kw):
    return {
        'seed': seed,
        'steps': STEPS,
        'batch': batch,
        'optimizer': mg.full_config(kind, float(lr), **kw),
        'schedule': schedule or mgd.S('constant'),
    }


S = mgd.S
CASES = [
    R('sgd', 0.5),
    R('momentum', 0.1, ema=False),
    R('momentum', 0.1, ema=False, dampening=0.5, seed=2),
    R('momentum', 0.5, ema=True, bias_correction=True),
    R('nesterov', 0.05),
    R('rmsprop', 0.005),
    R('rmsprop', 0.002, momentum=0.5, centered=True, seed=3),
    R('adam', 0.02),
    R('adam', 0.01, bias_correction=False, weight_decay=0.01, seed=4),
    R('adamw', 0.02, weight_decay=0.1),
    R('adagrad', 0.1),
    R('adam', 0.05, schedule=S('cosine', t_max=100, eta_min=0.001)),
    R('momentum', 0.1, ema=False, schedule=S('step', step_size=50, gamma=0.5), seed=5),
    R('sgd', 0.2, batch=32, seed=6),
    R('adam', 0.01, batch=50, seed=7, schedule=S('warmup', start_factor=0.1, total_iters=40)),
    R('rmsprop', 0.003, batch=1, seed=8),
]
PLANE_SEED = 1
PLANE_RUNNERS = [R('momentum', 0.1, ema=False), R('rmsprop', 0.005), R('adam', 0.02)]


def run(case, init, batches):
    p = torch.tensor(init, requires_grad=True)
    opt = mg.make_optimizer(p, case['optimizer'])
    sched = mgd.make_scheduler(opt, case['schedule'])
    iterates, losses, correct = [], [], []
    for k in range(case['steps']):
        iterates.append(p.detach().clone().tolist())
        loss, right = full_eval(p)
        losses.append(loss)
        correct.append(right)
        if batches is None:
            bx, by = X, Y
        else:
            idx = torch.tensor(batches[k], dtype=torch.long)
            bx, by = X[idx], Y[idx]
        opt.zero_grad()
        CRITERION(logits_of(p, bx), by).backward()
        opt.step()
        if sched:
            sched.step()
    iterates.append(p.detach().clone().tolist())
    loss, right = full_eval(p)
    losses.append(loss)
    correct.append(right)
    return iterates, losses, correct


def amplification(case, init, batches, iterates):
    """Max over steps of the change in the weights after a 1e-9 change of the initial weights."""
    g = torch.Generator().manual_seed(12)
    direction = torch.randn(SIZE, generator=g, dtype=torch.float64)
    d = 1e-9
    moved = (torch.tensor(init) + d * direction / direction.abs().max()).tolist()
    again, _, _ = run(case, moved, batches)
    return max(max(abs(a - b) for a, b in zip(p, q)) for p, q in zip(iterates, again)) / d


def describe(case):
    parts = [mg.describe(case['optimizer'])]
    s = case['schedule']
    if s['kind'] != 'constant':
        parts.append('schedule ' + ' '.join([s['kind']] + [f'{k}={v:g}' for k, v in s.items() if k != 'kind']))
    parts.append('full batch' if case['batch'] is None else f"batch {case['batch']}")
    parts.append(f"seed {case['seed']}")
    return ', '.join(parts)


def gradient_cases(init):
    """Loss and autograd gradient at random points (every row, then one minibatch of rows)."""
    g = torch.Generator().manual_seed(2026)
    out = []
    for scale, rows in ((0.0, None), (0.5, None), (2.0, None), (5.0, None), (1.0, 'batch')):
        theta = torch.tensor(init) + scale * torch.randn(SIZE, generator=g, dtype=torch.float64)
        idx = None
        if rows == 'batch':
            idx = torch.randperm(DATA['n'], generator=g)[:20].tolist()
        p = theta.clone().requires_grad_(True)
        bx, by = (X, Y) if idx is None else (X[idx], Y[idx])
        loss = CRITERION(logits_of(p, bx), by)
        loss.backward()
        out.append({'theta': theta.tolist(), 'rows': idx, 'loss': loss.item(), 'grad': p.grad.tolist()})
    return out


def orient(d, init, finals):
    """The TS sign rule: along the summed final displacement, else the largest entry positive."""
    s = sum(float(np.dot(np.array(f) - init, d)) for f in finals)
    scale = sum(float(np.abs(np.array(f) - init).sum()) for f in finals)
    if abs(s) <= 1e-9 * scale:
        s = d[int(np.argmax(np.abs(d)))]
    return -d if s < 0 else d


def plane_case(init):
    trajectories = [run(c, init, None)[0] for c in PLANE_RUNNERS]
    origin = np.array(init)
    m = np.concatenate([np.array(t) - origin for t in trajectories])
    _, sv, vt = np.linalg.svd(m, full_matrices=False)
    finals = [t[-1] for t in trajectories]
    total = float((m * m).sum())
    return {
        'seed': PLANE_SEED,
        'steps': STEPS,
        'runners': [{k: c[k] for k in ('optimizer', 'schedule', 'batch')} for c in PLANE_RUNNERS],
        'd1': orient(vt[0], origin, finals).tolist(),
        'd2': orient(vt[1], origin, finals).tolist(),
        'explained': [float(sv[0] ** 2 / total), float(sv[1] ** 2 / total)],
        'singular_gap': float((sv[1] - sv[2]) / sv[0]),
    }


def dump(doc, path):
    d = lambda v: json.dumps(v, allow_nan=False)
    blocks = []
    for name, value in doc.items():
        if isinstance(value, list):
            items = ['  {\n' + ',\n'.join(f'   {d(k)}: {d(v)}' for k, v in c.items()) + '\n  }' for c in value]
            blocks.append(f' {d(name)}: [\n' + ',\n'.join(items) + '\n ]')
        elif name == 'data':
            blocks.append(f' {d(name)}: {{\n' + ',\n'.join(f'  {d(k)}: {d(v)}' for k, v in value.items()) + '\n }')
        else:
            blocks.append(f' {d(name)}: {d(value)}')
    with open(path, 'w') as fh:
        fh.write('{\n' + ',\n'.join(blocks) + '\n}\n')


def main():
    seeds = sorted({c['seed'] for c in CASES} | {PLANE_SEED})
    samplers = [[c['batch'], c['seed'], c['steps']] for c in CASES if c['batch'] is not None]
    got = ours(seeds, samplers)
    assert got['n'] == DATA['n'], (got['n'], DATA['n'])
    inits = {int(k): v for k, v in got['init'].items()}
    for theta in inits.values():
        assert len(theta) == SIZE
        assert all(abs(v) <= 0.5 for v in theta[:40]) and all(abs(v) <= 8 ** -0.5 for v in theta[40:])
    check_layout(inits[1])
    minibatches = iter(got['batches'])

    runs = []
    failed = False
    for case in CASES:
        init = inits[case['seed']]
        batches = None if case['batch'] is None else next(minibatches)
        iterates, losses, correct = run(case, init, batches)
        amp = amplification(case, init, batches, iterates)
        finite = all(math.isfinite(v) for v in losses + iterates[-1])
        ok = finite and amp <= 1e5
        failed |= not ok
        name = describe(case)
        print(f'{name}: loss {losses[0]:.5g} -> {losses[-1]:.5g}, accuracy {correct[-1]}/{DATA["n"]}, '
              f'amplification {amp:.3g}  {"ok" if ok else "PROBLEM"}')
        runs.append({
            'name': name, **case,
            'batches_sha256': None if batches is None else digest(batches),
            'loss': losses, 'correct': correct, 'first': iterates[1], 'final': iterates[-1],
            'amplification': amp,
        })
    plane = plane_case(inits[PLANE_SEED])
    print(f"plane: explained {plane['explained']}, gap {plane['singular_gap']:.3g}")
    if failed and '--force' not in sys.argv:
        sys.exit('some cases are non-finite or too sensitive to their start; not writing (--force to override)')
    doc = {
        'meta': {
            'torch': torch.__version__,
            'numpy': np.__version__,
            'dtype': 'float64',
            'generated_by': 'tests/golden/make_golden_net.py',
            'foreach': False,
            'notes': 'loss[k], correct[k]: full-data mean cross-entropy and rows classified right at '
            'iterate k (k = 0 … steps); first: the weights after step 1; final: after the last '
            'step; batches_sha256: SHA-256 of the JSON (no spaces) of every step\'s rows (null: '
            'full batch, every row in file order).',
        },
        'data': {**DATA, 'features': FEATURES, 'classes': CLASSES},
        'init': [{'seed': s, 'theta': inits[s]} for s in seeds],
        'gradients': gradient_cases(inits[1]),
        'runs': runs,
        'plane': [plane],
    }
    dump(doc, OUT)
    print(f'wrote {len(runs)} runs to {os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)')


if __name__ == '__main__':
    main()
