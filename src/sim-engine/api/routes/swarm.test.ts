import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

/** Every key of a JSON value in document order, nested keys indented. */
function keys(v: unknown, indent = ''): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [];
  return Object.entries(v).flatMap(([k, e]) => [indent + k, ...keys(e, indent + '  ')]);
}

describe('swarm routes', () => {
  it('GET /swarm answers swarm.Swarm as encoding/json writes it (keys as dockerd 20.10 wrote them after `swarm init`)', async () => {
    const host = testLab().engine.host();
    expect((await host.api({ method: 'POST', path: '/swarm/init', body: {} })).status).toBe(200);
    const swarm = await host.api({ method: 'GET', path: '/v1.51/swarm' });
    expect(keys(swarm.body)).toEqual([
      'ID',
      'Version',
      '  Index',
      'CreatedAt',
      'UpdatedAt',
      'Spec',
      '  Name',
      '  Labels',
      '  Orchestration',
      '    TaskHistoryRetentionLimit',
      '  Raft',
      '    SnapshotInterval',
      '    KeepOldSnapshots',
      '    LogEntriesForSlowFollowers',
      '    ElectionTick',
      '    HeartbeatTick',
      '  Dispatcher',
      '    HeartbeatPeriod',
      '  CAConfig',
      '    NodeCertExpiry',
      '  TaskDefaults',
      '  EncryptionConfig',
      '    AutoLockManagers',
      'TLSInfo',
      '  TrustRoot',
      '  CertIssuerSubject',
      '  CertIssuerPublicKey',
      'RootRotationInProgress',
      'DefaultAddrPool',
      'SubnetSize',
      'DataPathPort',
      'JoinTokens',
      '  Worker',
      '  Manager',
    ]);
  });
});
