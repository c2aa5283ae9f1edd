/**
 * The bodies of `network create` and `network connect` as the real docker CLI 28 writes
 * them (checked against it in test/serve/requests): Go's field order, whole structs.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { watchRequests } from '../../../../../test/kit/requests.ts';
import { goEndpointSettings } from '../opts/endpoint-settings.ts';

describe('the requests of the network commands', () => {
  it("network create: CreateOptions' fields, then Name; IPAM's Options before Config; maps sorted", async () => {
    const lab = testLab();
    const sent = watchRequests(lab.engine);
    await lab.docker('network create -o z=1 -o a=2 --label y=1 --label b=2 app');
    const body = sent[1]!.body as Record<string, Record<string, unknown>>;
    expect(Object.keys(body)).toEqual([
      'Driver',
      'Scope',
      'IPAM',
      'Internal',
      'Attachable',
      'Ingress',
      'ConfigOnly',
      'ConfigFrom',
      'Options',
      'Labels',
      'Name',
    ]);
    expect(Object.keys(body['IPAM']!)).toEqual(['Driver', 'Options', 'Config']);
    expect(Object.keys(body['Options']!)).toEqual(['a', 'z']);
    expect(Object.keys(body['Labels']!)).toEqual(['b', 'y']);
  });

  it('network connect: EndpointSettings whole, its IPAMConfig with only what is set', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create app');
    await lab.docker('create --name cc alpine');
    const sent = watchRequests(lab.engine);
    await lab.docker('network connect app cc');
    expect(JSON.stringify(sent[1]!.body)).toBe(
      '{"Container":"cc","EndpointConfig":{"IPAMConfig":{},"Links":null,"Aliases":[],"MacAddress":"","DriverOpts":{},"GwPriority":0,"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"DNSNames":null}}',
    );
    sent.clear();
    await lab.docker('network disconnect app cc');
    await lab.docker('network connect --ip 172.18.0.9 app cc');
    const connect = sent.findLast((r) => r.path === '/networks/app/connect')!;
    expect((connect.body as { EndpointConfig: unknown }).EndpointConfig).toMatchObject({
      IPAMConfig: { IPv4Address: '172.18.0.9' },
    });
  });

  it('goEndpointSettings leaves nothing out, and keeps what was given', () => {
    expect(Object.keys(goEndpointSettings({}))).toHaveLength(15);
    expect(
      goEndpointSettings({ Aliases: ['a'], IPAMConfig: { IPv6Address: 'fd00::1', LinkLocalIPs: [] } }),
    ).toMatchObject({ Aliases: ['a'], IPAMConfig: { IPv6Address: 'fd00::1' } });
    expect(goEndpointSettings({ IPAMConfig: { IPv4Address: '', IPv6Address: '' } }).IPAMConfig).toEqual({});
  });
});
