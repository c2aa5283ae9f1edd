import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker search', () => {
  it('lists matching repositories of the simulated Hub', async () => {
    const lab = testLab();
    const r = await lab.docker('search nginx');
    expect(r.out).toBe(
      'NAME      DESCRIPTION                STARS     OFFICIAL\nnginx     Official build of Nginx.   21386     [OK]\n',
    );
    const o = await lab.docker('search --filter is-official=true --limit 3 o');
    expect(o.out).toBe(
      'NAME       DESCRIPTION                                     STARS     OFFICIAL\n' +
        'postgres   The PostgreSQL object-relational database sy…   14512     [OK]\n' +
        'node       Node.js is a JavaScript-based platform for s…   13791     [OK]\n' +
        'python     Python is an interpreted, interactive, objec…   10248     [OK]\n',
    );
    const w = await lab.docker(['search', '--filter', 'is-official=false', '--no-trunc', 'whoami']);
    expect(w.out.split('\n')[1]).toBe(
      'traefik/whoami   Tiny Go webserver that prints os information and HTTP request to output   73        ',
    );
  });

  it('renders templates and json', async () => {
    const lab = testLab();
    expect((await lab.docker(['search', '--format', '{{.Name}}: {{.StarCount}}', 'alpine'])).out).toBe(
      'alpine: 11612\n',
    );
    const j = JSON.parse((await lab.docker(['search', '--format', 'json', 'busybox'])).out);
    expect(j).toEqual({
      Description: 'Busybox base image.',
      IsOfficial: 'true',
      Name: 'busybox',
      StarCount: '3431',
    });
  });

  it('checks limits and filters as the daemon does', async () => {
    const lab = testLab();
    expect((await lab.docker('search --limit 101 x')).stderr).toBe(
      'Error response from daemon: limit 101 is outside the range of [1, 100]\n',
    );
    expect((await lab.docker('search --filter stars=abc x')).stderr).toBe(
      `Error response from daemon: invalid filter 'stars=abc': strconv.Atoi: parsing "abc": invalid syntax\n`,
    );
    const auto = await lab.docker('search --filter is-automated=true nginx');
    expect(auto.stderr).toMatch(/^WARNING: the "is-automated" filter is deprecated/);
    expect(auto.stdout).toBe('NAME      DESCRIPTION   STARS     OFFICIAL\n');
    const stars = await lab.docker(['search', '--filter', 'stars=15000', '--format', '{{.StarCount}}', 'o']);
    expect(stars.out.trim().split('\n').map(Number)).toEqual([21386, 17943, 15987]);
  });
});
