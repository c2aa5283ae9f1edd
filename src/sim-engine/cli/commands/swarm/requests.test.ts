/**
 * The bodies of `swarm init` and `swarm join` as the real docker CLI 28 writes them
 * (checked against it in test/serve/requests): swarm.InitRequest and JoinRequest in
 * Go's field order, the Spec's struct fields always there.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { watchRequests } from '../../../../../test/kit/requests.ts';
import { goSwarmSpec } from './opts.ts';

describe('the requests of swarm init and join', () => {
  it('swarm init: the whole InitRequest, Availability "" when not given', async () => {
    const lab = testLab();
    const sent = watchRequests(lab.engine);
    expect((await lab.docker('swarm init')).status).toBe(0);
    expect(JSON.stringify(sent[1]!.body)).toBe(
      '{"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"","DataPathAddr":"","DataPathPort":0,"ForceNewCluster":false,"Spec":{"Labels":null,"Orchestration":{},"Raft":{"ElectionTick":0,"HeartbeatTick":0},"Dispatcher":{},"CAConfig":{},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":false}},"AutoLockManagers":false,"Availability":"","DefaultAddrPool":[],"SubnetSize":24}',
    );
  });

  it('swarm init with flags: only what they set, in its place', async () => {
    const lab = testLab();
    const sent = watchRequests(lab.engine);
    await lab.docker(
      'swarm init --availability drain --task-history-limit 0 --snapshot-interval 500 --autolock',
    );
    const body = sent[1]!.body as { Spec: unknown; Availability: string };
    expect(body.Availability).toBe('drain');
    expect(JSON.stringify(body.Spec)).toBe(
      '{"Labels":null,"Orchestration":{"TaskHistoryRetentionLimit":0},"Raft":{"SnapshotInterval":500,"ElectionTick":0,"HeartbeatTick":0},"Dispatcher":{},"CAConfig":{},"TaskDefaults":{},"EncryptionConfig":{"AutoLockManagers":true}}',
    );
  });

  it('goSwarmSpec writes an external CA without empty options', () => {
    expect(
      goSwarmSpec({
        CAConfig: { ExternalCAs: [{ Protocol: 'cfssl', URL: 'https://ca', Options: {}, CACert: '' }] },
      }).CAConfig,
    ).toEqual({ ExternalCAs: [{ Protocol: 'cfssl', URL: 'https://ca', CACert: '' }] });
  });

  it('swarm join: JoinRequest in its field order', async () => {
    const lab = testLab({ nodes: 2 });
    await lab.docker('swarm init --advertise-addr 192.168.0.11');
    const token = (await lab.docker('swarm join-token -q worker')).stdout.trim();
    const sent = watchRequests(lab.engine, 'node2');
    expect(
      (await lab.docker(['swarm', 'join', '--token', token, '192.168.0.11:2377'], { node: 'node2' })).status,
    ).toBe(0);
    expect(JSON.stringify(sent[1]!.body)).toBe(
      `{"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"","DataPathAddr":"","RemoteAddrs":["192.168.0.11:2377"],"JoinToken":"${token}","Availability":""}`,
    );
  });
});
