// A generation is a directed acyclic graph of named stages. This module checks a graph (unknown
// dependencies, duplicates, cycles) and orders it; it knows nothing about what stages do.

export interface StageNode {
  id: string;
  title: string;
  dependsOn: readonly string[];
  /** What the stage is for, shown in the execution tree's details (optional). */
  description?: string;
}

export class GraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphError';
  }
}

/**
 * Topological order that is stable: among stages whose dependencies are met, the one declared
 * first comes first. Throws a GraphError naming the problem for unknown ids or a cycle.
 */
export function topologicalOrder<T extends StageNode>(nodes: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const node of nodes) {
    if (byId.has(node.id)) throw new GraphError(`Stage "${node.id}" is declared twice`);
    byId.set(node.id, node);
  }
  for (const node of nodes) {
    for (const dependency of node.dependsOn) {
      if (!byId.has(dependency)) throw new GraphError(`Stage "${node.id}" depends on unknown stage "${dependency}"`);
      if (dependency === node.id) throw new GraphError(`Stage "${node.id}" depends on itself`);
    }
  }
  const order: T[] = [];
  const done = new Set<string>();
  const position = new Map(nodes.map((node, index) => [node.id, index]));
  let remaining = [...nodes];
  while (remaining.length) {
    const ready = remaining.filter((node) => node.dependsOn.every((dependency) => done.has(dependency)));
    if (!ready.length) throw new GraphError(`Stages form a cycle: ${findCycle(remaining).join(' -> ')}`);
    ready.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    for (const node of ready) {
      order.push(node);
      done.add(node.id);
    }
    const readyIds = new Set(ready.map((node) => node.id));
    remaining = remaining.filter((node) => !readyIds.has(node.id));
  }
  return order;
}

function findCycle(nodes: readonly StageNode[]): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const visiting: string[] = [];
  const visited = new Set<string>();
  const visit = (id: string): string[] | undefined => {
    const at = visiting.indexOf(id);
    if (at >= 0) return [...visiting.slice(at), id];
    if (visited.has(id) || !byId.has(id)) return undefined;
    visiting.push(id);
    for (const dependency of byId.get(id)?.dependsOn ?? []) {
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    visiting.pop();
    visited.add(id);
    return undefined;
  };
  for (const node of nodes) {
    const cycle = visit(node.id);
    if (cycle) return cycle.reverse();
  }
  return nodes.map((node) => node.id);
}

/** Every stage that depends on `id`, directly or through others. */
export function dependentsOf(nodes: readonly StageNode[], id: string): Set<string> {
  const result = new Set<string>();
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const node of nodes) {
      if (!result.has(node.id) && node.dependsOn.some((dependency) => frontier.includes(dependency))) {
        result.add(node.id);
        next.push(node.id);
      }
    }
    frontier = next;
  }
  return result;
}
