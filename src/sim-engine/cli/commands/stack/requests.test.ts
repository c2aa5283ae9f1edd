/**
 * What `stack deploy` puts on the wire, as the real docker CLI 28 does (checked against
 * it in test/serve/requests): the services' and networks' label maps in Go's order.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { watchRequests } from '../../../../../test/kit/requests.ts';

const STACK = `services:
  web:
    image: nginx:latest
    labels: [zeta=1, alpha=2]
    deploy:
      labels: [zeta=1, alpha=2]
networks:
  default:
    labels: [zeta=1, alpha=2]
`;

describe('the requests of stack deploy', () => {
  it('sends its label maps with their keys sorted, as encoding/json writes a Go map', async () => {
    const lab = testLab({ images: ['nginx:latest'], files: { 'stack.yml': STACK } });
    await lab.docker('swarm init');
    const sent = watchRequests(lab.engine);
    expect((await lab.docker('stack deploy -c stack.yml shop')).status).toBe(0);
    const network = sent.find((r) => r.path === '/networks/create')!.body as { Labels: object };
    expect(Object.keys(network.Labels)).toEqual(['alpha', 'com.docker.stack.namespace', 'zeta']);
    const service = sent.find((r) => r.path === '/services/create')!.body as {
      Labels: object;
      TaskTemplate: { ContainerSpec: { Labels: object } };
    };
    expect(Object.keys(service.Labels)).toEqual([
      'alpha',
      'com.docker.stack.image',
      'com.docker.stack.namespace',
      'zeta',
    ]);
    expect(Object.keys(service.TaskTemplate.ContainerSpec.Labels)).toEqual([
      'alpha',
      'com.docker.stack.namespace',
      'zeta',
    ]);
  });
});
