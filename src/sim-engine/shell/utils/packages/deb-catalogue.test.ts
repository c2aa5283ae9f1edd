import { describe, expect, it } from 'vitest';
import { makeFs } from '../testing/harness.ts';
import { BASE_PACKAGES, closure, flavourOf } from './deb-catalogue.ts';

// what `apt-get -s install` printed against the trixie index and a minbase status file
const REAL: Record<string, string> = {
  curl: 'bash-completion ca-certificates curl krb5-locales libbrotli1 libcom-err2 libcurl4t64 libffi8 libgnutls30t64 libgssapi-krb5-2 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-common libldap2 libnghttp2-14 libnghttp3-9 libp11-kit0 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules libsasl2-modules-db libssh2-1t64 libtasn1-6 libunistring5 openssl publicsuffix',
  'curl --no-install-recommends':
    'curl libbrotli1 libcom-err2 libcurl4t64 libffi8 libgnutls30t64 libgssapi-krb5-2 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap2 libnghttp2-14 libnghttp3-9 libp11-kit0 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules-db libssh2-1t64 libtasn1-6 libunistring5',
  procps: 'libgpm2 libncursesw6 libproc2-0 linux-sysctl-defaults procps psmisc',
  'python3 --no-install-recommends':
    'libexpat1 libffi8 libncursesw6 libpython3-stdlib libpython3.13-minimal libpython3.13-stdlib media-types netbase python3 python3-minimal python3.13 python3.13-minimal',
  'nodejs --no-install-recommends':
    'libbrotli1 libcares2 libicu76 libnghttp2-14 libnode115 libuv1t64 node-acorn node-balanced-match node-brace-expansion node-cjs-module-lexer node-corepack node-minimatch node-undici node-xtend nodejs',
};

describe('the trixie catalogue', () => {
  it('installs what apt installs', () => {
    const flavour = flavourOf(makeFs({ '/etc/os-release': 'ID=debian\nVERSION_CODENAME=trixie\n' }));
    for (const [request, expected] of Object.entries(REAL)) {
      const [name, option] = request.split(' ');
      const names = closure([name!], (n) => BASE_PACKAGES.has(n), flavour, option === undefined).map(
        (p) => p.name,
      );
      expect(names.sort().join(' '), request).toBe(expected);
    }
  });
});
