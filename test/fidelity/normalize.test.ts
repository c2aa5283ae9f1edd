import { describe, expect, it } from 'vitest';
import { dropOracleArtifacts, normalize, normalizeLine } from './normalize.ts';

// Expected values are what the oracle's normalize.mjs prints for the same input.
describe('normalizeLine', () => {
  it('masks IDs, relative times and the random name of a docker ps row', () => {
    expect(
      normalizeLine(
        '5178e17780e5   alpine    "true"    Less than a second ago   Exited (0) Less than a second ago             hardcore_feistel',
        'vm',
      ),
    ).toBe('<ID> alpine "true" <AGO> Exited (0) <AGO> <NAME>');
  });

  it('keeps a chosen name, masks "Up …" and IPv4 but not IPv6 bindings', () => {
    expect(
      normalizeLine(
        '54ce2335a783   nginx     "/docker-entrypoint.…"   2 minutes ago   Up About a minute   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web',
        'vm',
      ),
    ).toBe('<ID> nginx "/docker-entrypoint.…" <AGO> Up <DUR> <IP>:8080->80/tcp, [::]:8080->80/tcp web');
  });

  it('masks full IDs, digests, sizes and timestamps', () => {
    expect(
      normalizeLine(
        'Error response from daemon: conflict: unable to delete 5895d6b59282 (must be forced) - image is being used by stopped container eb92c04660c5',
      ),
    ).toBe(
      'Error response from daemon: conflict: unable to delete <ID> (must be forced) - image is being used by stopped container <ID>',
    );
    expect(
      normalizeLine('Deleted: sha256:5895d6b59282adc22931ae362a971ceb8439cb4c96a2b95ce5a13854f177671b'),
    ).toBe('Deleted: <DIGEST>');
    expect(normalizeLine('cache     0B (virtual 1.99MB)')).toBe('cache <SIZE> (virtual <SIZE>)');
    expect(normalizeLine('2026-11-28T05:42:36.279230771Z line 1')).toBe('<TIME> line 1');
    expect(normalizeLine('job created Less than a second ago at 2026-11-28 05:30:54 +0000 UTC')).toBe(
      'job created <AGO> at <TIME>',
    );
    expect(
      normalizeLine(
        '172.17.0.1 - - [28/Nov/2026:05:42:39 +0000] "GET / HTTP/1.1" 200 896 "-" "curl/7.88.1" "-"',
      ),
    ).toBe('<IP> - - [<TIME>] "GET / HTTP/1.1" 200 896 "-" "curl/7.88.1" "-"');
    expect(normalizeLine('1:C 28 Nov 2026 06:07:02.000 * Redis version=8.10.1')).toBe(
      '1:C <TIME> * Redis version=8.10.1',
    );
  });

  it('masks a 12-hex hostname only when it mixes letters and digits', () => {
    expect(normalizeLine('HOSTNAME=371f528f53ad')).toBe('HOSTNAME=<ID>');
    expect(normalizeLine('HOSTNAME=123456789012')).toBe('HOSTNAME=123456789012');
  });

  it('masks the node hostname as a whole word only', () => {
    expect(normalizeLine('vm', 'vm')).toBe('<HOST>');
    expect(normalizeLine('Name: vm', 'vm')).toBe('Name: <HOST>');
    expect(normalizeLine('vmware vm-1', 'vm')).toBe('vmware vm-1');
    expect(normalizeLine('node1', '')).toBe('node1');
  });

  it('masks a UUID (BuildKit cache refs name the daemon ID)', () => {
    expect(
      normalizeLine(
        'checksum of ref 3f6c1b9e-8d27-4a5e-b0c4-91e2d7a6f318::q8vzx4kd2m7nw1c5hy9t0ljbp: "/x": not found',
        '',
      ),
    ).toBe('checksum of ref <UUID>::<SID>: "/x": not found');
  });

  it('masks swarm tokens and IDs', () => {
    expect(
      normalizeLine('SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx'),
    ).toBe('<TOKEN>');
    expect(normalizeLine('x1y2z3a4b5c6d7e8f9g0h1i2j  abc  def')).toBe('<SID> abc def');
  });
});

describe('normalize', () => {
  it('collapses swarm progress and verify lines and sorts stack service lines', () => {
    const text = [
      'overall progress: 0 out of 3 tasks',
      'overall progress: 1 out of 3 tasks',
      'overall progress: 3 out of 3 tasks',
      'overall progress: 3 out of 3 tasks',
      'verify: Waiting 5 seconds to verify that tasks are stable...',
      'verify: Waiting 4 seconds to verify that tasks are stable...',
      'Removing service b_web',
      'Removing service a_db',
    ].join('\n');
    expect(normalize(text, { host: 'vm' })).toBe(
      [
        'overall progress: 0 out of 3 tasks',
        'overall progress: 3 out of 3 tasks',
        'verify: Waiting...',
        'Removing service a_db',
        'Removing service b_web',
      ].join('\n'),
    );
  });

  it('sorts stack rm network lines, and never across a service line', () => {
    const text = [
      'Removing service app_web',
      'Removing network app_front',
      'Removing network app_back',
      'Removing service other_hello',
      'Removing network other_default',
    ].join('\n');
    expect(normalize(text, { host: '' }).split('\n')).toEqual([
      'Removing service app_web',
      'Removing network app_back',
      'Removing network app_front',
      'Removing service other_hello',
      'Removing network other_default',
    ]);
  });

  it('normalizes a golden transcript and a simulated one to the same text', () => {
    const recorded =
      '$ docker run -d --name web nginx\n54ce2335a7833cd81ed78c558b08ce718845eb5dc7987f771ebd4195d40dc222\n$ hostname\nvm\n';
    const simulated =
      '$ docker run -d --name web nginx\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n$ hostname\nnode1\n';
    expect(normalize(recorded, { host: 'vm' })).toBe(normalize(simulated, { host: 'node1' }));
  });

  it('drops the oracle-only blocks on request', () => {
    const text =
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
      '            Install the buildx component to build images with BuildKit:\n' +
      '            https://docs.docker.com/go/buildx/\n\n' +
      'Sending build context to Docker daemon  2.048kB\n';
    expect(dropOracleArtifacts(text)).toBe('Sending build context to Docker daemon  2.048kB\n');
    expect(normalize(text, { dropOracleArtifacts: true, host: '' })).toBe(
      'Sending build context to Docker daemon <SIZE>\n',
    );
    expect(normalize(text, { host: '' }).split('\n')[0]).toBe(
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
    );
  });
});
