import { describe, expect, it } from 'vitest';
import { testLab, yieldToEngine, type TestLab } from '../../../../../test/kit/lab.ts';
import { drive } from '../../../headless/drive.ts';

const WARNING =
  "\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";
const INSECURE = 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n';
const DENIED = 'denied: requested access to the resource is denied\n';

function readFile(lab: TestLab, path: string, node?: string): string | undefined {
  try {
    return lab.engine.host(node).fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** `docker …` with stdin and stdout on a terminal, as in the lab's page. */
async function dockerTty(lab: TestLab, argv: string[], input: string) {
  const host = lab.engine.host();
  let out = '';
  let left: string | undefined = input;
  const proc = host.processes.spawn('docker', ['docker', ...argv], {
    fs: host.fs,
    env: new Map([['HOME', '/root']]),
    cwd: '/root',
    tty: true,
    stdin: {
      read: async () => {
        const v = left ?? null;
        left = undefined;
        return v;
      },
    },
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (out += t) },
  });
  const r = await drive(proc.wait(), { clock: lab.engine.clock, yieldToEngine });
  return { out, status: r.value as number };
}

describe('docker login / logout with the simulated Docker Hub', () => {
  it('logs in with -u/-p, writes config.json as the CLI does, and lets the user push to their namespace', async () => {
    const lab = testLab({ images: ['alpine:latest'], nodes: 2 });
    await lab.docker('tag alpine:latest learner/app:1');
    expect((await lab.docker('push learner/app:1')).stderr).toBe(DENIED);

    const login = await lab.docker('login -u learner -p secret');
    expect(login).toMatchObject({ stdout: 'Login Succeeded\n', stderr: INSECURE + WARNING, status: 0 });
    expect(readFile(lab, '/root/.docker/config.json')).toBe(
      '{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "bGVhcm5lcjpzZWNyZXQ="\n\t\t}\n\t}\n}',
    );
    expect(lab.engine.host().fs.stat('/root/.docker/config.json')!.mode & 0o777).toBe(0o600);
    // the same credentials again: the file store has nothing to change, and says nothing
    expect(await lab.docker('login -u learner -p secret')).toMatchObject({
      stdout: 'Login Succeeded\n',
      stderr: INSECURE,
    });

    const push = await lab.docker('push learner/app:1');
    expect(push.status).toBe(0);
    const lines = push.stdout.trim().split('\n');
    expect(lines[0]).toBe('The push refers to repository [docker.io/learner/app]');
    // alpine was pulled from Docker Hub: its layer is mounted from there
    expect(lines[2]).toMatch(/^[0-9a-f]{12}: Mounted from library\/alpine$/);
    expect(lines[3]).toMatch(/^1: digest: sha256:[0-9a-f]{64} size: \d+$/);
    const digest = lines[3]!.split(' ')[2]!;

    // another namespace is not the user's
    await lab.docker('tag alpine:latest otheruser/app:1');
    expect(await lab.docker('push otheruser/app:1')).toMatchObject({ stderr: DENIED, status: 1 });

    // the image is on the Hub: another node (not logged in) pulls it
    expect(readFile(lab, '/root/.docker/config.json', 'node2')).toBeUndefined();
    await lab.docker('rmi alpine:latest', { node: 'node2' });
    const pull = await lab.docker('pull learner/app:1', { node: 'node2' });
    expect(pull.status).toBe(0);
    expect(pull.stdout).toContain('1: Pulling from learner/app\n');
    expect(pull.stdout).toContain(`Digest: ${digest}\n`);
    expect(pull.stdout).toContain(
      'Status: Downloaded newer image for learner/app:1\ndocker.io/learner/app:1\n',
    );
    expect((await lab.docker('run --rm learner/app:1 echo hi', { node: 'node2' })).stdout).toBe('hi\n');
    // login state is per client: node2's CLI has none
    await lab.docker('tag learner/app:1 learner/app:2', { node: 'node2' });
    expect((await lab.docker('push learner/app:2', { node: 'node2' })).stderr).toBe(DENIED);
    expect((await lab.docker('pull learner/app:2', { node: 'node2' })).stderr).toBe(
      'Error response from daemon: manifest for learner/app:2 not found: manifest unknown: manifest unknown\n',
    );

    // logout
    expect(await lab.docker('logout')).toMatchObject({
      stdout: 'Removing login credentials for https://index.docker.io/v1/\n',
      stderr: '',
      status: 0,
    });
    expect(readFile(lab, '/root/.docker/config.json')).toBe('{\n\t"auths": {}\n}');
    expect((await lab.docker('logout')).stdout).toBe(
      'Removing login credentials for https://index.docker.io/v1/\n',
    );
    expect((await lab.docker('push learner/app:1')).stderr).toBe(DENIED);
  });

  it('reads the password from stdin, and logs in again with stored credentials', async () => {
    const lab = testLab();
    const r = await lab.docker('login -u learner --password-stdin', { stdin: 'pw\n' });
    expect(r).toMatchObject({ stdout: 'Login Succeeded\n', stderr: WARNING, status: 0 });
    expect(readFile(lab, '/root/.docker/config.json')).toContain('"auth": "bGVhcm5lcjpwdw=="');
    expect(await lab.docker('login')).toMatchObject({
      stdout: 'Login Succeeded\n',
      stderr:
        "Authenticating with existing credentials... [Username: learner]\n\n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n",
      status: 0,
    });
  });

  it('prompts on a terminal', async () => {
    const lab = testLab();
    const r = await dockerTty(lab, ['login'], 'learner\nsecret\n');
    expect(r.status).toBe(0);
    expect(r.out).toContain('Failed to start web-based login - falling back to command line login...\n\n');
    expect(r.out).toContain(
      "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n",
    );
    expect(r.out).toContain('Username: ');
    expect(r.out).toContain('A Personal Access Token (PAT) can be used instead.');
    expect(r.out).toContain('Password: \n');
    expect(r.out.endsWith('Login Succeeded\n')).toBe(true);
    expect(readFile(lab, '/root/.docker/config.json')).toContain('"auth": "bGVhcm5lcjpzZWNyZXQ="');
    const empty = await dockerTty(lab, ['login', '-u', 'learner'], '\n');
    expect(empty.out).toContain('Error: Password Required\n');
    expect(empty.status).toBe(1);
  });

  it("fails with the CLI's and the Hub's messages", async () => {
    const lab = testLab();
    const fails = async (args: string | string[], stderr: string, stdin?: string) =>
      expect(await lab.docker(args, { stdin })).toMatchObject({ stdout: '', stderr, status: 1 });
    await fails('login', 'Error: Cannot perform an interactive login from a non TTY device\n');
    await fails('login -u learner', 'Error: Cannot perform an interactive login from a non TTY device\n');
    await fails(
      'login -u learner -p x --password-stdin',
      'conflicting options: cannot specify both --password and --password-stdin\n',
    );
    await fails('login --password-stdin', 'the --password-stdin option requires --username to be set\n');
    await fails(['login', '-u', ''], 'username is empty\n');
    await fails(['login', '-u', 'learner', '-p', ''], 'password is empty\n');
    const unauthorized =
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n';
    await fails('login -u Learner -p secret', INSECURE + unauthorized);
    await fails('login -u abc -p secret', INSECURE + unauthorized);
    // an empty password from stdin leaves only the prompt, which needs a terminal
    await fails(
      'login -u learner --password-stdin',
      'Error: Cannot perform an interactive login from a non TTY device\n',
      '\n',
    );
    expect(readFile(lab, '/root/.docker/config.json')).toBeUndefined();
  });

  it('logs in to a registry container (no authentication) and out again', async () => {
    const lab = testLab({ images: ['registry:2'] });
    expect((await lab.docker('login localhost:5000 -u a -p b')).stderr).toBe(
      INSECURE +
        'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
    );
    await lab.docker('run -d -p 5000:5000 --name registry registry:2');
    expect((await lab.docker('login localhost:5000 -u a -p b')).stdout).toBe('Login Succeeded\n');
    expect(readFile(lab, '/root/.docker/config.json')).toContain('"localhost:5000": {\n\t\t\t"auth": "YTpi"');
    expect((await lab.docker('logout http://localhost:5000/')).stdout).toBe(
      'Removing login credentials for localhost:5000\n',
    );
    expect(readFile(lab, '/root/.docker/config.json')).toBe('{\n\t"auths": {}\n}');
  });
});
