// A function of one string remembered in a Map that starts afresh when full: words and lines recur across articles,
// and the bound keeps a long run's memory flat.

/** `compute` remembered for up to `size` keys; the whole memory is dropped when it is full. */
export function boundedMemo<T>(compute: (key: string) => T, size: number): (key: string) => T {
  let memory = new Map<string, T>();
  return (key) => {
    let value = memory.get(key);
    if (value === undefined) {
      if (memory.size >= size) memory = new Map();
      memory.set(key, (value = compute(key)));
    }
    return value;
  };
}
