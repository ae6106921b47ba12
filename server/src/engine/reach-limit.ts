// Which nodes of a graph reach more weight than a limit, answered for a whole graph in one pass instead of one walk
// per node. The graph's strongly connected components are found as they are first asked about (Tarjan's algorithm,
// iterative, so a long chain cannot overflow the stack); a component is over the limit when its own nodes weigh more
// than the limit or it reaches a component that is over. That is a sufficient condition, not a necessary one: a node
// can reach more than the limit through many components that each stay under it, and is then not reported here.

export class ReachLimit {
  /** Completed nodes: whether their component is over the limit. */
  private readonly over = new Map<string, boolean>();
  private readonly order = new Map<string, number>();
  private readonly low = new Map<string, number>();
  private readonly open = new Set<string>();
  private readonly stack: string[] = [];
  private next = 0;

  /**
   * @param successors the nodes a node leads to (asked once per node)
   * @param weight what a node weighs on its own
   */
  constructor(
    private readonly successors: (node: string) => readonly string[],
    private readonly weight: (node: string) => number,
    private readonly limit: number,
  ) {}

  /** True when `node` provably reaches more than the limit (itself included). */
  exceeds(node: string): boolean {
    if (!this.over.has(node)) this.visit(node);
    return this.over.get(node)!;
  }

  private visit(root: string): void {
    interface Frame {
      node: string;
      successors: readonly string[];
      at: number;
      /** Reaches a completed component that is over the limit. */
      reachesOver: boolean;
    }
    const frames: Frame[] = [];
    const enter = (node: string): void => {
      this.order.set(node, this.next);
      this.low.set(node, this.next);
      this.next++;
      this.stack.push(node);
      this.open.add(node);
      frames.push({ node, successors: this.successors(node), at: 0, reachesOver: false });
    };
    const reachesOver = new Map<string, boolean>();
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.at < frame.successors.length) {
        const next = frame.successors[frame.at++]!;
        const done = this.over.get(next);
        if (done !== undefined) frame.reachesOver ||= done;
        else if (!this.order.has(next)) enter(next);
        else if (this.open.has(next))
          this.low.set(frame.node, Math.min(this.low.get(frame.node)!, this.order.get(next)!));
        continue;
      }
      frames.pop();
      reachesOver.set(frame.node, frame.reachesOver);
      const parent = frames[frames.length - 1];
      if (this.low.get(frame.node) === this.order.get(frame.node)) {
        // The root of a component: its nodes are the stack down to it.
        const members: string[] = [];
        let member: string;
        do {
          member = this.stack.pop()!;
          this.open.delete(member);
          members.push(member);
        } while (member !== frame.node);
        let weight = 0;
        let over = false;
        for (const node of members) {
          weight += this.weight(node);
          over ||= reachesOver.get(node)!;
        }
        over ||= weight > this.limit;
        for (const node of members) {
          this.over.set(node, over);
          this.order.delete(node);
          this.low.delete(node);
          reachesOver.delete(node);
        }
        if (parent) parent.reachesOver ||= over;
      } else if (parent) {
        this.low.set(parent.node, Math.min(this.low.get(parent.node)!, this.low.get(frame.node)!));
      }
    }
  }
}
