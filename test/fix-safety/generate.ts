// The seeded generator of the fix-safety test: each variant takes a base input (mostly a case a rule reports, at the
// place it reports) and puts one to three transforms' worth of surrounding syntax around it. Variant `index` of the
// run with `seed` depends on nothing else (given the same tables), so `--seed S --start I --count 1` regenerates it.
import type { BaseInput } from './corpus';
import { Random } from '../support/random';
import { parseError } from './syntax';
import {
  FINISHING_TRANSFORM,
  randomAnchor,
  type Shape,
  type Transform,
  TRANSFORMS,
} from './transforms';

export interface GeneratedInput extends BaseInput {
  variant: { seed: number; index: number; base: string; transforms: string[] };
}

/** How many times a variant is attempted (with other bases and transforms) before the index is given up. */
const ATTEMPTS = 20;

export function generateVariant(
  bases: readonly BaseInput[],
  seed: number,
  index: number,
): GeneratedInput | undefined {
  const random = Random.forIndex(seed, index);
  const reported = bases.filter((base) => base.anchors.length > 0);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const base =
      random.chance(0.75) && reported.length > 0 ? random.pick(reported) : random.pick(bases);
    const anchor =
      base.anchors.length > 0
        ? random.pick(base.anchors)
        : randomAnchor(base.fileName, base.code, random);
    let shape: Shape = { fileName: base.fileName, code: base.code, anchor, serial: 0 };
    const wanted = random.int(1, 3);
    const applied: string[] = [];
    const tryApply = (transform: Transform): void => {
      const next = transform.apply(shape, random);
      if (!next || (next.code === shape.code && next.fileName === shape.fileName)) return;
      // A transform that produced something that does not parse is skipped; the input must be valid code.
      if (parseError(next.fileName, next.code) !== undefined) return;
      shape = next;
      applied.push(transform.name);
    };
    for (const transform of random.shuffle(TRANSFORMS)) {
      if (applied.length === wanted) break;
      tryApply(transform);
    }
    // Files without semicolons are where text-splicing mistakes show most, so a third of the variants end that way.
    if (random.chance(0.35) && !applied.includes(FINISHING_TRANSFORM.name))
      tryApply(FINISHING_TRANSFORM);
    if (applied.length === 0) continue;
    return {
      label: `variant ${seed}:${index} of ${base.label} [${applied.join(', ')}]`,
      fileName: shape.fileName,
      code: shape.code,
      ...(base.ruleOptions ? { ruleOptions: base.ruleOptions } : {}),
      anchors: [shape.anchor],
      variant: { seed, index, base: base.label, transforms: applied },
    };
  }
  return undefined;
}

/** Variants `start` to `start + count - 1`; an index whose every attempt failed is left out. */
export function generateVariants(
  bases: readonly BaseInput[],
  seed: number,
  start: number,
  count: number,
): GeneratedInput[] {
  const variants: GeneratedInput[] = [];
  for (let index = start; index < start + count; index++) {
    const variant = generateVariant(bases, seed, index);
    if (variant) variants.push(variant);
  }
  return variants;
}
