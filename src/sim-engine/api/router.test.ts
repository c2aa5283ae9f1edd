import { describe, expect, it } from 'vitest';
import { testLab } from '../../../test/kit/lab.ts';
import type { ApiRequest } from './transport.ts';

const api = () => testLab().engine.host().api;

/** A request as `dockersim serve` hands it over: the query and body as they were sent. */
function wire(
  method: ApiRequest['method'],
  path: string,
  query = '',
  body = '',
  contentType = body ? 'application/json' : '',
): ApiRequest {
  return { method, path, wire: { query, body, contentType } };
}

describe('the router answers as dockerd', () => {
  it('a path no route serves: 404 page not found, outside the middlewares', async () => {
    for (const path of ['/nope', '/v1.51/nope', '/v9.99/nope', '/v1.12/nope', '/v1.51']) {
      const res = await api()({ method: 'GET', path });
      expect(res).toEqual({
        status: 404,
        headers: { 'Content-Type': 'application/json' },
        body: { message: 'page not found' },
      });
    }
  });

  it('a GET route does not take HEAD, nor another method; HEAD /_ping has no body', async () => {
    const a = api();
    expect((await a({ method: 'HEAD', path: '/v1.51/containers/json' })).status).toBe(404);
    expect((await a({ method: 'DELETE', path: '/_ping' })).status).toBe(404);
    const head = await a({ method: 'HEAD', path: '/_ping' });
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
    expect(head.headers['Content-Length']).toBe('0');
    expect((await a({ method: 'GET', path: '/_ping' })).body).toBe('OK');
  });

  it('a version too new: JSON, without Docker-Experimental (the version middleware fails first)', async () => {
    const res = await api()({ method: 'GET', path: '/v9.99/containers/json' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      message: 'client version 9.99 is too new. Maximum supported API version is 1.51',
    });
    expect(res.headers).toEqual({
      'Content-Type': 'application/json',
      'Api-Version': '1.51',
      Ostype: 'linux',
      Server: 'Docker/28.5.2 (linux)',
    });
  });

  it('a version older than 1.24: plain text, as http.Error writes it', async () => {
    const res = await api()({ method: 'GET', path: '/v1.12/containers/json' });
    expect(res.status).toBe(400);
    expect(res.body).toBe(
      'client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version\n',
    );
    expect(res.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(res.headers['Docker-Experimental']).toBeUndefined();
  });

  it("reads a wire body with ReadJSON's words", async () => {
    const a = api();
    const message = async (req: ApiRequest) => ({ status: (await a(req)).status, body: (await a(req)).body });
    expect(await message(wire('POST', '/v1.51/networks/create', '', '{bad'))).toEqual({
      status: 400,
      body: { message: "invalid JSON: invalid character 'b' looking for beginning of object key string" },
    });
    expect(
      await message(wire('POST', '/v1.51/networks/create', '', '{"Name":"a"', 'application/json')),
    ).toEqual({
      status: 400,
      body: { message: 'invalid JSON: unexpected EOF' },
    });
    expect(await message(wire('POST', '/v1.51/networks/create', '', ' \n', 'application/json'))).toEqual({
      status: 400,
      body: { message: 'invalid JSON: got EOF while reading request body' },
    });
    expect(await message(wire('POST', '/v1.51/networks/create', '', '{} {}'))).toEqual({
      status: 400,
      body: { message: 'unexpected content after JSON' },
    });
    expect(await message(wire('POST', '/v1.51/networks/create', '', '{}', 'text/plain'))).toEqual({
      status: 400,
      body: { message: "unsupported Content-Type header (text/plain): must be 'application/json'" },
    });
    expect(
      await message(wire('POST', '/v1.51/networks/create', '', '{}', 'application/json; charset')),
    ).toEqual({
      status: 400,
      body: {
        message: 'malformed Content-Type header (application/json; charset): mime: invalid media parameter',
      },
    });
    expect(await message(wire('POST', '/v1.51/networks/create', '', '{}', '/json'))).toEqual({
      status: 400,
      body: { message: 'malformed Content-Type header (/json): mime: no media type' },
    });
  });

  it('a bad body on a path no route serves is still page not found', async () => {
    expect((await api()(wire('POST', '/v1.51/nope', '', '{bad'))).status).toBe(404);
  });

  it("reads a wire query with Go's url.ParseQuery", async () => {
    const a = api();
    expect((await a(wire('GET', '/v1.51/containers/json', 'filters=%zz'))).body).toEqual({
      message: 'invalid URL escape "%zz"',
    });
    expect((await a(wire('GET', '/v1.51/containers/json', 'a=1;b=2'))).body).toEqual({
      message: 'invalid semicolon separator in query',
    });
    const ok = await a(
      wire('GET', '/v1.51/containers/json', 'all=1&filters=%7B%22name%22%3A%7B%22x%22%3Atrue%7D%7D'),
    );
    expect(ok).toMatchObject({ status: 200, body: [] });
  });

  it('container create: an empty body is an EOF, a body without a Config field an empty config', async () => {
    const a = api();
    expect((await a(wire('POST', '/v1.51/containers/create', '', ''))).body).toEqual({
      message: 'invalid JSON: got EOF while reading request body',
    });
    for (const body of ['null', '{}', '{"HostConfig":{}}'])
      expect((await a(wire('POST', '/v1.51/containers/create', '', body))).body).toEqual({
        message: 'config cannot be empty in order to create a container',
      });
  });

  it('wait: the condition is checked first; the answer has no Error when the wait did not fail', async () => {
    const lab = testLab();
    const a = lab.engine.host().api;
    expect(
      (await a({ method: 'POST', path: '/containers/nothere/wait', query: { condition: 'bogus' } })).body,
    ).toEqual({ message: 'invalid condition: "bogus"' });
    await lab.docker('run --name done alpine true');
    const res = await a({ method: 'POST', path: '/containers/done/wait', query: {} });
    expect(res.body).toEqual({ StatusCode: 0 });
  });
});
