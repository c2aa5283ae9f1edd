/**
 * Networks seen from inside containers, with the lab's real programs: BusyBox's
 * ping, nslookup and wget against nginx, across user-defined, default and internal
 * networks.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { HOST_UTILITIES, programRegistry } from '../../../programs.ts';

const lab = () =>
  testLab({
    images: ['alpine:latest', 'nginx:latest'],
    programs: programRegistry(),
    utilities: HOST_UTILITIES,
  });

describe('containers on networks', () => {
  it('reach each other by name on a user-defined network, not on the default bridge', async () => {
    const l = lab();
    await l.docker('network create app');
    await l.docker('run -d --name web --network app nginx');
    await l.docker('run -d --name legacy nginx');
    const ping = await l.docker('run --rm --network app alpine ping -c 1 web');
    expect(ping.stdout).toMatch(
      /^PING web \(172\.18\.0\.2\): 56 data bytes\n64 bytes from 172\.18\.0\.2: seq=0 ttl=64/,
    );
    const lookup = await l.docker('run --rm --network app alpine nslookup web');
    expect(lookup.stdout).toContain('Server:\t\t127.0.0.11\n');
    expect(lookup.stdout).toContain('Name:\tweb\nAddress: 172.18.0.2\n');
    const page = await l.docker('run --rm --network app alpine wget -qO- http://web/');
    expect(page.stdout).toContain('<title>Welcome to nginx!</title>');
    // the default bridge has no names
    expect((await l.docker('run --rm alpine wget -qO- http://legacy/')).stderr).toBe(
      "wget: bad address 'legacy'\n",
    );
    // nor a route to another bridge
    const across = await l.docker('run --rm alpine wget -qO- -T 2 http://172.18.0.2/');
    expect(across.status).toBe(1);
  });

  it('get names on connect and lose them on disconnect', async () => {
    const l = lab();
    await l.docker('network create app');
    await l.docker('run -d --name web nginx');
    await l.docker('run -d --name client --network app alpine sleep 1000');
    expect((await l.docker('exec client wget -qO- http://web/')).stderr).toBe("wget: bad address 'web'\n");
    await l.docker('network connect --alias frontend app web');
    expect((await l.docker('exec client wget -qO- http://frontend/')).stdout).toContain('Welcome to nginx!');
    await l.docker('network disconnect app web');
    expect((await l.docker('exec client wget -qO- http://frontend/')).stderr).toBe(
      "wget: bad address 'frontend'\n",
    );
  });

  it('publish ports through the host, and keep internal networks inside', async () => {
    const l = lab();
    await l.docker('run -d --name pub -p 8080:80 nginx');
    expect((await l.docker('run --rm alpine wget -qO- http://node1:8080/')).stdout).toContain(
      'Welcome to nginx!',
    );
    await l.docker('network create --internal priv');
    await l.docker('run -d --name secret --network priv nginx');
    expect((await l.docker('run --rm --network priv alpine wget -qO- http://secret/')).stdout).toContain(
      'Welcome to nginx!',
    );
    expect((await l.docker('run --rm --network priv alpine wget -qO- -T 2 http://node1:8080/')).status).toBe(
      1,
    );
  });
});
