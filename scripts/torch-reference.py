#!/usr/bin/python3
"""Reference paths from real torch.optim, for test/core/torchReference.test.ts.

Run with Debian's python3-torch 1.13 (apt-get install -y python3-torch):

    /usr/bin/python3 scripts/torch-reference.py

It writes one JSON file per optimizer id to test/fixtures/torch/. Each case runs
torch's optimizer (single-tensor code path, foreach=False) on a surface written
here in torch so that autograd differentiates it, in float64, from a start, with
optional weight decay, AMSGrad and an lr scheduler stepped once per optimizer
step. L-BFGS runs with max_iter=1, so one step(closure) is one step of ours.
The fixtures store the spec in the engine's RunSpec names and every point.
"""
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'torch')
STEPS = 150


# ------------------------------------------------------------------ surfaces (as src/core/surfaces defines them)

def bowl(condition):
    cos, sin = math.cos(math.pi / 12), math.sin(math.pi / 12)

    def loss(p):
        u = cos * p[0] + sin * p[1]
        v = cos * p[1] - sin * p[0]
        return u * u / condition + v * v
    return loss


def rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def saddle(p):
    return p[0] ** 2 + 0.25 * p[1] ** 4 - 0.5 * p[1] ** 2


WELLS = [(1.5, 1, 2, 0.8), (-1.5, -0.5, 1.4, 0.6), (0.6, -2.2, 1, 0.5)]


def valleys(p):
    total = 0.05 * (p[0] ** 2 + p[1] ** 2)
    for cx, cy, depth, width2 in WELLS:
        total = total - depth * torch.exp(-((p[0] - cx) ** 2 + (p[1] - cy) ** 2) / width2)
    return total


def himmelblau(p):
    return (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2


SURFACES = {
    'bowl': (bowl(20), [-2.5, 2]),
    'bowl5': (bowl(5), [-2.5, 2]),
    'rosenbrock': (rosenbrock, [-1.2, 1]),
    'saddle': (saddle, [-1.5, 0.3]),
    'valleys': (valleys, [3, -2.25]),
    'himmelblau': (himmelblau, [-0.5, -0.5]),
}


# ------------------------------------------------------------------ optimizers: our id and settings → torch

def make_optimizer(optimizer, params, lr, s):
    o = torch.optim
    wd = s.get('weightDecay', None)
    betas = (s.get('beta1', 0.9), s.get('beta2', 0.999))
    if optimizer in ('sgd', 'momentum', 'nesterov'):
        momentum = 0 if optimizer == 'sgd' else s.get('momentum', 0.9)
        return o.SGD(params, lr=lr, momentum=momentum, nesterov=optimizer == 'nesterov', weight_decay=wd or 0, foreach=False)
    if optimizer == 'adagrad':
        return o.Adagrad(params, lr=lr, eps=s.get('eps', 1e-10), weight_decay=wd or 0, foreach=False)
    if optimizer == 'rmsprop':
        return o.RMSprop(params, lr=lr, alpha=s.get('alpha', 0.99), eps=s.get('eps', 1e-8), momentum=s.get('momentum', 0),
                         centered=s.get('centered', False), weight_decay=wd or 0, foreach=False)
    if optimizer == 'adam':
        return o.Adam(params, lr=lr, betas=betas, eps=s.get('eps', 1e-8), weight_decay=wd or 0, amsgrad=s.get('amsgrad', False), foreach=False)
    if optimizer == 'adamw':
        return o.AdamW(params, lr=lr, betas=betas, eps=s.get('eps', 1e-8), weight_decay=1e-2 if wd is None else wd,
                       amsgrad=s.get('amsgrad', False), foreach=False)
    if optimizer == 'nadam':
        return o.NAdam(params, lr=lr, betas=betas, eps=s.get('eps', 1e-8), weight_decay=wd or 0,
                       momentum_decay=s.get('momentumDecay', 4e-3), foreach=False)
    if optimizer == 'radam':
        return o.RAdam(params, lr=lr, betas=betas, eps=s.get('eps', 1e-8), weight_decay=wd or 0, foreach=False)
    if optimizer == 'adamax':
        return o.Adamax(params, lr=lr, betas=betas, eps=s.get('eps', 1e-8), weight_decay=wd or 0, foreach=False)
    if optimizer == 'adadelta':
        return o.Adadelta(params, lr=lr, rho=s.get('rho', 0.9), eps=s.get('eps', 1e-6), weight_decay=wd or 0, foreach=False)
    if optimizer == 'rprop':
        return o.Rprop(params, lr=lr, etas=(s.get('etaMinus', 0.5), s.get('etaPlus', 1.2)),
                       step_sizes=(s.get('stepSizeMin', 1e-6), s.get('stepSizeMax', 50)), foreach=False)
    if optimizer == 'lbfgs':
        return o.LBFGS(params, lr=lr, max_iter=1, history_size=s.get('historySize', 100),
                       line_search_fn='strong_wolfe' if s.get('lineSearch') == 'strong-wolfe' else None,
                       tolerance_grad=s.get('toleranceGrad', 1e-7), tolerance_change=s.get('toleranceChange', 1e-9))
    raise ValueError(optimizer)


def make_scheduler(optimizer, schedule):
    if schedule is None:
        return None
    kind = schedule['type']
    if kind == 'step':
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=schedule['stepSize'], gamma=schedule['gamma'])
    if kind == 'exponential':
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=schedule['gamma'])
    if kind == 'cosine':
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=schedule['tMax'], eta_min=schedule['etaMin'])
    raise ValueError(kind)


def run(case):
    loss_of, default_start = SURFACES[case['surface']]
    start = case.get('start', default_start)
    start = [float(start[0]), float(start[1])]
    p = torch.tensor(start, requires_grad=True)
    settings = case.get('settings', {})
    opt = make_optimizer(case['optimizer'], [p], case['lr'], settings)
    scheduler = make_scheduler(opt, case.get('schedule'))

    def closure():
        opt.zero_grad()
        loss = loss_of(p)
        loss.backward()
        return loss

    xs, ys = [start[0]], [start[1]]
    for _ in range(case.get('steps', STEPS)):
        if case['optimizer'] == 'lbfgs':
            opt.step(closure)
        else:
            closure()
            opt.step()
        if scheduler is not None:
            scheduler.step()
        x, y = p.detach().tolist()
        if not (math.isfinite(x) and math.isfinite(y)):
            break
        xs.append(x)
        ys.append(y)
    return {**case, 'start': start, 'x': xs, 'y': ys}


# ------------------------------------------------------------------ the cases

STEP = {'type': 'step', 'stepSize': 30, 'gamma': 0.5}
EXPONENTIAL = {'type': 'exponential', 'gamma': 0.99}
COSINE = {'type': 'cosine', 'tMax': 100, 'etaMin': 0.0}

# Per optimizer: learning rates that make sense on (bowl, rosenbrock, saddle, valleys, himmelblau).
LR = {
    'sgd': (0.9, 1e-3, 0.05, 0.1, 0.005),
    'momentum': (0.1, 1e-4, 0.02, 0.05, 0.002),
    'nesterov': (0.1, 1e-4, 0.02, 0.05, 0.002),
    'adagrad': (0.5, 0.2, 0.3, 0.3, 0.3),
    'rmsprop': (0.05, 0.005, 0.02, 0.02, 0.05),
    'adam': (0.1, 0.02, 0.05, 0.05, 0.1),
    'adamw': (0.1, 0.02, 0.05, 0.05, 0.1),
    'nadam': (0.1, 0.02, 0.05, 0.05, 0.1),
    'radam': (0.1, 0.001, 0.05, 0.05, 0.01),
    'adamax': (0.1, 0.02, 0.05, 0.05, 0.1),
    'adadelta': (1.0, 1.0, 1.0, 1.0, 1.0),
    'rprop': (0.05, 0.01, 0.05, 0.05, 0.05),
    'lbfgs': (0.5, 1e-3, 0.5, 0.1, 0.01),
}
NAMES = ('bowl', 'rosenbrock', 'saddle', 'valleys', 'himmelblau')
WEIGHT_DECAY = {'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'adamax', 'adadelta'}


def cases_for(optimizer):
    lrs = dict(zip(NAMES, LR[optimizer]))
    cases = [{'optimizer': optimizer, 'surface': name, 'lr': lrs[name]} for name in NAMES]
    cases.append({'optimizer': optimizer, 'surface': 'valleys', 'lr': lrs['valleys'], 'start': [-3, 3]})
    cases.append({'optimizer': optimizer, 'surface': 'bowl', 'lr': lrs['bowl'], 'schedule': STEP})
    cases.append({'optimizer': optimizer, 'surface': 'valleys', 'lr': lrs['valleys'], 'schedule': EXPONENTIAL})
    cases.append({'optimizer': optimizer, 'surface': 'himmelblau', 'lr': lrs['himmelblau'], 'schedule': COSINE})
    if optimizer in WEIGHT_DECAY:
        cases.append({'optimizer': optimizer, 'surface': 'bowl5', 'lr': lrs['bowl'], 'settings': {'weightDecay': 0.1}})
        cases.append({'optimizer': optimizer, 'surface': 'valleys', 'lr': lrs['valleys'], 'settings': {'weightDecay': 0.05}, 'schedule': COSINE})
    if optimizer in ('adam', 'adamw'):
        cases.append({'optimizer': optimizer, 'surface': 'valleys', 'lr': lrs['valleys'], 'settings': {'amsgrad': True}})
        cases.append({'optimizer': optimizer, 'surface': 'himmelblau', 'lr': lrs['himmelblau'], 'settings': {'amsgrad': True, 'weightDecay': 0.01}})
    if optimizer == 'adamw':
        cases.append({'optimizer': optimizer, 'surface': 'bowl', 'lr': lrs['bowl'], 'settings': {'weightDecay': 0}})
    if optimizer == 'rmsprop':
        cases.append({'optimizer': optimizer, 'surface': 'valleys', 'lr': lrs['valleys'], 'settings': {'centered': True, 'momentum': 0.5}})
    if optimizer == 'nadam':
        cases.append({'optimizer': optimizer, 'surface': 'bowl', 'lr': lrs['bowl'], 'settings': {'momentumDecay': 0.02, 'beta1': 0.8}})
    if optimizer == 'rprop':
        cases.append({'optimizer': optimizer, 'surface': 'rosenbrock', 'lr': 0.1, 'settings': {'etaMinus': 0.3, 'etaPlus': 1.5, 'stepSizeMax': 0.5}})
    if optimizer == 'lbfgs':
        wolfe = {'lineSearch': 'strong-wolfe'}
        cases += [{'optimizer': 'lbfgs', 'surface': name, 'lr': 1, 'settings': wolfe, 'steps': 40} for name in NAMES]
        cases.append({'optimizer': 'lbfgs', 'surface': 'valleys', 'lr': 1, 'settings': {**wolfe, 'historySize': 3}, 'steps': 40})
        cases.append({'optimizer': 'lbfgs', 'surface': 'rosenbrock', 'lr': 1, 'settings': {**wolfe, 'historySize': 5}, 'schedule': STEP, 'steps': 60})
        cases.append({'optimizer': 'lbfgs', 'surface': 'saddle', 'lr': 0.3, 'settings': {'historySize': 2}, 'schedule': EXPONENTIAL})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    ids = sys.argv[1:] or list(LR)
    for optimizer in ids:
        fixture = {
            'generator': 'scripts/torch-reference.py',
            'torch': torch.__version__,
            'optimizer': optimizer,
            'cases': [run(case) for case in cases_for(optimizer)],
        }
        path = os.path.join(OUT, optimizer + '.json')
        with open(path, 'w') as f:
            json.dump(fixture, f, separators=(',', ':'))
            f.write('\n')
        print(f'{path}: {len(fixture["cases"])} cases')


if __name__ == '__main__':
    main()
