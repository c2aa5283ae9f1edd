import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiClient, encodeFilters, type RequestObserver } from './client.ts';
import type { ApiResponse } from './transport.ts';

describe('encodeFilters', () => {
  it('writes the map as json.Marshal does: keys sorted at both levels, HTML characters escaped', () => {
    expect(
      encodeFilters([
        ['service', 'xyz'],
        ['_up-to-date', 'true'],
        ['label', 'b=1'],
        ['label', 'a&b'],
      ]),
    ).toBe('{"_up-to-date":{"true":true},"label":{"a\\u0026b":true,"b=1":true},"service":{"xyz":true}}');
    // keys that look like integers too: bytewise, as Go sorts them
    expect(
      encodeFilters([
        ['before', '9'],
        ['before', '10'],
        ['__proto__', 'x'],
      ]),
    ).toBe('{"__proto__":{"x":true},"before":{"10":true,"9":true}}');
    expect(encodeFilters([])).toBeUndefined();
  });

  it('any filters: JSON that decodes to every pair given, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
        const encoded = encodeFilters(pairs);
        if (pairs.length === 0) {
          expect(encoded).toBeUndefined();
          return;
        }
        const decoded = JSON.parse(encoded!) as Record<string, Record<string, boolean>>;
        for (const [k, v] of pairs) expect(decoded[k]![v]).toBe(true);
        expect(encodeFilters([...pairs].reverse())).toBe(encoded);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ApiClient and its observer', () => {
  it('tells the observer of a request as it is sent, and of the answer when it comes', async () => {
    const events: string[] = [];
    let answer!: (r: ApiResponse) => void;
    const transport = (request: { path: string }) =>
      request.path.endsWith('/wait')
        ? new Promise<ApiResponse>((resolve) => (answer = resolve))
        : Promise.resolve({ status: 200, headers: {} });
    const observer: RequestObserver = (request) => {
      events.push(`sent ${request.method} ${request.path}`);
      return (response) => events.push(`answered ${request.path} ${response.status}`);
    };
    const client = new ApiClient(transport, 'unix:///var/run/docker.sock', observer);
    const waited = client.request('POST', '/containers/x/wait');
    await new Promise((r) => setTimeout(r, 0));
    await client.request('POST', '/containers/x/start');
    answer({ status: 200, headers: {}, body: { StatusCode: 0 } });
    await waited;
    expect(events).toEqual([
      'sent HEAD /_ping',
      'answered /_ping 200',
      'sent POST /v1.51/containers/x/wait',
      'sent POST /v1.51/containers/x/start',
      'answered /v1.51/containers/x/start 200',
      'answered /v1.51/containers/x/wait 200',
    ]);
  });
});
