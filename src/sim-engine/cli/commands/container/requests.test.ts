/**
 * What the container commands put on the wire, as the real docker CLI 28 does (checked
 * against it in test/serve/requests): the order of run's requests, the attach query,
 * and the create and exec bodies as Go's encoding/json writes moby's structs.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { lines, watchRequests } from '../../../../../test/kit/requests.ts';

const ID = /^[0-9a-f]{64}$/;

describe('the requests of the container commands', () => {
  it('docker run -d: create, then the wait, then the start', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const sent = watchRequests(lab.engine);
    expect((await lab.docker('run -d --name web alpine sleep 1000')).status).toBe(0);
    const id = /\/containers\/(\w+)\/start/.exec(lines(sent).join('\n'))![1]!;
    expect(id).toMatch(ID);
    expect(lines(sent)).toEqual([
      'HEAD /_ping',
      'POST /containers/create?name=web',
      `POST /containers/${id}/wait?condition=next-exit`,
      `POST /containers/${id}/start`,
    ]);
  });

  it('docker run attached: attach asks only for the streams it takes (no stdin=0), then wait, then start', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const sent = watchRequests(lab.engine);
    expect((await lab.docker('run --rm alpine echo hi')).out).toBe('hi\n');
    const id = /\/containers\/(\w+)\/start/.exec(lines(sent).join('\n'))![1]!;
    expect(lines(sent).slice(2)).toEqual([
      `POST /containers/${id}/attach?stream=1&stdout=1&stderr=1`,
      `POST /containers/${id}/wait?condition=removed`,
      `POST /containers/${id}/start`,
    ]);
  });

  it("sends container.CreateRequest whole, in Go's field order, its maps sorted", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const sent = watchRequests(lab.engine);
    await lab.docker(['create', '-p', '9090:90', '-p', '8080:80', '-l', 'z=1', '-l', 'a=2', 'alpine']);
    const body = sent[1]!.body as Record<string, Record<string, unknown>>;
    expect(Object.keys(body)).toEqual([
      'Hostname',
      'Domainname',
      'User',
      'AttachStdin',
      'AttachStdout',
      'AttachStderr',
      'ExposedPorts',
      'Tty',
      'OpenStdin',
      'StdinOnce',
      'Env',
      'Cmd',
      'Image',
      'Volumes',
      'WorkingDir',
      'Entrypoint',
      'OnBuild',
      'Labels',
      'HostConfig',
      'NetworkingConfig',
    ]);
    expect(Object.keys(body['ExposedPorts']!)).toEqual(['80/tcp', '90/tcp']);
    expect(Object.keys(body['Labels']!)).toEqual(['a', 'z']);
    const host = body['HostConfig']!;
    // the omitempty fields left out, the CLI's pointers to its flags' defaults kept
    expect(host).not.toHaveProperty('Runtime');
    expect(host).not.toHaveProperty('Init');
    expect(host).toMatchObject({
      Cgroup: '',
      Isolation: '',
      MemorySwappiness: -1,
      PidsLimit: 0,
      MaskedPaths: null,
      ReadonlyPaths: null,
    });
    // Resources inline, then MaskedPaths and ReadonlyPaths (no Mounts: omitempty)
    expect(Object.keys(host).slice(-7)).toEqual([
      'Ulimits',
      'CpuCount',
      'CpuPercent',
      'IOMaximumIOps',
      'IOMaximumBandwidth',
      'MaskedPaths',
      'ReadonlyPaths',
    ]);
    // no --network: the default endpoint, network.EndpointSettings whole
    expect(body['NetworkingConfig']).toEqual({
      EndpointsConfig: {
        default: {
          IPAMConfig: null,
          Links: null,
          Aliases: null,
          MacAddress: '',
          DriverOpts: null,
          GwPriority: 0,
          NetworkID: '',
          EndpointID: '',
          Gateway: '',
          IPAddress: '',
          IPPrefixLen: 0,
          IPv6Gateway: '',
          GlobalIPv6Address: '',
          GlobalIPv6PrefixLen: 0,
          DNSNames: null,
        },
      },
    });
  });

  it('the daemon reads swappiness -1 and a pids limit of 0 as none, as inspect shows', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    await lab.docker('create --name d1 --pids-limit 50 --memory-swappiness 10 alpine');
    const f = '{{json .HostConfig.MemorySwappiness}} {{json .HostConfig.PidsLimit}}';
    expect((await lab.docker(['inspect', '-f', f, 'c1'])).stdout).toBe('null null\n');
    expect((await lab.docker(['inspect', '-f', f, 'd1'])).stdout).toBe('10 50\n');
  });

  it("--security-opt systempaths=unconfined is the CLI's: empty path lists instead", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const sent = watchRequests(lab.engine);
    await lab.docker('create --name c1 --security-opt systempaths=unconfined alpine');
    expect(sent[1]!.body).toMatchObject({
      HostConfig: { SecurityOpt: [], MaskedPaths: [], ReadonlyPaths: [] },
    });
    const f = '{{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}}';
    expect((await lab.docker(['inspect', '-f', f, 'c1'])).stdout).toBe('[] []\n');
  });

  it('docker exec: ExecOptions without ConsoleSize when there is no TTY, Detach false and last', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run -d --name web alpine sleep 1000');
    const sent = watchRequests(lab.engine);
    await lab.docker('exec -e A=1 web true');
    expect(sent[2]).toMatchObject({ method: 'POST', path: '/containers/web/exec' });
    expect(JSON.stringify(sent[2]!.body)).toBe(
      '{"User":"","Privileged":false,"Tty":false,"AttachStdin":false,"AttachStderr":true,"AttachStdout":true,"DetachKeys":"","Env":["A=1"],"WorkingDir":"","Cmd":["true"],"Detach":false}',
    );
    expect(JSON.stringify(sent[3]!.body)).toBe('{"Detach":false,"Tty":false}');
    sent.clear();
    await lab.docker('exec -d web true');
    expect(sent[2]!.body).toMatchObject({ AttachStdout: false, Detach: false });
    expect(JSON.stringify(sent[3]!.body)).toBe('{"Detach":true,"Tty":false}');
  });
});
