/**
 * What the service commands put on the wire, as the real docker CLI 28 does (checked
 * against it in test/serve/requests): service inspections with insertDefaults spelled
 * as Go's %v, the progress's filters in json.Marshal's order, the spec's ForceUpdate.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { watchRequests } from '../../../../../test/kit/requests.ts';

describe('the requests of the service commands', () => {
  it('service create: ForceUpdate 0 in the task template, labels sorted', async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    await lab.docker('swarm init');
    const sent = watchRequests(lab.engine);
    await lab.docker(
      'service create -d --name web --label z=1 --label a=2 --container-label y=1 --container-label b=2 nginx',
    );
    const create = sent.find((r) => r.path === '/services/create')!.body as {
      Labels: object;
      TaskTemplate: { ForceUpdate: number; ContainerSpec: { Labels: object } };
    };
    expect(create.TaskTemplate.ForceUpdate).toBe(0);
    expect(Object.keys(create.TaskTemplate).at(-1)).toBe('ForceUpdate');
    expect(Object.keys(create.Labels)).toEqual(['a', 'z']);
    expect(Object.keys(create.TaskTemplate.ContainerSpec.Labels)).toEqual(['b', 'y']);
  });

  it("waiting for convergence: the tasks' filters as json.Marshal writes the map, keys sorted", async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    await lab.docker('swarm init');
    const sent = watchRequests(lab.engine);
    await lab.docker('service create --name web nginx');
    const id = (await lab.docker(['service', 'inspect', '-f', '{{.ID}}', 'web'])).stdout.trim();
    expect(sent.find((r) => r.path === '/tasks')!.query['filters']).toBe(
      `{"_up-to-date":{"true":true},"service":{"${id}":true}}`,
    );
  });

  it('service logs: the service looked up with insertDefaults=false, as ServiceInspectWithRaw sends it', async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    await lab.docker('swarm init');
    await lab.docker('service create -d --name web nginx');
    await lab.sleep(5000);
    const sent = watchRequests(lab.engine);
    await lab.docker('service logs web');
    const services = sent.filter((r) => r.path.startsWith('/services/') && !r.path.endsWith('/logs'));
    expect(services.length).toBeGreaterThanOrEqual(2);
    for (const r of services) expect(r.query).toEqual({ insertDefaults: 'false' });
  });

  it('docker inspect of a service asks for the defaults: insertDefaults=true, not 1', async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    await lab.docker('swarm init');
    await lab.docker('service create -d --name web nginx');
    const sent = watchRequests(lab.engine);
    await lab.docker('inspect --type service web');
    expect(sent.find((r) => r.path === '/services/web')!.query).toEqual({ insertDefaults: 'true' });
  });
});
