// A seeded pseudo-random generator (mulberry32), for the fix-safety test's variants and the benchmark's generated
// projects. Each fix-safety variant draws from a generator derived from the run's seed and its own index, so one
// variant can be regenerated alone from `seed` and `index`.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator of variant `index` in the run with `seed`. */
  static forIndex(seed: number, index: number): Random {
    // Mixing both numbers through the generator once keeps neighbouring indexes from starting on similar states.
    const mixer = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    return new Random(Math.floor(mixer.next() * 4294967296));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** The items in a random order. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }
}
