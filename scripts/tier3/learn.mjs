// The default Tier 3 model's learner: a one-hidden-layer perceptron (ReLU) over sparse feature
// rows, trained with plain SGD on the logistic loss, deterministic from the seed. With
// `hidden: 0` it is logistic regression. A hidden layer lets the model weigh combinations (a
// health word together with a particular person, a deal together with "not announced") that a
// linear model can only add up.
import { rng } from './corpus.mjs';

/** The non-zero entries of a dense feature row. */
export function sparse(row) {
  const index = [];
  const value = [];
  for (let k = 0; k < row.length; k++) {
    if (row[k] === 0) continue;
    index.push(k);
    value.push(row[k]);
  }
  return { index: Int32Array.from(index), value: Float64Array.from(value) };
}

/**
 * Trains on sparse rows `X` (from `sparse`) with labels `y` (1 sensitive, 0 clean).
 * @returns {{ W1: Float64Array, b1: Float64Array, w2: Float64Array, b2: number, hidden: number, score: (x) => number }}
 * @example
 * const model = train(rows, labels, { dimensions: 8192, hidden: 16, epochs: 10, seed: 1 });
 */
export function train(X, y, { dimensions, hidden, epochs, seed, l2 = 1e-6, rate = 0.05 }) {
  const r = rng(seed ^ 0x5eed);
  const H = Math.max(1, hidden);
  const linear = hidden === 0;
  // Small random first layer (uniform ±1/sqrt(fan-in-ish)); the output layer starts at ±0.1.
  const W1 = new Float64Array(dimensions * H).map(() => (linear ? 0 : (r() - 0.5) * 0.2));
  const b1 = new Float64Array(H).fill(linear ? 0 : 0.01);
  const w2 = new Float64Array(H).map(() => (linear ? 1 : (r() - 0.5) * 0.2));
  let b2 = 0;
  const h = new Float64Array(H);
  const forward = (x) => {
    for (let j = 0; j < H; j++) h[j] = b1[j];
    for (let n = 0; n < x.index.length; n++) {
      const base = x.index[n] * H;
      const v = x.value[n];
      for (let j = 0; j < H; j++) h[j] += W1[base + j] * v;
    }
    let z = b2;
    for (let j = 0; j < H; j++) {
      if (!linear && h[j] < 0) h[j] = 0;
      z += w2[j] * h[j];
    }
    return z;
  };
  const order = X.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = (linear ? 0.5 : rate) / (1 + epoch * 0.5);
    for (const i of order) {
      const x = X[i];
      const z = forward(x);
      const g = 1 / (1 + Math.exp(-z)) - y[i];
      for (let j = 0; j < H; j++) {
        const dh = linear ? g : h[j] > 0 ? g * w2[j] : 0;
        if (!linear) w2[j] -= lr * (g * h[j] + l2 * w2[j]);
        if (dh === 0) continue;
        if (!linear) b1[j] -= lr * dh;
        for (let n = 0; n < x.index.length; n++) {
          const at = x.index[n] * H + j;
          W1[at] -= lr * (dh * x.value[n] + l2 * W1[at]);
        }
      }
      b2 -= lr * g;
    }
  }
  return { W1, b1, w2, b2, hidden: H, linear, score: (x) => 1 / (1 + Math.exp(-forward(x))) };
}

/**
 * Several perceptrons (trained from different seeds) and one linear model as one perceptron:
 * logit = (mean of the perceptrons' logits + the linear logit) / 2. The members' hidden units sit
 * side by side, so the exported graph is the same MatMul, Add, Relu, MatMul, Add, Softmax, only
 * wider. Averaging members that differ only in their seed takes out much of the variance one
 * seed brings (measured on bench/tier3-eval: one perceptron's recall moves by ±4 points from seed to seed).
 * @example
 * const model = averageAll([train(X, y, { seed: 1, … }), train(X, y, { seed: 2, … })], train(X, y, { hidden: 0, … }), 16384);
 */
export function averageAll(mlps, linear, dimensions) {
  const H = mlps.reduce((n, m) => n + m.hidden, 0) + 2;
  const W1 = new Float64Array(dimensions * H);
  const b1 = new Float64Array(H);
  const w2 = new Float64Array(H);
  let offset = 0;
  let b2 = 0;
  for (const m of mlps) {
    for (let k = 0; k < dimensions; k++) for (let j = 0; j < m.hidden; j++) W1[k * H + offset + j] = m.W1[k * m.hidden + j];
    for (let j = 0; j < m.hidden; j++) {
      b1[offset + j] = m.b1[j];
      w2[offset + j] = m.w2[j] / (2 * mlps.length);
    }
    b2 += m.b2 / (2 * mlps.length);
    offset += m.hidden;
  }
  for (let k = 0; k < dimensions; k++) {
    W1[k * H + offset] = linear.W1[k];
    W1[k * H + offset + 1] = -linear.W1[k];
  }
  b1[offset] = linear.b2;
  b1[offset + 1] = -linear.b2;
  w2[offset] = 0.5;
  w2[offset + 1] = -0.5;
  const logit = (m, x) => {
    const p = m.score(x);
    return Math.log(p / (1 - p));
  };
  const score = (x) => {
    const z = (mlps.reduce((s, m) => s + logit(m, x), 0) / mlps.length + logit(linear, x)) / 2;
    return 1 / (1 + Math.exp(-z));
  };
  return { W1, b1, w2, b2, hidden: H, linear: false, score };
}
