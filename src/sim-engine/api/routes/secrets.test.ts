import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import type { ApiRequest } from '../transport.ts';

/** A one-node swarm's manager, and its Engine API. */
async function manager() {
  const lab = testLab();
  const host = lab.engine.host();
  const api = (r: Omit<ApiRequest, 'query'> & { query?: Record<string, string> }) =>
    host.api({ query: {}, ...r } as ApiRequest);
  const init = await api({ method: 'POST', path: '/swarm/init', body: { ListenAddr: '0.0.0.0:2377' } });
  expect(init.status).toBe(200);
  return api;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('secret and config routes', () => {
  it('creates a secret (201 {ID}), never shows its data, finds it by ID, name or ID prefix', async () => {
    const api = await manager();
    const created = await api({
      method: 'POST',
      path: '/secrets/create',
      body: { Name: 'db_password', Labels: { env: 'prod' }, Data: b64('s3cret\n') },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { ID: string }).ID;
    expect(id).toMatch(/^[0-9a-z]{25}$/);
    for (const ref of [id, 'db_password', 'DB_Password', id.slice(0, 5)]) {
      const got = await api({ method: 'GET', path: `/secrets/${ref}` });
      expect(got.status).toBe(200);
      expect(Object.keys(got.body as object)).toEqual(['ID', 'Version', 'CreatedAt', 'UpdatedAt', 'Spec']);
      expect((got.body as { Spec: unknown }).Spec).toEqual({ Name: 'db_password', Labels: { env: 'prod' } });
    }
    const missing = await api({ method: 'GET', path: '/secrets/nothere' });
    expect([missing.status, (missing.body as { message: string }).message]).toEqual([
      404,
      'secret nothere not found',
    ]);
  });

  it('shows a config with its data, and lists by name prefix, id, label', async () => {
    const api = await manager();
    for (const [name, labels] of [
      ['site.conf', { app: 'web' }],
      ['site-extra', {}],
      ['other', { app: 'db' }],
    ] as const)
      expect(
        (
          await api({
            method: 'POST',
            path: '/configs/create',
            body: { Name: name, Labels: labels, Data: b64(name) },
          })
        ).status,
      ).toBe(201);
    const names = async (filters: object) =>
      (
        (await api({ method: 'GET', path: '/configs', query: { filters: JSON.stringify(filters) } }))
          .body as {
          Spec: { Name: string };
        }[]
      )
        .map((c) => c.Spec.Name)
        .sort();
    expect(await names({})).toEqual(['other', 'site-extra', 'site.conf']);
    expect(await names({ name: { SITE: true } })).toEqual(['site-extra', 'site.conf']);
    expect(await names({ label: { app: true } })).toEqual(['other', 'site.conf']);
    expect(await names({ label: { 'app=db': true } })).toEqual(['other']);
    const bad = await api({ method: 'GET', path: '/configs', query: { filters: '{"names":{"x":true}}' } });
    expect([bad.status, (bad.body as { message: string }).message]).toEqual([400, "invalid filter 'names'"]);
    const got = await api({ method: 'GET', path: '/configs/other' });
    expect((got.body as { Spec: unknown }).Spec).toEqual({
      Name: 'other',
      Labels: { app: 'db' },
      Data: b64('other'),
    });
  });

  it("answers SwarmKit's refusals: names, sizes, duplicates, updates, a bad body", async () => {
    const api = await manager();
    const message = async (r: Parameters<typeof api>[0]) => {
      const res = await api(r);
      return `${res.status} ${(res.body as { message?: string } | undefined)?.message ?? ''}`;
    };
    const create = (body: object) => message({ method: 'POST', path: '/secrets/create', body });
    expect(await create({ Name: 'a', Data: b64('x') })).toBe('201 ');
    expect(await create({ Name: 'A', Data: b64('y') })).toBe(
      '409 rpc error: code = AlreadyExists desc = secret A already exists',
    );
    expect(await create({ Name: '-bad', Data: b64('x') })).toBe(
      '400 rpc error: code = InvalidArgument desc = invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]',
    );
    expect(await create({ Data: b64('x') })).toBe(
      '400 rpc error: code = InvalidArgument desc = name must be provided',
    );
    expect(await create({ Name: 'empty' })).toBe(
      '400 rpc error: code = InvalidArgument desc = secret data must be larger than 0 and less than 512000 bytes',
    );
    expect(await create({ Name: 'big', Data: b64('x'.repeat(512000)) })).toMatch(/less than 512000 bytes$/);
    expect(await create({ Name: 'justfits', Data: b64('x'.repeat(511999)) })).toBe('201 ');
    expect(
      await message({
        method: 'POST',
        path: '/configs/create',
        body: { Name: 'big', Data: b64('x'.repeat(1024000)) },
      }),
    ).toBe(
      '400 rpc error: code = InvalidArgument desc = config data must be larger than 0 and less than 1024000 bytes',
    );
    expect(await create({ Name: 'b', Data: 'not base64!' })).toBe(
      '400 invalid JSON: illegal base64 data at input byte 3',
    );
    expect(await create({ Name: 'b', Data: 'abc' })).toBe(
      '400 invalid JSON: illegal base64 data at input byte 0',
    );
    expect(await create({ Name: 'd', Driver: { Name: 'vault' } })).toBe(
      '500 rpc error: code = Unknown desc = plugin "vault" not found',
    );

    const a = (await api({ method: 'GET', path: '/secrets/a' })).body as {
      ID: string;
      Version: { Index: number };
    };
    const update = (version: string, body: object) =>
      message({ method: 'POST', path: `/secrets/a/update`, query: { version }, body });
    expect(await update('x', { Name: 'a' })).toBe('400 invalid secret version');
    expect(await update(String(a.Version.Index), { Name: 'b' })).toBe(
      '400 rpc error: code = InvalidArgument desc = only updates to Labels are allowed',
    );
    expect(await update(String(a.Version.Index), { Name: 'a', Data: b64('other') })).toBe(
      '400 rpc error: code = InvalidArgument desc = only updates to Labels are allowed',
    );
    expect(await update(String(a.Version.Index + 100), { Name: 'a' })).toBe(
      '500 rpc error: code = Unknown desc = update out of sequence',
    );
    expect(await update(String(a.Version.Index), { Name: 'a', Data: b64('x'), Labels: { k: 'v' } })).toBe(
      '200 ',
    );
    const after = (await api({ method: 'GET', path: '/secrets/a' })).body as {
      Version: { Index: number };
      Spec: object;
    };
    expect(after.Spec).toEqual({ Name: 'a', Labels: { k: 'v' } });
    expect(after.Version.Index).toBeGreaterThan(a.Version.Index);

    expect(await message({ method: 'DELETE', path: '/secrets/a' })).toBe('204 ');
    expect(await message({ method: 'DELETE', path: '/secrets/a' })).toBe('404 secret a not found');
  });

  it('is a manager-only API', async () => {
    const host = testLab().engine.host();
    const res = await host.api({ method: 'GET', path: '/secrets', query: {} });
    expect(res.status).toBe(503);
  });
});
