#!/usr/bin/python3
"""Generate tests/golden/trajectories.json: reference optimizer trajectories from PyTorch.

Regenerate with:

    apt-get install -y python3-torch && /usr/bin/python3 tests/golden/make_golden.py

(or `npm run golden`, which then runs make_golden_data.py for data.json: races on the penguin
datasets and learning-rate schedules). The generated JSON is committed to the repository, so CI
and the TypeScript tests never need torch; rerun this script only when the cases below change.

For every case a 2-D parameter w = [x0, y0] (float64) is stepped `steps` times with
    zero_grad; loss = f(w[0], w[1]); loss.backward(); opt.step()
and the script records points[0..steps] (start included), loss[k] = f(points[k]) and
grad[k] = df/dw at points[k] for k < steps. Gradients always come from autograd.

torch optimizers are built with foreach=False (single-tensor code path). Two lecture
variants that torch does not have are implemented by hand with float64 torch tensors
under torch.no_grad():
  * momentum with ema=true:  v = b*v + (1-b)*g;  w -= lr*v  (or lr*v/(1-b^t) when
    bias_correction=true); v starts at 0.
  * adam with bias_correction=false:  g += wd*w;  m = b1*m + (1-b1)*g;
    s = b2*s + (1-b2)*g^2;  w -= lr*m/(sqrt(s)+eps).
"""

import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'trajectories.json')
STEPS = 150
PI = math.pi

# --------------------------------------------------------------------------- landscapes

LANDSCAPES = {
    'rosenbrock': lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
    'beale': lambda x, y: (1.5 - x + x * y) ** 2
    + (2.25 - x + x * y**2) ** 2
    + (2.625 - x + x * y**3) ** 2,
    'himmelblau': lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
    'rastrigin': lambda x, y: 20
    + x**2
    - 10 * torch.cos(2 * PI * x)
    + y**2
    - 10 * torch.cos(2 * PI * y),
    'saddle': lambda x, y: x**2 - y**2,
    'six-hump-camel': lambda x, y: (4 - 2.1 * x**2 + x**4 / 3) * x**2
    + x * y
    + (-4 + 4 * y**2) * y**2,
    'styblinski-tang': lambda x, y: 0.5
    * (x**4 - 16 * x**2 + 5 * x + y**4 - 16 * y**2 + 5 * y),
    'ackley': lambda x, y: -20 * torch.exp(-0.2 * torch.sqrt(0.5 * (x**2 + y**2)))
    - torch.exp(0.5 * (torch.cos(2 * PI * x) + torch.cos(2 * PI * y)))
    + math.e
    + 20,
    'goldstein-price': lambda x, y: (
        1
        + (x + y + 1) ** 2
        * (19 - 14 * x + 3 * x**2 - 14 * y + 6 * x * y + 3 * y**2)
    )
    * (
        30
        + (2 * x - 3 * y) ** 2
        * (18 - 32 * x + 12 * x**2 + 48 * y - 36 * x * y + 27 * y**2)
    ),
}

# Typed expressions (in the app's grammar), translated to torch by hand.
EXPR1 = 'sin(x)*cos(y) + 0.1*(x^2+y^2)'
EXPR2 = 'log(1 + (x-1)^2 + 2*(y+0.5)^2) + 0.05*abs(x)'
EXPRESSIONS = {
    EXPR1: lambda x, y: torch.sin(x) * torch.cos(y) + 0.1 * (x**2 + y**2),
    EXPR2: lambda x, y: torch.log(1 + (x - 1) ** 2 + 2 * (y + 0.5) ** 2)
    + 0.05 * torch.abs(x),
}

# Usual domains ((xmin, xmax), (ymin, ymax)); used only for sanity checks.
DOMAINS = {
    'rosenbrock': ((-2, 2), (-1, 3)),
    'beale': ((-4.5, 4.5), (-4.5, 4.5)),
    'himmelblau': ((-5, 5), (-5, 5)),
    'rastrigin': ((-5.12, 5.12), (-5.12, 5.12)),
    'saddle': ((-2, 2), (-2, 2)),
    'six-hump-camel': ((-3, 3), (-2, 2)),
    'styblinski-tang': ((-5, 5), (-5, 5)),
    'ackley': ((-5, 5), (-5, 5)),
    'goldstein-price': ((-2, 2), (-2, 2)),
    EXPR1: ((-5, 5), (-5, 5)),
    EXPR2: ((-5, 5), (-5, 5)),
}

# --------------------------------------------------------------------------- optimizers

DEFAULTS = {
    'sgd': {},
    'momentum': {'momentum': 0.9, 'dampening': 0.0, 'ema': True, 'bias_correction': False},
    'nesterov': {'momentum': 0.9},
    'rmsprop': {'alpha': 0.99, 'eps': 1e-8, 'momentum': 0.0, 'centered': False},
    'adam': {
        'beta1': 0.9,
        'beta2': 0.999,
        'eps': 1e-8,
        'weight_decay': 0.0,
        'bias_correction': True,
    },
    'adamw': {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8, 'weight_decay': 0.01},
    'adagrad': {'eps': 1e-10},
}


def full_config(kind, lr, **kw):
    cfg = {'kind': kind, 'lr': lr}
    for k, v in DEFAULTS[kind].items():
        cfg[k] = kw.pop(k, v)
    if kw:
        raise ValueError(f'unknown hyperparameters for {kind}: {sorted(kw)}')
    return cfg


class EmaMomentum:
    """Lecture momentum: v = b*v + (1-b)*g; w -= lr*v (optionally / (1-b^t)). Not in torch."""

    def __init__(self, w, lr, beta, bias_correction):
        self.w, self.lr, self.beta, self.bc = w, lr, beta, bias_correction
        self.v = torch.zeros_like(w)
        self.t = 0

    def zero_grad(self):
        self.w.grad = None

    @torch.no_grad()
    def step(self):
        g = self.w.grad
        self.t += 1
        self.v = self.beta * self.v + (1 - self.beta) * g
        if self.bc:
            self.w.sub_(self.lr * self.v / (1 - self.beta**self.t))
        else:
            self.w.sub_(self.lr * self.v)


class UncorrectedAdam:
    """Lecture Adam without bias correction (L2 weight decay added to g). Not in torch."""

    def __init__(self, w, lr, beta1, beta2, eps, weight_decay):
        self.w, self.lr, self.b1, self.b2 = w, lr, beta1, beta2
        self.eps, self.wd = eps, weight_decay
        self.m = torch.zeros_like(w)
        self.s = torch.zeros_like(w)

    def zero_grad(self):
        self.w.grad = None

    @torch.no_grad()
    def step(self):
        g = self.w.grad
        if self.wd != 0:
            g = g + self.wd * self.w
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.s = self.b2 * self.s + (1 - self.b2) * g * g
        self.w.sub_(self.lr * self.m / (torch.sqrt(self.s) + self.eps))


def make_optimizer(w, cfg):
    k, lr = cfg['kind'], cfg['lr']
    o = torch.optim
    if k == 'sgd':
        return o.SGD([w], lr=lr, foreach=False)
    if k == 'momentum':
        if cfg['ema']:
            return EmaMomentum(w, lr, cfg['momentum'], cfg['bias_correction'])
        if cfg['bias_correction']:
            raise ValueError('bias_correction only applies to ema momentum')
        return o.SGD(
            [w], lr=lr, momentum=cfg['momentum'], dampening=cfg['dampening'], foreach=False
        )
    if k == 'nesterov':
        return o.SGD([w], lr=lr, momentum=cfg['momentum'], nesterov=True, foreach=False)
    if k == 'rmsprop':
        return o.RMSprop(
            [w],
            lr=lr,
            alpha=cfg['alpha'],
            eps=cfg['eps'],
            momentum=cfg['momentum'],
            centered=cfg['centered'],
            foreach=False,
        )
    if k == 'adam':
        if cfg['bias_correction']:
            return o.Adam(
                [w],
                lr=lr,
                betas=(cfg['beta1'], cfg['beta2']),
                eps=cfg['eps'],
                weight_decay=cfg['weight_decay'],
                foreach=False,
            )
        return UncorrectedAdam(
            w, lr, cfg['beta1'], cfg['beta2'], cfg['eps'], cfg['weight_decay']
        )
    if k == 'adamw':
        return o.AdamW(
            [w],
            lr=lr,
            betas=(cfg['beta1'], cfg['beta2']),
            eps=cfg['eps'],
            weight_decay=cfg['weight_decay'],
            foreach=False,
        )
    if k == 'adagrad':
        return o.Adagrad([w], lr=lr, eps=cfg['eps'], foreach=False)
    raise ValueError(k)


# --------------------------------------------------------------------------- cases


def C(surface, start, kind, lr, **kw):
    return {'surface': surface, 'start': [float(start[0]), float(start[1])],
            'optimizer': full_config(kind, float(lr), **kw)}


CASES = [
    # plain SGD
    C('rosenbrock', (-1.2, 1), 'sgd', 0.001),
    C('himmelblau', (-4, 4), 'sgd', 0.001),
    C('six-hump-camel', (-1.5, 1), 'sgd', 0.01),
    C('saddle', (1.5, 0.1), 'sgd', 0.01),
    C('rastrigin', (2.2, -1.3), 'sgd', 0.002),
    C('goldstein-price', (0.5, -1.2), 'sgd', 1e-5),
    C(EXPR1, (2, 1), 'sgd', 0.1),
    # torch momentum (ema=false), incl. dampening 0.5
    C('rosenbrock', (-1.5, 2), 'momentum', 0.0005, ema=False),
    C('himmelblau', (1, -4), 'momentum', 0.005, ema=False, dampening=0.5),
    C('styblinski-tang', (4.5, -4.5), 'momentum', 0.005, ema=False),
    C(EXPR2, (-2, 1.5), 'momentum', 0.05, ema=False),
    # lecture EMA momentum, with and without bias correction
    C('rosenbrock', (-1.5, 2), 'momentum', 0.002, ema=True, bias_correction=False),
    C('six-hump-camel', (2, -1.5), 'momentum', 0.02, ema=True, bias_correction=False),
    C('beale', (1, -1), 'momentum', 0.01, ema=True, bias_correction=True),
    C(EXPR2, (-2, 1.5), 'momentum', 0.1, ema=True, bias_correction=True),
    C('styblinski-tang', (-1, 3.5), 'momentum', 0.01, ema=True, bias_correction=True),
    # nesterov
    C('rosenbrock', (-1.2, 1), 'nesterov', 0.0005),
    C('himmelblau', (-1, -1), 'nesterov', 0.0005),
    C('ackley', (2.5, -1.7), 'nesterov', 0.005),
    # rmsprop
    C('rosenbrock', (-1.5, 2), 'rmsprop', 0.005),
    C('beale', (-2, 2), 'rmsprop', 0.001, momentum=0.9),
    C('himmelblau', (0.5, 4.5), 'rmsprop', 0.01, centered=True),
    C('goldstein-price', (-1.5, 1.5), 'rmsprop', 0.001),
    C(EXPR1, (-2.5, 0.5), 'rmsprop', 0.01, momentum=0.9, centered=True),
    # adam (torch, bias-corrected)
    C('rosenbrock', (-1.5, 2), 'adam', 0.05),
    C('beale', (2, 2), 'adam', 0.02),
    C('himmelblau', (-3, -3), 'adam', 0.05, weight_decay=0.1),
    C('rastrigin', (3.3, 2.7), 'adam', 0.005),
    C('ackley', (-3.2, 2.1), 'adam', 0.01),
    C('goldstein-price', (-1, 1), 'adam', 0.005),
    C('saddle', (-1.5, -0.2), 'adam', 0.01),
    C(EXPR2, (3, -2), 'adam', 0.05),
    # adam, lecture form without bias correction
    C('rosenbrock', (-1.2, 1), 'adam', 0.01, bias_correction=False),
    C('styblinski-tang', (0.5, 0.5), 'adam', 0.05, bias_correction=False),
    C('six-hump-camel', (-2, 1.5), 'adam', 0.02, bias_correction=False, weight_decay=0.1),
    # adamw
    C('rosenbrock', (0.25, -0.5), 'adamw', 0.02),
    C('himmelblau', (4, 4), 'adamw', 0.05, weight_decay=0.1),
    C(EXPR1, (1, -2), 'adamw', 0.02),
    # adagrad
    C('rosenbrock', (-1.5, 2), 'adagrad', 0.1),
    C('beale', (3.5, -0.5), 'adagrad', 0.1),
    C('styblinski-tang', (-4, -1), 'adagrad', 0.5),
    C(EXPR2, (-3, -2), 'adagrad', 0.3),
]


def loss_fn(surface):
    return EXPRESSIONS[surface] if surface in EXPRESSIONS else LANDSCAPES[surface]


def run(surface, start, cfg, steps=STEPS):
    f = loss_fn(surface)
    w = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = make_optimizer(w, cfg)
    points, losses, grads = [], [], []
    for _ in range(steps):
        points.append(w.detach().clone().tolist())
        opt.zero_grad()
        loss = f(w[0], w[1])
        loss.backward()
        losses.append(loss.item())
        grads.append(w.grad.detach().clone().tolist())
        opt.step()
    points.append(w.detach().clone().tolist())
    with torch.no_grad():
        losses.append(f(w[0], w[1]).item())
    return points, losses, grads


def fmt(v):
    return f'{v:g}'


def describe(cfg):
    k = cfg['kind']
    extra = []
    if k == 'momentum':
        if cfg['ema']:
            extra.append('ema, bias-corrected' if cfg['bias_correction'] else 'ema')
        else:
            extra.append('torch')
            if cfg['dampening']:
                extra.append(f"dampening {fmt(cfg['dampening'])}")
    if k == 'rmsprop':
        if cfg['momentum']:
            extra.append(f"momentum {fmt(cfg['momentum'])}")
        if cfg['centered']:
            extra.append('centered')
    if k == 'adam' and not cfg['bias_correction']:
        extra.append('no bias correction')
    if k in ('adam', 'adamw') and cfg['weight_decay'] != DEFAULTS[k]['weight_decay']:
        extra.append(f"weight_decay {fmt(cfg['weight_decay'])}")
    extra.append(f"lr {fmt(cfg['lr'])}")
    return f"{k} ({', '.join(extra)})"


def check(case, points, losses, grads):
    """Finite, stays within ~3x the domain, not chaotic (small sensitivity to the start)."""
    problems = []
    flat = [v for p in points for v in p] + losses + [v for g in grads for v in g]
    if not all(math.isfinite(v) for v in flat):
        return ['non-finite values'], float('nan')
    (x0, x1), (y0, y1) = DOMAINS[case['surface']]
    cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    for x, y in points:
        if abs(x - cx) > 3 * hx or abs(y - cy) > 3 * hy:
            problems.append(f'left 3x domain at ({x}, {y})')
            break
    # Sensitivity: perturb the start by 1e-9 and see how much the path moves.
    d = 1e-9
    amp = 0.0
    for dx, dy in ((d, 0.0), (0.0, d)):
        s = [case['start'][0] + dx, case['start'][1] + dy]
        p2, _, _ = run(case['surface'], s, case['optimizer'])
        amp = max(amp, max(max(abs(a[0] - b[0]), abs(a[1] - b[1])) for a, b in zip(points, p2)) / d)
    if amp > 1e3:
        problems.append(f'sensitive to start: amplification {amp:.3g}')
    tiny = min(abs(v) for v in losses)
    if tiny < 1e-12:
        problems.append(f'loss gets within {tiny:.3g} of 0 (relative comparison would be meaningless)')
    if case['surface'] == 'ackley':
        r = min(math.hypot(x, y) for x, y in points)
        if r < 1e-3:
            problems.append(f'ackley path gets within {r:.3g} of the origin')
    if case['surface'] == EXPR2:
        mx = min(abs(x) for x, _ in points)
        if mx < 1e-6:
            problems.append(f'expression path gets within {mx:.3g} of the |x| kink')
    return problems, amp


def dump(doc, path):
    """Write JSON with one case field per line (floats use repr: shortest round-trip)."""
    d = lambda v: json.dumps(v, allow_nan=False)
    lines = ['{', f' "meta": {d(doc["meta"])},', ' "cases": [']
    for i, c in enumerate(doc['cases']):
        fields = [f'   {d(k)}: {d(v)}' for k, v in c.items()]
        lines.append('  {\n' + ',\n'.join(fields) + '\n  }' + (',' if i < len(doc['cases']) - 1 else ''))
    lines.append(' ]')
    lines.append('}')
    with open(path, 'w') as fh:
        fh.write('\n'.join(lines) + '\n')


def main():
    cases_out = []
    names = set()
    failed = False
    for case in CASES:
        s, cfg = case['surface'], case['optimizer']
        points, losses, grads = run(s, case['start'], cfg)
        name = f"{describe(cfg)} on {s} from ({fmt(case['start'][0])}, {fmt(case['start'][1])})"
        assert name not in names, name
        names.add(name)
        problems, amp = check(case, points, losses, grads)
        status = 'ok' if not problems else 'PROBLEM: ' + '; '.join(problems)
        print(f'{name}: loss {losses[0]:.6g} -> {losses[-1]:.6g}, '
              f'end ({points[-1][0]:.4g}, {points[-1][1]:.4g}), amp {amp:.3g}  {status}')
        failed |= bool(problems)
        is_expr = s in EXPRESSIONS
        cases_out.append({
            'name': name,
            'landscape': None if is_expr else s,
            'expression': s if is_expr else None,
            'start': case['start'],
            'steps': STEPS,
            'optimizer': cfg,
            'points': points,
            'loss': losses,
            'grad': grads,
        })
    if failed and '--force' not in sys.argv:
        sys.exit('some cases failed the sanity checks; not writing (use --force to override)')
    doc = {
        'meta': {
            'torch': torch.__version__,
            'dtype': 'float64',
            'generated_by': 'tests/golden/make_golden.py',
            'foreach': False,
            'notes': 'torch optimizers built with foreach=False (single-tensor path). '
            'momentum with ema=true and adam with bias_correction=false are the lecture '
            'variants, implemented by hand in make_golden.py with float64 torch tensors. '
            'points has steps+1 entries (start included); loss[k] = f(points[k]); '
            'grad[k] = autograd gradient of f at points[k] for k < steps (no weight decay).',
        },
        'cases': cases_out,
    }
    dump(doc, OUT)
    print(f'wrote {len(cases_out)} cases to {os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)')


if __name__ == '__main__':
    main()
    # The races on real data and the learning-rate schedules (tests/golden/data.json).
    import make_golden_data

    make_golden_data.main()
