/*
 * Why this exists: V8 turns an object into a slow hash table once more than about 16
 * properties are added with computed keys, and RUM points carry 30 to 60 tags and fields.
 * Cloning a template that JSON.parse built with the same keys gives a fast object, and
 * then only the values need storing (about twice as fast, and far less garbage).
 *
 * Points in a body, and bodies from one SDK, repeat the same keys in the same order, so
 * the keys of each line walk a trie of the key sequences seen so far; the node at the end
 * holds the template. Walking it also finds duplicate keys once per key sequence instead
 * of once per point. The trie is a bounded cache: it never changes a result.
 */

export interface Shape {
  /** The key that leads to this node; '' at the root. */
  readonly key: string;
  /** The child used last: lines usually repeat the previous line's keys. */
  last: Shape | undefined;
  children: Map<string, Shape> | undefined;
  /** The keys from the root to here, once a line has ended here. */
  keys: string[] | undefined;
  template: object | undefined;
  /** A key on the way is `__proto__`, which a plain assignment would not set. */
  proto: boolean;
  /** Which spread site of `copy` serves this shape. */
  readonly slot: number;
}

// Enough for thousands of distinct event layouts; beyond that, hostile or odd input would
// only grow memory, so the cache starts over.
const MAX_NODES = 20_000;
let nodes = 0;

function node(key: string, proto: boolean): Shape {
  nodes++;
  return {
    key,
    last: undefined,
    children: undefined,
    keys: undefined,
    template: undefined,
    proto,
    slot: nodes & 7,
  };
}

export interface Shapes {
  tags: Shape;
  fields: Shape;
}

let roots: Shapes = { tags: node('', false), fields: node('', false) };

/** The two tries, emptied first when they have grown past their bound. */
export function shapeRoots(): Shapes {
  if (nodes > MAX_NODES) {
    nodes = 0;
    roots = { tags: node('', false), fields: node('', false) };
  }
  return roots;
}

/** The child of `parent` for `key`, made when new. */
export function child(parent: Shape, key: string): Shape {
  let next = parent.children?.get(key);
  if (next === undefined) {
    // A key cut from a body is a view into it; an own copy keeps old bodies collectable.
    const own = Object.keys({ [key]: 0 })[0] as string;
    next = node(own, parent.proto || own === '__proto__');
    parent.children ??= new Map();
    parent.children.set(own, next);
  }
  parent.last = next;
  return next;
}

/**
 * Gives `shape` its template, from `keys` (the keys of the current line); returns the index
 * of the first repeated key instead when there is one.
 */
export function settle(shape: Shape, keys: string[], count: number): number {
  const own = keys.slice(0, count);
  let text = '{';
  for (let i = 0; i < count; i++) text += `${i === 0 ? '' : ','}${JSON.stringify(own[i])}:null`;
  const template = JSON.parse(`${text}}`);
  if (Object.keys(template).length !== count) {
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const key = own[i] as string;
      if (seen.has(key)) return i;
      seen.add(key);
    }
  }
  shape.keys = own;
  shape.template = template;
  return -1;
}

/**
 * A copy of `source`: the shape's template, or the last object made from it. Each spread
 * below is its own inline cache; one spread for all shapes would go megamorphic and run
 * ten times slower, so shapes share eight.
 */
export function copy<T>(shape: Shape, source: object | undefined): Record<string, T> {
  switch (shape.slot) {
    case 0:
      return { ...source } as Record<string, T>;
    case 1:
      return { ...source } as Record<string, T>;
    case 2:
      return { ...source } as Record<string, T>;
    case 3:
      return { ...source } as Record<string, T>;
    case 4:
      return { ...source } as Record<string, T>;
    case 5:
      return { ...source } as Record<string, T>;
    case 6:
      return { ...source } as Record<string, T>;
    default:
      return { ...source } as Record<string, T>;
  }
}
