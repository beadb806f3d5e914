/** A network without supplies or lower bounds as plain data, for another thread. */
export interface FlowArrays {
  nodeCount: number;
  from: Int32Array;
  to: Int32Array;
  capacity: Float64Array;
  cost: Float64Array;
}

/**
 * A directed network with integer capacities, lower bounds and costs, stored in growable
 * typed arrays so that millions of arcs cost a few dozen bytes each instead of one object each.
 */
export class FlowNetwork {
  readonly nodeCount: number;
  private count = 0;
  private fromArr: Int32Array;
  private toArr: Int32Array;
  private capArr: Float64Array;
  private costArr: Float64Array;
  // Most networks have no lower bounds: the array only exists once one is set.
  private lowerArr: Float64Array | null = null;
  private readonly supplyArr: Float64Array;

  constructor(nodeCount: number, expectedArcs = 0) {
    if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 0x3fffffff) {
      throw new RangeError(`nodeCount must be a non-negative integer, got ${nodeCount}`);
    }
    this.nodeCount = nodeCount;
    const initial = Math.max(16, Math.floor(expectedArcs));
    this.fromArr = new Int32Array(initial);
    this.toArr = new Int32Array(initial);
    this.capArr = new Float64Array(initial);
    this.costArr = new Float64Array(initial);
    this.supplyArr = new Float64Array(nodeCount);
  }

  /**
   * A network from plain arrays (see FlowArrays), e.g. one posted to another thread, which
   * receives typed arrays but not the class. The network takes the arrays over (no copy: a
   * million arcs are 24 MB) after checking every arc as addArc does.
   */
  static fromArrays(data: FlowArrays): FlowNetwork {
    const m = data.from.length;
    if (data.to.length !== m || data.capacity.length !== m || data.cost.length !== m) {
      throw new RangeError('from, to, capacity and cost must have one entry per arc');
    }
    const net = new FlowNetwork(data.nodeCount);
    const { from, to, capacity, cost, nodeCount: n } = data;
    for (let a = 0; a < m; a++) {
      // addArc's checks, inlined for the common case (Int32Array entries are integers); the
      // full check then names what is wrong.
      const cap = capacity[a];
      const fine =
        from[a] >= 0 &&
        from[a] < n &&
        to[a] >= 0 &&
        to[a] < n &&
        cap >= 0 &&
        (Number.isSafeInteger(cap) || cap === Infinity) &&
        Number.isSafeInteger(cost[a]);
      if (!fine) net.checkArcValues(from[a], to[a], cap, cost[a], 0);
    }
    net.fromArr = from;
    net.toArr = to;
    net.capArr = capacity;
    net.costArr = cost;
    net.count = m;
    return net;
  }

  /** The network as plain arrays (copies), for fromArrays on another thread. */
  toArrays(): FlowArrays {
    if (this.lowerArr !== null || this.supplyArr.some((x) => x !== 0)) {
      throw new Error('toArrays carries neither lower bounds nor supplies');
    }
    const m = this.count;
    return {
      nodeCount: this.nodeCount,
      from: this.fromArr.slice(0, m),
      to: this.toArr.slice(0, m),
      capacity: this.capArr.slice(0, m),
      cost: this.costArr.slice(0, m),
    };
  }

  get arcCount(): number {
    return this.count;
  }

  /** Makes room for at least `total` arcs, so that a caller who knows the size avoids regrowth. */
  reserveArcs(total: number): void {
    if (total > this.fromArr.length) this.grow(total);
  }

  /**
   * Returns the arc id (0, 1, 2, ... in insertion order). Capacity is an integer >= lower or
   * Infinity; cost and lower are integers (see solveMinCostFlow for the exactness bound).
   */
  addArc(from: number, to: number, capacity: number, cost: number, lower = 0): number {
    this.checkArcValues(from, to, capacity, cost, lower);
    const id = this.count;
    if (id === this.fromArr.length) this.grow(id * 2);
    this.fromArr[id] = from;
    this.toArr[id] = to;
    this.capArr[id] = capacity;
    this.costArr[id] = cost;
    if (lower !== 0) {
      if (this.lowerArr === null) this.lowerArr = new Float64Array(this.fromArr.length);
      this.lowerArr[id] = lower;
    }
    this.count = id + 1;
    return id;
  }

  /** Positive = supply (source), negative = demand; default 0. */
  setSupply(node: number, supply: number): void {
    this.checkNode(node);
    if (!Number.isSafeInteger(supply)) {
      throw new RangeError(`supply must be an integer, got ${supply}`);
    }
    this.supplyArr[node] = supply;
  }

  supply(node: number): number {
    this.checkNode(node);
    return this.supplyArr[node];
  }

  arcFrom(arc: number): number {
    this.checkArc(arc);
    return this.fromArr[arc];
  }

  arcTo(arc: number): number {
    this.checkArc(arc);
    return this.toArr[arc];
  }

  arcCapacity(arc: number): number {
    this.checkArc(arc);
    return this.capArr[arc];
  }

  arcCost(arc: number): number {
    this.checkArc(arc);
    return this.costArr[arc];
  }

  arcLower(arc: number): number {
    this.checkArc(arc);
    return this.lowerArr === null ? 0 : this.lowerArr[arc];
  }

  /**
   * Views of the storage trimmed to arcCount, for solvers and exporters that must not pay a
   * method call per arc. They share memory with the network: treat them as read-only.
   */
  arrays(): {
    from: Int32Array;
    to: Int32Array;
    capacity: Float64Array;
    cost: Float64Array;
    lower: Float64Array | null;
    supply: Float64Array;
  } {
    const m = this.count;
    return {
      from: this.fromArr.subarray(0, m),
      to: this.toArr.subarray(0, m),
      capacity: this.capArr.subarray(0, m),
      cost: this.costArr.subarray(0, m),
      lower: this.lowerArr === null ? null : this.lowerArr.subarray(0, m),
      supply: this.supplyArr,
    };
  }

  private grow(min: number): void {
    const size = Math.max(16, min);
    const from = new Int32Array(size);
    from.set(this.fromArr.subarray(0, this.count));
    this.fromArr = from;
    const to = new Int32Array(size);
    to.set(this.toArr.subarray(0, this.count));
    this.toArr = to;
    const cap = new Float64Array(size);
    cap.set(this.capArr.subarray(0, this.count));
    this.capArr = cap;
    const cost = new Float64Array(size);
    cost.set(this.costArr.subarray(0, this.count));
    this.costArr = cost;
    if (this.lowerArr !== null) {
      const lower = new Float64Array(size);
      lower.set(this.lowerArr.subarray(0, this.count));
      this.lowerArr = lower;
    }
  }

  private checkArcValues(
    from: number,
    to: number,
    capacity: number,
    cost: number,
    lower: number,
  ): void {
    this.checkNode(from);
    this.checkNode(to);
    if (!(Number.isSafeInteger(capacity) || capacity === Infinity)) {
      throw new RangeError(`capacity must be an integer or Infinity, got ${capacity}`);
    }
    if (!Number.isSafeInteger(cost)) throw new RangeError(`cost must be an integer, got ${cost}`);
    if (!Number.isSafeInteger(lower))
      throw new RangeError(`lower must be an integer, got ${lower}`);
    if (capacity < lower) {
      throw new RangeError(`capacity ${capacity} is below the lower bound ${lower}`);
    }
  }

  private checkNode(node: number): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodeCount) {
      throw new RangeError(`node ${node} is outside 0..${this.nodeCount - 1}`);
    }
  }

  private checkArc(arc: number): void {
    if (!Number.isInteger(arc) || arc < 0 || arc >= this.count) {
      throw new RangeError(`arc ${arc} is outside 0..${this.count - 1}`);
    }
  }
}
