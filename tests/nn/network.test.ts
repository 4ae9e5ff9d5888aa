import { describe, expect, it } from 'vitest';
import { oneHot } from '../../src/nn/data-matrices.ts';
import { gradients } from '../../src/nn/gradients.ts';
import { accuracy, crossEntropy } from '../../src/nn/loss.ts';
import { Matrix } from '../../src/nn/matrix.ts';
import { forward, initParameters } from '../../src/nn/network.ts';
import { createRng } from '../../src/nn/rng.ts';
import { update } from '../../src/nn/update.ts';

describe('Xavier initialisation', () => {
  // numpy 2.4: default_rng(7).normal(size=8), the first 8 draws, which fill W1's first row.
  const firstNormals = [
    0.0012301533574825742, 0.2987455375084699, -0.2741378553622176, -0.8905918387572742,
    -0.45467078517172255, -0.9916465549964624, 0.060143602597438485, 1.3402152455545335,
  ];
  // numpy 2.4: g = default_rng(7); W1 = g.normal(size=(6, 9)) / sqrt(9); W2 = g.normal(size=(2, 6)) / sqrt(6)
  const numpyW1 = [
    [
      0.0004100511191608581, 0.09958184583615663, -0.09137928512073919, -0.29686394625242474,
      -0.1515569283905742, -0.3305488516654875, 0.020047867532479495, 0.44673841518484453,
      -0.16406883951710988,
    ],
    [
      -0.20682496660664682, 0.16328068339506607, 0.11896233605335359, 0.03513808299929952,
      -0.31015601490273487, -0.00975060748775783, 0.23176773148609595, -0.44807151576169396,
      -0.15253858701340606,
    ],
    [
      -0.633740913266948, -0.4298459132616587, -0.6139116792639108, -0.07836371035822709,
      -0.4224821604812344, 0.09042145294056718, 0.05225036220807505, -0.06231031487665146,
      -0.8389199036068377,
    ],
    [
      -0.17956429861554554, -0.01616698180035733, 0.03776966200110252, -0.5100452551684646,
      -0.1592510920113102, -0.3261730260188798, -0.2696124131418664, 0.35363287446202624,
      -0.26917822511063216,
    ],
    [
      -0.010840568315173533, 0.294796622461058, -0.19453347758110065, -0.03723398319471988,
      0.036821381083160194, 0.021260591418353986, -0.40835194213923115, 0.02538007679233603,
      0.45294114058051255,
    ],
    [
      -0.5157148927094941, 0.28646089600719943, 0.03978467523219375, -0.21382346470240712,
      0.6668055154474742, 0.2540865706949039, -0.3997629673684078, 0.02483874292382114,
      0.1922298612233951,
    ],
  ];
  const numpyW2 = [
    [
      -0.07706997994457811, 0.2787969491226628, -0.027155582237236377, 0.27240267602679685,
      0.5872743888372698, -0.2758379589040233,
    ],
    [
      0.08293099041876262, -0.18914452608076338, 0.05195711131299735, -0.48467013644287266,
      -0.23649888643520292, -0.08009667049333034,
    ],
  ];
  const params = initParameters(6, createRng(7), 'xavier');

  it('fills W1 row by row with normal draws divided by sqrt(9) = 3', () => {
    for (const [i, z] of firstNormals.entries()) expect(params.W1.data[i]).toBe(z / 3);
  });

  it('equals numpy for seed 7 and H = 6, bit for bit', () => {
    expect(params.W1.toRows()).toEqual(numpyW1);
    expect(params.W2.toRows()).toEqual(numpyW2);
  });

  it('starts the biases at zero, with the shapes of a 9-H-2 network', () => {
    const p = initParameters(4, createRng(1), 'xavier');
    expect([
      p.W1.rows,
      p.W1.cols,
      p.b1.rows,
      p.b1.cols,
      p.W2.rows,
      p.W2.cols,
      p.b2.rows,
      p.b2.cols,
    ]).toEqual([4, 9, 4, 1, 2, 4, 2, 1]);
    expect([...p.b1.data, ...p.b2.data]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('the other initialisation schemes', () => {
  // numpy 2.4.6: g = default_rng(3); W1 = g.normal(size=(4, 9)) * np.sqrt(2 / 9);
  // W2 = g.normal(size=(2, 4)) * np.sqrt(2 / 4)
  const numpyHe = {
    W1row0: [
      0.9620985003898354, -1.2047520493890589, 0.1970936864840488, -0.26764915909644954,
      -0.21338092263372443, -0.10163347735023699, -0.9522305932151909, -0.10933397133928373,
      -0.4078653556035232,
    ],
    W1row3: [
      -0.12710024120613583, -0.11481466239578196, 0.4724951628917004, -0.4178812247060617,
      -0.13751823637836247, 0.41603285903323567, 0.27357962127353824, 0.04314138765519227,
      0.3158902222679028,
    ],
    W2: [
      [-1.9998127454654142, 0.7221729763263582, -0.6785713171904726, -1.179892405964466],
      [0.19547667118756445, 0.49536003895610625, -0.3144980839643839, -0.7611338688440837],
    ],
  };
  // numpy 2.4.6: the same draws times (10 / np.sqrt(9)) and (10 / np.sqrt(4)).
  const numpyLarge = {
    W1row0: [
      6.803063737950609, -8.51888343771394, 1.3936628224192629, -1.8925653537597662,
      -1.5088309737014862, -0.7186572102992197, -6.733287097157503, -0.7731079254806316,
      -2.884043587583139,
    ],
    W1row3: [
      -0.898734424473045, -0.8118622635970152, 3.3410453375856375, -2.954866477201957,
      -0.9724007747995467, 2.9417965581882797, 1.9345000539696637, 0.30505567760784064,
      2.233681182761598,
    ],
    W2: [
      [-14.140811534218813, 5.1065340875004, -4.798223799040708, -8.343099213279848],
      [1.3822287976049983, 3.5027244267469504, -2.2238372784139204, -5.382029200504038],
    ],
  };

  it.each([
    ['he', numpyHe],
    ['large', numpyLarge],
  ] as const)('%s equals numpy for seed 3 and H = 4, bit for bit', (init, numpy) => {
    const p = initParameters(4, createRng(3), init);
    const rows = p.W1.toRows();
    expect([rows[0], rows[3]]).toEqual([numpy.W1row0, numpy.W1row3]);
    expect(p.W2.toRows()).toEqual(numpy.W2);
    expect([...p.b1.data, ...p.b2.data]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('zeros draws nothing: every weight and bias is 0', () => {
    const p = initParameters(5, createRng(3), 'zeros');
    const all = [...p.W1.data, ...p.b1.data, ...p.W2.data, ...p.b2.data];
    expect(all).toHaveLength(5 * 9 + 5 + 2 * 5 + 2);
    expect(all.every((v) => v === 0)).toBe(true);
  });
});

describe('one forward and backward pass, by hand', () => {
  // A 2-2-2 network on two examples x(1) = (1, 2) with label 0 and x(2) = (1, 0) with label 1.
  const params = {
    W1: Matrix.fromRows([
      [1, -1],
      [2, 0],
    ]),
    b1: Matrix.fromColumns([[0, -1]]),
    W2: Matrix.fromRows([
      [0.5, -1],
      [-0.5, 1],
    ]),
    b2: Matrix.fromColumns([[0, 0]]),
  };
  const X = Matrix.fromColumns([
    [1, 2],
    [1, 0],
  ]);
  const labels = [0, 1];
  const Y = oneHot(labels);
  // Worked out on paper:
  // Z1 = W1 X + b1: x(1): 1 - 2 + 0 = -1, 2 + 0 - 1 = 1;  x(2): 1 - 0 + 0 = 1, 2 + 0 - 1 = 1
  // A1 = ReLU(Z1) = [[0, 1], [1, 1]]
  // Z2 = W2 A1:    x(1): 0.5*0 - 1*1 = -1, -0.5*0 + 1*1 = 1;  x(2): 0.5 - 1 = -0.5, -0.5 + 1 = 0.5
  // A2 = softmax:  x(1): (p, 1 - p) with p = 1 / (1 + e^2);  x(2): (q, 1 - q) with q = 1 / (1 + e)
  const p = 1 / (1 + Math.exp(2));
  const q = 1 / (1 + Math.E);
  const activations = forward(params, X);

  it('computes Z1, A1, Z2 and A2', () => {
    expect(activations.Z1.toRows()).toEqual([
      [-1, 1],
      [1, 1],
    ]);
    expect(activations.A1.toRows()).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(activations.Z2.toRows()).toEqual([
      [-1, -0.5],
      [1, 0.5],
    ]);
    const A2 = activations.A2.toRows();
    [
      [p, q],
      [1 - p, 1 - q],
    ].forEach((row, r) => {
      for (const [c, v] of row.entries()) expect(A2[r]![c]).toBeCloseTo(v, 15);
    });
  });

  it('computes the loss -ln p - ln(1 - q) and accuracy 1/2 (x(1) is misclassified)', () => {
    // -ln p = ln(1 + e^2); -ln(1 - q) = ln((1 + e) / e) = ln(1 + e) - 1
    expect(crossEntropy(activations.A2, Y)).toBeCloseTo(
      Math.log(1 + Math.exp(2)) + Math.log(1 + Math.E) - 1,
      14,
    );
    expect(accuracy(activations.A2, labels)).toBe(0.5);
  });

  it('computes every gradient', () => {
    // dZ2 = A2 - Y = [[p - 1, q], [1 - p, -q]]
    // dW2 = dZ2 A1^T, with A1^T = [[0, 1], [1, 1]]: [[q, p - 1 + q], [-q, 1 - p - q]]
    // db2 = row sums of dZ2: [p - 1 + q, 1 - p - q]
    // W2^T dZ2 = [[0.5, -0.5], [-1, 1]] dZ2 = [[p - 1, q], [2(1 - p), -2q]]
    // dZ1 = that * [Z1 > 0] = that * [[0, 1], [1, 1]] = [[0, q], [2(1 - p), -2q]]
    // dW1 = dZ1 X^T, with X^T = [[1, 2], [1, 0]]: [[q, 0], [2(1 - p) - 2q, 4(1 - p)]]
    // db1 = row sums of dZ1: [q, 2(1 - p) - 2q]
    const expected = {
      dW2: [
        [q, p - 1 + q],
        [-q, 1 - p - q],
      ],
      db2: [[p - 1 + q], [1 - p - q]],
      dW1: [
        [q, 0],
        [2 * (1 - p) - 2 * q, 4 * (1 - p)],
      ],
      db1: [[q], [2 * (1 - p) - 2 * q]],
    };
    const grads = gradients(params, X, Y, activations);
    for (const name of ['dW1', 'db1', 'dW2', 'db2'] as const) {
      const actual = grads[name].toRows();
      expect(actual.length).toBe(expected[name].length);
      for (const [r, row] of expected[name].entries()) {
        for (const [c, v] of row.entries()) {
          expect(actual[r]![c], `${name}[${r}][${c}]`).toBeCloseTo(v, 14);
        }
      }
    }
  });

  it('updates every parameter by p - learningRate * dp', () => {
    const grads = gradients(params, X, Y, activations);
    const next = update(params, grads, 0.5);
    expect(next.W1.get(1, 1)).toBeCloseTo(0 - 0.5 * 4 * (1 - p), 15);
    expect(next.b1.get(0, 0)).toBeCloseTo(0 - 0.5 * q, 15);
    expect(next.W2.get(0, 0)).toBeCloseTo(0.5 - 0.5 * q, 15);
    expect(next.b2.get(1, 0)).toBeCloseTo(0 - 0.5 * (1 - p - q), 15);
    // The old parameters are left as they were.
    expect(params.W1.toRows()).toEqual([
      [1, -1],
      [2, 0],
    ]);
  });
});
