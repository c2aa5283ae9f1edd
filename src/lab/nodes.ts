/**
 * The names of a lab's nodes, from a lesson's `lab.nodes` (a count or the names), the
 * way the engine names them: `3` → node1, node2, node3. Tiny and engine-free, so the
 * page can draw a terminal tab per node before the engine loads.
 */
export function nodeNames(nodes: number | readonly string[] | undefined): string[] {
  if (nodes === undefined || typeof nodes === 'number')
    return Array.from({ length: nodes ?? 1 }, (_, i) => `node${i + 1}`);
  return [...nodes];
}
