// Adam on plain Float32Array parameters, written as tf.train.adam applies it (Kingma & Ba, with
// both moments bias-corrected and epsilon added to the corrected root): the plain-TypeScript
// baselines of the bench update their parameters exactly as the tfjs steppers do.

/** Adam's constants. */
export interface AdamConfig {
  beta1: number;
  beta2: number;
  /** Added to √v̂ in the denominator. */
  eps: number;
}

/** An Adam optimiser over a fixed list of parameter arrays (its moments are kept per entry). */
export class Adam {
  readonly #m: Float32Array[];
  readonly #v: Float32Array[];
  readonly #c: AdamConfig;
  /** Updates applied so far. */
  #t = 0;

  constructor(params: readonly Float32Array[], config: AdamConfig) {
    this.#m = params.map((p) => new Float32Array(p.length));
    this.#v = params.map((p) => new Float32Array(p.length));
    this.#c = config;
  }

  /** Updates made so far. */
  get steps(): number {
    return this.#t;
  }

  /** One update: params[i] -= lr · m̂ / (√v̂ + eps) with gradient grads[i] × scale. */
  apply(params: readonly Float32Array[], grads: readonly ArrayLike<number>[], lr: number, scale = 1): void {
    const { beta1, beta2, eps } = this.#c;
    this.#t++;
    const c1 = 1 - beta1 ** this.#t;
    const c2 = 1 - beta2 ** this.#t;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      const g = grads[i]!;
      const m = this.#m[i]!;
      const v = this.#v[i]!;
      for (let j = 0; j < p.length; j++) {
        const gj = (g[j] as number) * scale;
        const mj = beta1 * m[j]! + (1 - beta1) * gj;
        const vj = beta2 * v[j]! + (1 - beta2) * gj * gj;
        m[j] = mj;
        v[j] = vj;
        p[j] = p[j]! - (lr * (mj / c1)) / (Math.sqrt(vj / c2) + eps);
      }
    }
  }
}
