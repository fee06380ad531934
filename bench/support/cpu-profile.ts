// V8's CPU profile as CDP's Profiler.stop gives it, and the walk the profiling benches share.

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Adds `ms` to `key`'s total. */
export const addTo = (map: Map<string, number>, key: string, ms: number) =>
  map.set(key, (map.get(key) ?? 0) + ms);

/**
 * Calls `visit` for each sample with its node, its time (the time to the next sample, ms) and
 * its stack from the innermost frame out.
 */
export function forEachSample(
  profile: Profile,
  visit: (node: ProfileNode, ms: number, stack: ProfileNode[]) => void,
): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  profile.samples.forEach((id, i) => {
    const stack: ProfileNode[] = [];
    for (let n = nodes.get(id); n; n = nodes.get(parent.get(n.id) ?? -1)) stack.push(n);
    const node = stack[0];
    if (node) visit(node, (profile.timeDeltas[i] ?? 0) / 1000, stack);
  });
}
