#!/usr/bin/python3
"""Generate tests/golden/data.json: races on the penguin datasets and learning-rate schedules
from PyTorch (float64). Run by make_golden.py (`npm run golden`) after trajectories.json, or alone:

    /usr/bin/python3 tests/golden/make_golden_data.py

The data. penguins.json of the vega-datasets npm package (node_modules/vega-datasets/data/) is
read here independently of the TypeScript: `penguins-mass` is body mass (g) from flipper length
(mm), every row with both (342 rows); `penguins-species` is Chinstrap (1) versus Adelie (0) from
bill length (mm), Gentoo rows and rows without a bill length dropped (219 rows). Standardized
columns are (v - mean) / std with the full data's mean and population std (the target too for
regression, never the 0/1 labels). The x and y used are written to the JSON, so the TS test
checks that loadDataset gives the same rows.

The model. One float64 parameter p = [w, b] (every optimizer here is elementwise, so this is the
same as two scalar parameters) and
    linear:   loss = MSELoss()(p[0]*x + p[1], y)              (mean)
    logistic: loss = BCEWithLogitsLoss()(p[0]*x + p[1], y)    (mean)
over the rows of the step's batch; each step is zero_grad, loss.backward(), opt.step(), then
scheduler.step() when the race has a schedule. Optimizers come from make_golden.py
(foreach=False; the lecture EMA momentum and uncorrected Adam by hand).

Full-batch races use every row in file order. Minibatch races replay the batches our sampler
draws: the script runs `npm run --silent trace -- … --emit-batches` for the case and feeds torch
exactly those row indices (the TS test asserts the sampler still draws them). Every case records
points[0..steps] (start included), loss[k] = full-data loss at points[k] and lr[k] = the learning
rate step k+1 used.

Schedules: the learning rate of a torch.optim.lr_scheduler (StepLR, ExponentialLR,
CosineAnnealingLR, LinearLR with end_factor 1) over 300 steps, read from param_groups before
every optimizer step.
"""

import json
import math
import os
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_golden as mg  # noqa: E402  (the optimizers and their configs)

torch.set_default_dtype(torch.float64)

ROOT = os.path.dirname(os.path.dirname(HERE))
PENGUINS = os.path.join(ROOT, 'node_modules', 'vega-datasets', 'data', 'penguins.json')
OUT = os.path.join(HERE, 'data.json')
STEPS = 60
MINIBATCH_STEPS = 80
SCHEDULE_STEPS = 300

# --------------------------------------------------------------------------- data


def mean_std(v):
    """Mean and population std, summed left to right as datasets.ts does."""
    s = 0.0
    for a in v:
        s += a
    mean = s / len(v)
    q = 0.0
    for a in v:
        q += (a - mean) * (a - mean)
    return mean, math.sqrt(q / len(v))


def load_dataset(did, standardized):
    with open(PENGUINS) as fh:
        rows = json.load(fh)
    xs, ys = [], []
    if did == 'penguins-mass':
        for r in rows:
            f, m = r['Flipper Length (mm)'], r['Body Mass (g)']
            if f is None or m is None:
                continue
            xs.append(float(f))
            ys.append(float(m))
    else:
        for r in rows:
            b = r['Beak Length (mm)']
            if b is None or r['Species'] not in ('Adelie', 'Chinstrap'):
                continue
            xs.append(float(b))
            ys.append(1.0 if r['Species'] == 'Chinstrap' else 0.0)
    if standardized:
        mx, sx = mean_std(xs)
        xs = [(v - mx) / sx for v in xs]
        if did == 'penguins-mass':
            my, sy = mean_std(ys)
            ys = [(v - my) / sy for v in ys]
    return {'id': did, 'standardized': standardized, 'n': len(xs), 'x': xs, 'y': ys}


DATASETS = {
    (did, std): load_dataset(did, std)
    for did in ('penguins-mass', 'penguins-species')
    for std in (True, False)
}

# The landscape's domain over (w, b) (src/core/data/landscape.ts); a race counts a runner that
# leaves the domain widened by its own size on every side as diverged, so every case stays inside.
DOMAINS = {
    ('penguins-mass', True): ((-1.5, 3), (-2.25, 2.25)),
    ('penguins-mass', False): ((-20, 120), (-20000, 8000)),
    ('penguins-species', True): ((-4, 12), (-10, 6)),
    ('penguins-species', False): ((-1, 3), (-100, 40)),
}


def loss_of(did):
    if did == 'penguins-mass':
        return torch.nn.MSELoss()
    return torch.nn.BCEWithLogitsLoss()


# --------------------------------------------------------------------------- schedules


def make_scheduler(opt, spec):
    k = spec['kind']
    s = torch.optim.lr_scheduler
    if k == 'constant':
        return None
    if k == 'step':
        return s.StepLR(opt, step_size=spec['step_size'], gamma=spec['gamma'])
    if k == 'exponential':
        return s.ExponentialLR(opt, gamma=spec['gamma'])
    if k == 'cosine':
        return s.CosineAnnealingLR(opt, T_max=spec['t_max'], eta_min=spec['eta_min'])
    if k == 'warmup':
        return s.LinearLR(
            opt, start_factor=spec['start_factor'], end_factor=1.0, total_iters=spec['total_iters']
        )
    raise ValueError(k)


def current_lr(opt):
    if hasattr(opt, 'param_groups'):
        return opt.param_groups[0]['lr']
    return opt.lr  # the hand-written lecture variants (never scheduled)


def schedule_rates(spec, base, steps):
    """The rate each of `steps` optimizer steps uses under a torch scheduler."""
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base, foreach=False)
    sched = make_scheduler(opt, spec)
    rates = []
    for _ in range(steps):
        rates.append(opt.param_groups[0]['lr'])
        opt.step()  # no gradient: leaves p alone, keeps torch's order-of-calls check quiet
        if sched:
            sched.step()
    return rates


def S(kind, **kw):
    return {'kind': kind, **kw}


SCHEDULES = [
    (S('constant'), 0.1),
    (S('step', step_size=30, gamma=0.5), 0.1),
    (S('step', step_size=1, gamma=0.9), 0.02),
    (S('exponential', gamma=0.98), 0.3),
    (S('exponential', gamma=1.01), 0.001),
    (S('cosine', t_max=100, eta_min=0.001), 0.1),
    (S('cosine', t_max=40, eta_min=0), 1.0),
    (S('cosine', t_max=7, eta_min=0.01), 0.5),
    (S('cosine', t_max=1, eta_min=0), 0.2),
    (S('warmup', start_factor=0.1, total_iters=50), 0.05),
    (S('warmup', start_factor=0.5, total_iters=1), 0.2),
    (S('warmup', start_factor=0.003, total_iters=299), 2.0),
]

# --------------------------------------------------------------------------- races


def run(case, start=None):
    did, std = case['data']['id'], case['data']['standardized']
    data = DATASETS[(did, std)]
    x = torch.tensor(data['x'])
    y = torch.tensor(data['y'])
    criterion = loss_of(did)
    p = torch.tensor(start or case['start'], requires_grad=True)
    opt = mg.make_optimizer(p, case['optimizer'])
    sched = make_scheduler(opt, case['schedule'])
    batches = case.get('batches')

    def full_loss():
        with torch.no_grad():
            return criterion(p[0] * x + p[1], y).item()

    points, losses, rates = [], [], []
    for k in range(case['steps']):
        points.append(p.detach().clone().tolist())
        losses.append(full_loss())
        rates.append(current_lr(opt))
        if batches is None:
            bx, by = x, y
        else:
            idx = torch.tensor(batches[k], dtype=torch.long)
            bx, by = x[idx], y[idx]
        opt.zero_grad()
        loss = criterion(p[0] * bx + p[1], by)
        loss.backward()
        opt.step()
        if sched:
            sched.step()
    points.append(p.detach().clone().tolist())
    losses.append(full_loss())
    return points, losses, rates


def runner_text(cfg, schedule, batch):
    """The case as a `trace --runner` description."""
    words = [cfg['kind']]
    for k, v in cfg.items():
        if k == 'kind':
            continue
        words.append(f'{k}={str(v).lower() if isinstance(v, bool) else repr(v)}')
    if schedule['kind'] != 'constant':
        words.append(f"schedule={schedule['kind']}")
        words += [f'{k}={v!r}' for k, v in schedule.items() if k != 'kind']
    if batch is not None:
        words.append(f'batch={batch}')
    return ' '.join(words)


def our_trace(case):
    """Our trace of the case (for a minibatch case: the batches our sampler draws)."""
    d = case['data']
    argv = ['npm', 'run', '--silent', 'trace', '--', '--data', d['id']]
    if not d['standardized']:
        argv.append('--raw')
    argv += [
        '--start', f"{case['start'][0]!r},{case['start'][1]!r}",
        '--steps', str(case['steps']),
        '--seed', str(case['seed']),
        '--emit-batches',
        '--runner', runner_text(case['optimizer'], case['schedule'], case['batch']),
    ]
    out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f'trace failed: {out.stderr.strip()}\n  {argv}')
    return json.loads(out.stdout)['runners'][0]


def R(did, std, start, kind, lr, schedule=None, batch=None, seed=1, **kw):
    return {
        'data': {'id': did, 'standardized': std},
        'start': [float(start[0]), float(start[1])],
        'steps': STEPS if batch is None else MINIBATCH_STEPS,
        'batch': batch,
        'seed': seed,
        'optimizer': mg.full_config(kind, float(lr), **kw),
        'schedule': schedule or S('constant'),
    }


M, SP = 'penguins-mass', 'penguins-species'
CASES = [
    # ---- full batch, standardized body mass (loss surface a round bowl: Hessian 2I)
    R(M, True, (-1.2, 1.8), 'sgd', 0.1),
    R(M, True, (-1.2, 1.8), 'momentum', 0.05, ema=False),
    R(M, True, (2.5, -2), 'momentum', 0.1, ema=False, dampening=0.5),
    R(M, True, (-1.2, 1.8), 'momentum', 0.2, ema=True),
    R(M, True, (-1.2, 1.8), 'nesterov', 0.05),
    R(M, True, (-1.2, 1.8), 'rmsprop', 0.01),
    R(M, True, (-1, -2), 'rmsprop', 0.01, momentum=0.9, centered=True),
    R(M, True, (-1.2, 1.8), 'adam', 0.05),
    R(M, True, (2, 1), 'adamw', 0.05, weight_decay=0.1),
    R(M, True, (-1.2, 1.8), 'adagrad', 0.5),
    # ---- full batch, body mass in grams from flipper length in mm (Hessian eigenvalues ~8e4, ~1e-2)
    R(M, False, (0, 0), 'sgd', 1e-5),
    R(M, False, (0, 0), 'momentum', 1e-5, ema=False),
    R(M, False, (10, 100), 'momentum', 2e-5, ema=True, bias_correction=True),
    R(M, False, (0, 0), 'nesterov', 1e-5),
    R(M, False, (0, 0), 'rmsprop', 5),
    R(M, False, (50, -5000), 'rmsprop', 2, momentum=0.5),
    R(M, False, (0, 0), 'adam', 20),
    R(M, False, (0, 0), 'adam', 10, bias_correction=False),
    R(M, False, (0, 0), 'adamw', 20),
    R(M, False, (0, 0), 'adagrad', 50),
    # ---- full batch, standardized species (logistic)
    R(SP, True, (-2, 4), 'sgd', 2),
    R(SP, True, (-2, 4), 'momentum', 1, ema=False),
    R(SP, True, (-2, 4), 'momentum', 2, ema=True, bias_correction=True),
    R(SP, True, (-2, 4), 'nesterov', 1),
    R(SP, True, (-2, 4), 'rmsprop', 0.05),
    R(SP, True, (6, -6), 'rmsprop', 0.05, centered=True),
    R(SP, True, (-2, 4), 'adam', 0.2),
    R(SP, True, (0, 0), 'adam', 0.1, bias_correction=False, weight_decay=0.01),
    R(SP, True, (-2, 4), 'adamw', 0.2),
    R(SP, True, (-2, 4), 'adagrad', 1),
    # ---- full batch, species from bill length in mm
    R(SP, False, (0, 0), 'sgd', 1e-3),
    R(SP, False, (0, 0), 'momentum', 1e-3, ema=False),
    R(SP, False, (0.5, -10), 'momentum', 2e-3, ema=True),
    R(SP, False, (0, 0), 'nesterov', 1e-3),
    R(SP, False, (0, 0), 'rmsprop', 0.05),
    R(SP, False, (0, 0), 'adam', 0.5),
    R(SP, False, (0, 0), 'adamw', 0.5, weight_decay=0.05),
    R(SP, False, (0, 0), 'adagrad', 0.5),
    # ---- full batch with a schedule
    R(SP, True, (-2, 4), 'adam', 0.5, schedule=S('cosine', t_max=40, eta_min=0.01)),
    R(M, True, (-1.2, 1.8), 'momentum', 0.1, ema=False, schedule=S('warmup', start_factor=0.1, total_iters=20)),
    R(M, False, (0, 0), 'sgd', 2e-5, schedule=S('exponential', gamma=0.97)),
    R(SP, False, (0, 0), 'rmsprop', 0.1, schedule=S('step', step_size=15, gamma=0.3)),
    # ---- minibatches (our sampler's rows), some with a schedule
    R(SP, True, (-2, 4), 'sgd', 1, batch=32, seed=3),
    R(SP, True, (-2, 4), 'adam', 0.1, batch=8, seed=7, schedule=S('cosine', t_max=40, eta_min=0)),
    R(SP, False, (0, 0), 'rmsprop', 0.02, batch=50, seed=11, momentum=0.5),
    R(M, True, (-1.2, 1.8), 'momentum', 0.05, batch=16, seed=1, ema=False, schedule=S('step', step_size=30, gamma=0.5)),
    R(M, False, (0, 0), 'adam', 10, batch=64, seed=42, schedule=S('warmup', start_factor=0.2, total_iters=25)),
    R(M, True, (2, -1), 'nesterov', 0.02, batch=1, seed=5),
]


def describe(case):
    d = case['data']
    sched = case['schedule']
    parts = [mg.describe(case['optimizer'])]
    if sched['kind'] != 'constant':
        parts.append('schedule ' + ' '.join([sched['kind']] + [f'{k}={v:g}' for k, v in sched.items() if k != 'kind']))
    parts.append(f"{d['id']}{'' if d['standardized'] else ' raw'}")
    parts.append('full batch' if case['batch'] is None else f"batch {case['batch']} seed {case['seed']}")
    parts.append(f"from ({mg.fmt(case['start'][0])}, {mg.fmt(case['start'][1])})")
    return ', '.join(parts)


def rel(a, b):
    return abs(a - b) / (1 + abs(b))


def check(case, points, losses):
    """Finite, inside the race's bounds, and not chaotic (small sensitivity to the start)."""
    flat = [v for p in points for v in p] + losses
    if not all(math.isfinite(v) for v in flat):
        return ['non-finite values'], float('nan')
    problems = []
    (x0, x1), (y0, y1) = DOMAINS[(case['data']['id'], case['data']['standardized'])]
    w, h = x1 - x0, y1 - y0
    for x, y in points:
        if not (x0 - w < x < x1 + w and y0 - h < y < y1 + h):
            problems.append(f'leaves the race bounds at ({x}, {y})')
            break
    amp = 0.0
    for i in (0, 1):
        d = 1e-9 * (1 + abs(case['start'][i]))
        s = list(case['start'])
        s[i] += d
        p2, _, _ = run(case, s)
        amp = max(amp, max(max(abs(a[0] - b[0]), abs(a[1] - b[1])) for a, b in zip(points, p2)) / d)
    if amp > 1e3:
        problems.append(f'sensitive to start: amplification {amp:.3g}')
    return problems, amp


def dump(doc, path):
    """One field per line (floats as repr: shortest round-trip)."""
    d = lambda v: json.dumps(v, allow_nan=False)
    blocks = []
    for name in ('datasets', 'schedules', 'races'):
        items = []
        for c in doc[name]:
            fields = [f'   {d(k)}: {d(v)}' for k, v in c.items()]
            items.append('  {\n' + ',\n'.join(fields) + '\n  }')
        blocks.append(f' {d(name)}: [\n' + ',\n'.join(items) + '\n ]')
    with open(path, 'w') as fh:
        fh.write('{\n' + f' "meta": {d(doc["meta"])},\n' + ',\n'.join(blocks) + '\n}\n')


def main():
    failed = False
    schedules = []
    for spec, base in SCHEDULES:
        rates = schedule_rates(spec, base, SCHEDULE_STEPS)
        name = ' '.join([spec['kind']] + [f'{k}={v:g}' for k, v in spec.items() if k != 'kind'])
        name += f', base lr {base:g}'
        print(f'schedule {name}: {rates[0]:.6g} … {min(rates):.4g} … {rates[-1]:.6g}')
        schedules.append({'name': name, 'schedule': spec, 'base': base, 'steps': SCHEDULE_STEPS, 'lr': rates})

    races = []
    names = set()
    for case in CASES:
        ours = None
        if case['batch'] is not None:
            ours = our_trace(case)
            case['batches'] = ours['batches']
            assert len(case['batches']) == case['steps']
        points, losses, rates = run(case)
        name = describe(case)
        assert name not in names, name
        names.add(name)
        problems, amp = check(case, points, losses)
        status = 'ok' if not problems else 'PROBLEM: ' + '; '.join(problems)
        versus = ''
        if ours is not None:
            worst = max(
                max(rel(a[0], b[0]), rel(a[1], b[1])) for a, b in zip(ours['points'], points)
            )
            versus = f', ours within {worst:.2g}'
        print(f'{name}: loss {losses[0]:.6g} -> {losses[-1]:.6g}, end ({points[-1][0]:.5g}, '
              f'{points[-1][1]:.5g}), amp {amp:.3g}{versus}  {status}')
        failed |= bool(problems)
        out = {'name': name, **case, 'points': points, 'loss': losses, 'lr': rates}
        if case['batch'] is None:
            out['batches'] = None
        races.append(out)
    if failed and '--force' not in sys.argv:
        sys.exit('some data cases failed the sanity checks; not writing (use --force to override)')
    doc = {
        'meta': {
            'torch': torch.__version__,
            'dtype': 'float64',
            'generated_by': 'tests/golden/make_golden_data.py',
            'foreach': False,
            'notes': 'datasets: the rows exactly as the model sees them. schedules: lr[k] is the '
            'rate optimizer step k+1 uses under the torch scheduler. races: points has steps+1 '
            'entries (start included); loss[k] = full-data loss at points[k]; lr[k] = rate of '
            'step k+1; batches[k] = rows of step k+1 (our sampler, seeded by seed), null for '
            'full batch (every row in file order).',
        },
        'datasets': [DATASETS[k] for k in DATASETS],
        'schedules': schedules,
        'races': races,
    }
    dump(doc, OUT)
    print(f'wrote {len(schedules)} schedules and {len(races)} races to {os.path.relpath(OUT)} '
          f'({os.path.getsize(OUT)} bytes)')


if __name__ == '__main__':
    main()
