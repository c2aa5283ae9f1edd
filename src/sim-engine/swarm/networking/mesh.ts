/**
 * The ingress routing mesh on one node (libnetwork service_linux.go: the DOCKER-INGRESS
 * rules that send a published port to the ingress sandbox, whose IPVS balances it
 * across the service's tasks on the ingress network): every port a service publishes
 * in ingress mode answers on every node of the swarm — its address and localhost —
 * whether or not a task runs there. A connection goes round robin to the next running
 * task, which sees it coming from this node's ingress sandbox address (10.0.0.x), as
 * a whoami behind the mesh shows.
 *
 * Differs from Docker: the port is held like a listener on the node, so a later
 * `docker run -p` of the same port on that node is refused rather than shadowed by
 * the mesh's NAT rules.
 */
import type { Service } from '../../api/types/service.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { balancedHandler, RoundRobin } from '../../network/load-balancer.ts';
import type { Listener } from '../../process/types.ts';
import type { Cluster } from '../cluster.ts';
import { SERVICE } from '../orchestrator/task.ts';
import { lbNamespace } from './local.ts';
import { isIngress, NETWORK, type SwarmNetwork } from './types.ts';
import { taskBackends } from './vips.ts';

export class RoutingMesh {
  readonly #cluster: Cluster;
  readonly #d: Daemon;
  readonly #bound = new Map<string, Listener>();
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster, d: Daemon) {
    this.#cluster = cluster;
    this.#d = d;
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => {
      if (events.some((e) => e.kind === SERVICE || e.kind === NETWORK)) this.#sync();
    });
    this.#sync();
  }

  stop(): void {
    this.#unwatch?.();
    for (const l of this.#bound.values()) l.close();
    this.#bound.clear();
  }

  #sync(): void {
    const ingress = this.#cluster.store.find<SwarmNetwork>(NETWORK, isIngress)[0];
    const wanted = new Map<string, { service: string; target: number; port: number; proto: 'tcp' | 'udp' }>();
    if (ingress) {
      for (const s of this.#cluster.store.find<Service>(SERVICE)) {
        for (const p of s.Endpoint?.Ports ?? []) {
          if (p.PublishMode !== 'ingress' || !p.PublishedPort || !p.TargetPort) continue;
          const proto = p.Protocol === 'udp' ? 'udp' : 'tcp';
          wanted.set(`${s.ID}/${p.PublishedPort}/${proto}/${p.TargetPort}`, {
            service: s.ID,
            target: p.TargetPort,
            port: p.PublishedPort,
            proto,
          });
        }
      }
    }
    for (const [key, l] of this.#bound) {
      if (wanted.has(key)) continue;
      l.close();
      this.#bound.delete(key);
    }
    for (const [key, w] of wanted) {
      if (this.#bound.has(key) || !ingress || this.#d.hostNs.listening(w.port, w.proto)) continue;
      const handler = balancedHandler(
        this.#d.fabric,
        () => taskBackends(this.#cluster, w.service, ingress.ID),
        new RoundRobin(),
        w.target,
        () => lbNamespace(this.#d, ingress.ID)?.interfaces[0]?.ip,
      );
      this.#bound.set(key, this.#d.hostNs.bind(w.port, handler, w.proto));
    }
  }
}
