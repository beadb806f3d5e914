/**
 * A Map holding at most `capacity` entries, the first in its order forgotten first (the oldest, or
 * the least used where a hit is deleted and set again): so that a cache cannot grow past its bound.
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
