/**
 * grade: a goal and a snapshot in, a line per requirement out — `{ passed, explain }`,
 * the sentence saying what the lab is like ("web runs 4 of 6 tasks on nginx:1.18").
 * The checks run in one fixed order, top to bottom: the swarm, nodes, services, stacks,
 * containers, images, networks, volumes, files, HTTP.
 */
import type { Goal } from './goal.ts';
import type { Read, Snapshot } from './snapshot.ts';
import { CONTAINERS } from './checks/containers.ts';
import { IMAGES } from './checks/images.ts';
import { gradeSection, type GradeLine } from './checks/kind.ts';
import { NETWORKS, VOLUMES } from './checks/networks-volumes.ts';
import { NODES } from './checks/nodes.ts';
import { SERVICES, type ServiceContext } from './checks/services.ts';
import { STACKS, stacksOf, type Stack } from './checks/stacks.ts';
import { gradeFile, gradeHttp, gradeSwarm } from './checks/swarm-files-http.ts';

export type { GradeLine } from './checks/kind.ts';

export interface Grade {
  /** every line passed */
  passed: boolean;
  lines: GradeLine[];
}

function serviceContext(snap: Snapshot): Read<ServiceContext> {
  const failed = [snap.tasks, snap.nodes].find((r) => r && !r.ok);
  if (failed && !failed.ok) return failed;
  return {
    ok: true,
    value: {
      tasks: snap.tasks?.ok ? snap.tasks.value : [],
      nodes: snap.nodes?.ok ? snap.nodes.value : [],
      networks: snap.networks?.ok ? snap.networks.value : [],
    },
  };
}

/** The stacks, from everything that carries their label; a failed read is the first failure. */
function stacksRead(snap: Snapshot): Read<Stack[]> {
  const reads = [snap.services, snap.tasks, snap.nodes, snap.networks, snap.secrets, snap.configs];
  for (const r of reads) {
    if (!r) return { ok: false, error: 'not read' };
    if (!r.ok) return r;
  }
  const value = <T>(r: Read<T[]> | undefined) => (r?.ok ? r.value : []);
  return {
    ok: true,
    value: stacksOf(value(snap.services), value(snap.networks), value(snap.secrets), value(snap.configs)),
  };
}

const CHECKS: ReadonlyArray<(goal: Goal, snap: Snapshot) => GradeLine[]> = [
  (g, s) => (g.swarm ? gradeSwarm(g.swarm, s) : []),
  (g, s) => (g.nodes ? gradeSection(NODES, g.nodes, s.nodes, undefined) : []),
  (g, s) => {
    if (!g.services) return [];
    const ctx = serviceContext(s);
    const read = ctx.ok ? s.services : ctx;
    return gradeSection(
      SERVICES,
      g.services,
      read,
      ctx.ok ? ctx.value : { tasks: [], nodes: [], networks: [] },
    );
  },
  (g, s) => {
    if (!g.stacks) return [];
    const ctx = serviceContext(s);
    return gradeSection(
      STACKS,
      g.stacks,
      stacksRead(s),
      ctx.ok ? ctx.value : { tasks: [], nodes: [], networks: [] },
    );
  },
  (g, s) => (g.containers ? gradeSection(CONTAINERS, g.containers, s.containers, s) : []),
  (g, s) => (g.images ? gradeSection(IMAGES, g.images, s.allImages ?? { ok: true, value: [] }, s) : []),
  (g, s) => (g.networks ? gradeSection(NETWORKS, g.networks, s.networks, s) : []),
  (g, s) => (g.volumes ? gradeSection(VOLUMES, g.volumes, s.volumes, s) : []),
  (g, s) => (g.files ?? []).flatMap((f) => gradeFile(f, s)),
  (g, s) => (g.http ?? []).flatMap((h) => gradeHttp(h, s)),
];

export function grade(goal: Goal, snap: Snapshot): Grade {
  const lines = CHECKS.flatMap((check) => check(goal, snap));
  return { passed: lines.every((l) => l.passed), lines };
}
