/**
 * A small logistic regression over string features: a weight per feature,
 * the probability is the logistic of their sum. `probability` is all the
 * check needs at run time; `train` is used by scripts/train-quote-model.ts
 * and its tests, never by the check.
 */

export type Weights = Readonly<Record<string, number>>;

/** The probability that an example with these features is a positive one. */
export function probability(weights: Weights, features: readonly string[]): number {
  let z = 0;
  for (const feature of new Set(features)) z += weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export interface Example {
  readonly features: readonly string[];
  /** 1 for a positive example, 0 for a negative one. */
  readonly label: 0 | 1;
}

export interface TrainingOptions {
  /** Passes over the examples. */
  readonly epochs: number;
  /** Step size of each update. */
  readonly learningRate: number;
  /** L2 penalty on every weight, applied with each update. */
  readonly l2: number;
  /** A feature seen in fewer examples than this gets no weight. */
  readonly minExamples: number;
}

/** Weights are rounded to this many decimals … */
const DECIMALS = 4;
/** … and those smaller than this are dropped: they would not move a probability. */
const SMALLEST_WEIGHT = 0.0005;

/**
 * Trains by stochastic gradient descent over the examples in the order given,
 * with every weight starting at zero: no randomness, so the same examples
 * always give the same weights. Returns the weights rounded to four decimals,
 * without those under 0.0005, keyed in sorted order.
 */
export function train(examples: readonly Example[], options: TrainingOptions): Record<string, number> {
  const seenIn = new Map<string, number>();
  const distinct = examples.map((example) => [...new Set(example.features)]);
  for (const features of distinct) for (const feature of features) seenIn.set(feature, (seenIn.get(feature) ?? 0) + 1);
  const kept = distinct.map((features) => features.filter((feature) => (seenIn.get(feature) as number) >= options.minExamples));

  const weights = new Map<string, number>();
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const [index, example] of examples.entries()) {
      const features = kept[index] as string[];
      let z = 0;
      for (const feature of features) z += weights.get(feature) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - example.label;
      for (const feature of features) {
        const weight = weights.get(feature) ?? 0;
        weights.set(feature, weight - options.learningRate * (gradient + options.l2 * weight));
      }
    }
  }

  const scale = 10 ** DECIMALS;
  const out: Record<string, number> = {};
  for (const feature of [...weights.keys()].sort()) {
    const weight = weights.get(feature) as number;
    if (Math.abs(weight) >= SMALLEST_WEIGHT) out[feature] = Math.round(weight * scale) / scale;
  }
  return out;
}
