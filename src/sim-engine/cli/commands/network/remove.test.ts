import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker network rm', () => {
  it('prints each name removed, then the errors and "exit status 1"', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create a');
    await lab.docker('network create b');
    const r = await lab.docker('network rm a nosuch bridge b');
    expect(r.stdout).toBe('a\nb\n');
    expect(r.stderr).toBe(
      'Error response from daemon: network nosuch not found\n' +
        'Error response from daemon: bridge is a pre-defined network and cannot be removed\n' +
        'exit status 1\n',
    );
    expect(r.status).toBe(1);
    expect(await lab.docker('network rm -f nosuch')).toMatchObject({ out: '', status: 0 });
  });

  it('refuses a network with running containers, naming their endpoints', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create app');
    await lab.docker('run -d --name web --network app alpine sleep 1000');
    const endpoint = (
      await lab.docker(['network', 'inspect', '-f', '{{range .Containers}}{{.EndpointID}}{{end}}', 'app'])
    ).stdout.trim();
    const r = await lab.docker('network rm app');
    expect(r.stderr).toBe(
      `Error response from daemon: error while removing network: network app has active endpoints (name:"web" id:"${endpoint.slice(0, 12)}")\nexit status 1\n`,
    );
    await lab.docker('stop web');
    // a stopped container keeps its settings, not an endpoint
    expect(await lab.docker('network rm app')).toMatchObject({ stdout: 'app\n', status: 0 });
    const start = await lab.docker('start web');
    const id = (
      await lab.docker(['container', 'inspect', '-f', '{{.NetworkSettings.Networks.app.NetworkID}}', 'web'])
    ).stdout.trim();
    expect(start.stderr).toBe(
      `Error response from daemon: failed to set up container networking: network ${id} not found\nError: failed to start containers: web\n`,
    );
  });
});
