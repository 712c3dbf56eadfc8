/**
 * Drawing from the declared distributions with a pure-rand generator. Every draw consumes a
 * fixed number of values from its generator (normal: 4, uniform/triangular: 2, fixed: 0),
 * so the sequence of a draw never depends on the values drawn.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Distribution } from '../../scenarios/uncertaintySchema.ts';

/** Standard normal by Box–Muller (the cosine branch only). */
export function standardNormal(rng: RandomGenerator): number {
  const u1 = uniformFloat64(rng);
  const u2 = uniformFloat64(rng);
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

export function sample(d: Distribution, rng: RandomGenerator): number {
  switch (d.kind) {
    case 'normal': {
      const x = d.mean + d.sd * standardNormal(rng);
      return Math.min(d.max ?? Number.POSITIVE_INFINITY, Math.max(d.min ?? Number.NEGATIVE_INFINITY, x));
    }
    case 'lognormal':
      return d.median * Math.exp(d.sigma * standardNormal(rng));
    case 'uniform':
      return d.min + (d.max - d.min) * uniformFloat64(rng);
    case 'triangular': {
      const u = uniformFloat64(rng);
      const range = d.max - d.min;
      if (range === 0) return d.min;
      const f = (d.mode - d.min) / range;
      return u < f ? d.min + Math.sqrt(u * range * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * range * (d.max - d.mode));
    }
    case 'fixed':
      return d.value;
  }
}

/** The distribution's mean (for reports). */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'fixed':
      return d.value;
  }
}
