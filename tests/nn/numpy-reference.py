"""The tutorial's datasets and default training run redone in numpy.

The engine tests carry numbers printed by this program (numpy 2.4), so a reader can see
where they come from and rerun it:  python3 tests/nn/numpy-reference.py
With a scheme's name (he, zeros, large) it trains from that initialisation instead of Xavier's:
python3 tests/nn/numpy-reference.py he
The datasets follow the draw order documented in src/nn/datasets.ts; the network follows
the equations of the tutorial. Matrix products go through BLAS, whose order of summation
may differ from the engine's, so losses agree to about 1e-12 rather than bit for bit.
"""
import sys

import numpy as np

DATA_SEED, SEED, LR, H, N = 2024, 7, 0.01, 6, 200
INIT = sys.argv[1] if len(sys.argv) > 1 else "xavier"


def line(label, position, values):
    image = np.zeros(9)
    pixels = [position, position + 3, position + 6] if label == 0 else [3 * position + k for k in range(3)]
    image[pixels] = values
    return image


rng = np.random.default_rng(DATA_SEED)
train, labels = [], []
for label in (0, 1):
    for position in (0, 1, 2):
        train.append(line(label, position, [1.0, 1.0, 1.0]))
        labels.append(label)
        for _ in range(3):
            train.append(line(label, position, rng.uniform(0.7, 1.0, size=3)))
            labels.append(label)
train, labels = np.array(train), np.array(labels)
valid1 = np.array([line(l, p, [0.4 if i == k else 1.0 for i in range(3)]) for l in (0, 1) for p in (0, 1, 2) for k in range(3)])
valid1_labels = np.repeat([0, 1], 9)
valid2 = np.clip(train + rng.normal(0.0, 0.2, size=(24, 9)), 0.0, 1.0)

g = np.random.default_rng(SEED)
if INIT == "xavier":
    W1 = g.normal(size=(H, 9)) / np.sqrt(9)
    W2 = g.normal(size=(2, H)) / np.sqrt(H)
elif INIT == "he":
    W1 = g.normal(size=(H, 9)) * np.sqrt(2 / 9)
    W2 = g.normal(size=(2, H)) * np.sqrt(2 / H)
elif INIT == "large":
    W1 = g.normal(size=(H, 9)) * (10 / np.sqrt(9))
    W2 = g.normal(size=(2, H)) * (10 / np.sqrt(H))
else:
    W1, W2 = np.zeros((H, 9)), np.zeros((2, H))
b1, b2 = np.zeros((H, 1)), np.zeros((2, 1))
X, Y = train.T, np.eye(2)[:, labels]


def forward(X):
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0)
    Z2 = W2 @ A1 + b2
    E = np.exp(Z2 - Z2.max(axis=0, keepdims=True))
    return Z1, A1, E / E.sum(axis=0, keepdims=True)


losses, accuracies = [], []
for k in range(N + 1):
    Z1, A1, A2 = forward(X)
    losses.append(-np.sum(Y * np.log(A2)))
    accuracies.append(np.mean(A2.argmax(axis=0) == labels))
    if k == N:
        break
    dZ2 = A2 - Y
    dW2, db2 = dZ2 @ A1.T, dZ2.sum(axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    dW1, db1 = dZ1 @ X.T, dZ1.sum(axis=1, keepdims=True)
    W1, b1, W2, b2 = W1 - LR * dW1, b1 - LR * db1, W2 - LR * dW2, b2 - LR * db2

print("train[1]", [float(v) for v in train[1]])
print("train[23]", [float(v) for v in train[23]])
print("valid2[0]", [float(v) for v in valid2[0]])
print("valid2[23]", [float(v) for v in valid2[23]])
print("loss at 0, 1, 100, 200:", [float(losses[k]) for k in (0, 1, 100, 200)])
print("first perfect iteration:", next((k for k, a in enumerate(accuracies) if a == 1), None))
print("final b2:", [float(v) for v in b2.ravel()], "final W2[0]:", [float(v) for v in W2[0]])
print("validation accuracies:", np.mean(forward(valid1.T)[2].argmax(axis=0) == valid1_labels),
      np.mean(forward(valid2.T)[2].argmax(axis=0) == labels))
