import { describe, expect, it } from 'vitest';
import { makeFs, run } from '../testing/harness.ts';
import { apt, aptGet } from './apt.ts';

const debian = () =>
  makeFs({
    '/etc/os-release':
      'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\nVERSION_ID="13"\nVERSION_CODENAME=trixie\n',
    '/var/lib/apt/lists/': '',
  });

describe('apt-get', () => {
  it('cannot locate packages before update, as on a fresh image', async () => {
    const r = await run(aptGet, ['apt-get', 'install', '-y', 'curl'], { fs: debian() });
    expect(r).toMatchObject({
      status: 100,
      stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
      stderr: 'E: Unable to locate package curl\n',
    });
  });

  it('updates, then installs curl with its dependencies', async () => {
    const fs = debian();
    const u = await run(aptGet, ['apt-get', 'update'], { fs });
    expect(u.stdout).toBe(
      [
        'Get:1 http://deb.debian.org/debian trixie InRelease [140 kB]',
        'Get:2 http://deb.debian.org/debian trixie-updates InRelease [47.3 kB]',
        'Get:3 http://deb.debian.org/debian-security trixie-security InRelease [43.4 kB]',
        'Get:4 http://deb.debian.org/debian trixie/main amd64 Packages [9679 kB]',
        'Get:5 http://deb.debian.org/debian trixie-updates/main amd64 Packages [5412 B]',
        'Get:6 http://deb.debian.org/debian-security trixie-security/main amd64 Packages [276 kB]',
        'Fetched 10.2 MB in 1s (10.2 MB/s)',
        'Reading package lists...',
        '',
      ].join('\n'),
    );
    const again = await run(aptGet, ['apt-get', 'update'], { fs });
    expect(again.stdout.split('\n')[0]).toBe('Hit:1 http://deb.debian.org/debian trixie InRelease');
    const r = await run(aptGet, ['apt-get', 'install', '-y', 'curl'], { fs });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'Reading package lists...',
      'Building dependency tree...',
      'Reading state information...',
      'The following additional packages will be installed:',
      '  bash-completion ca-certificates krb5-locales libbrotli1 libcom-err2',
      '  libcurl4t64 libffi8 libgnutls30t64 libgssapi-krb5-2 libidn2-0 libk5crypto3',
      '  libkeyutils1 libkrb5-3 libkrb5support0 libldap-common libldap2 libnghttp2-14',
      '  libnghttp3-9 libp11-kit0 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules',
      '  libsasl2-modules-db libssh2-1t64 libtasn1-6 libunistring5 openssl',
    ]);
    expect(r.stdout).toContain('0 upgraded, 30 newly installed, 0 to remove and 0 not upgraded.\n');
    expect(r.stdout).toMatch(
      /\nGet:\d+ http:\/\/deb\.debian\.org\/debian trixie\/main amd64 curl amd64 8\.14\.1-2\+deb13u7 \[270 kB\]\n/,
    );
    expect(r.stdout).toContain('Selecting previously unselected package libbrotli1:amd64.\n');
    expect(r.stdout).toContain('Setting up curl (8.14.1-2+deb13u7) ...\n');
    expect(fs.stat('/usr/bin/curl')).toMatchObject({ program: 'curl', mode: 0o755 });
    const twice = await run(aptGet, ['apt-get', 'install', '-y', 'curl'], { fs });
    expect(twice.stdout).toContain(
      'curl is already the newest version (8.14.1-2+deb13u7).\n0 upgraded, 0 newly installed',
    );
  });

  it('aborts without -y when stdin is not a terminal', async () => {
    const fs = debian();
    await run(aptGet, ['apt-get', 'update'], { fs });
    const r = await run(aptGet, ['apt-get', 'install', 'procps'], { fs });
    expect(r.status).toBe(1);
    expect(r.stdout.endsWith('Do you want to continue? [Y/n] Abort.\n')).toBe(true);
    expect(fs.stat('/usr/bin/ps')).toBeUndefined();
  });

  it('reports unknown packages with status 100', async () => {
    const fs = debian();
    await run(aptGet, ['apt-get', 'update'], { fs });
    expect(await run(aptGet, ['apt-get', 'install', '-y', 'nosuchpkg'], { fs })).toMatchObject({
      status: 100,
      stderr: 'E: Unable to locate package nosuchpkg\n',
    });
  });
});

describe('apt', () => {
  it('warns on a pipe and uses apt 3.0 output on trixie', async () => {
    const fs = debian();
    const u = await run(apt, ['apt', 'update'], { fs });
    expect(u.stderr).toBe(
      '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n',
    );
    expect(
      u.stdout.endsWith(
        'Reading package lists...\nBuilding dependency tree...\nReading state information...\nAll packages are up to date.\n',
      ),
    ).toBe(true);
    const r = await run(apt, ['apt', 'install', '-y', 'iputils-ping'], { fs });
    expect(r.stdout).toContain('Installing:\n  iputils-ping\n\nInstalling dependencies:\n');
    expect(r.stdout).toContain('Summary:\n  Upgrading: 0, Installing: 4, Removing: 0, Not Upgrading: 0\n');
    expect(fs.stat('/usr/bin/ping')?.program).toBe('ping@iputils');
  });
});
