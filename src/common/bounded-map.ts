/**
 * A Map holding at most `capacity` entries, the oldest forgotten first: for remembering facts that
 * never go stale (a checked signature, a formatted instant) without letting callers grow it.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly capacity: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.capacity && !this.has(key)) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}
