/**
 * What `nginx -V` and the startup notices say about the build, by the image's base:
 * nginx.org's packages are built on the release they run on, so the compiler and
 * OpenSSL are that release's. The version is the image's NGINX_VERSION.
 */
import type { ProcessContext } from '../../../process/types.ts';

export interface Build {
  version: string;
  compiler: string;
  openssl: string;
  alpine: boolean;
}

const DEBIAN: Record<string, [string, string]> = {
  buster: [
    'gcc 8.3.0 (Debian 8.3.0-6)',
    'OpenSSL 1.1.1d  10 Sep 2019 (running with OpenSSL 1.1.1n  15 Mar 2022)',
  ],
  bullseye: ['gcc 10.2.1 20210110 (Debian 10.2.1-6)', 'OpenSSL 1.1.1n  15 Mar 2022'],
  bookworm: [
    'gcc 12.2.0 (Debian 12.2.0-14)',
    'OpenSSL 3.0.15 3 Sep 2024 (running with OpenSSL 3.0.17 1 Jul 2025)',
  ],
  trixie: [
    'gcc 14.2.0 (Debian 14.2.0-19)',
    'OpenSSL 3.5.1 1 Jul 2025 (running with OpenSSL 3.5.4 30 Sep 2025)',
  ],
};

/** /etc/os-release texts already parsed (the last few; nginx reads it at every start). */
const releases = new Map<string, ReadonlyMap<string, string>>();
const NO_RELEASE: ReadonlyMap<string, string> = new Map();

function osRelease(ctx: ProcessContext): ReadonlyMap<string, string> {
  let text: string;
  try {
    text = ctx.fs.readFile('/etc/os-release');
  } catch {
    // no os-release: keep the defaults
    return NO_RELEASE;
  }
  let out = releases.get(text);
  if (!out) {
    const fields = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = /^(\w+)=("?)(.*)\2$/.exec(line);
      if (m) fields.set(m[1]!, m[3]!);
    }
    if (releases.size >= 16) releases.clear();
    releases.set(text, (out = fields));
  }
  return out;
}

export function buildOf(ctx: ProcessContext): Build {
  const version = ctx.env.get('NGINX_VERSION') ?? '1.31.3';
  const os = osRelease(ctx);
  if (os.get('ID') === 'alpine') {
    const v = os.get('VERSION_ID') ?? '3.24';
    const compiler = v.startsWith('3.20')
      ? 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)'
      : v.startsWith('3.2') && Number(v.split('.')[1]) < 23
        ? 'gcc 14.2.0 (Alpine 14.2.0)'
        : 'gcc 15.2.0 (Alpine 15.2.0)';
    return { version, compiler, openssl: 'OpenSSL 3.5.4 30 Sep 2025', alpine: true };
  }
  const [compiler, openssl] = DEBIAN[os.get('VERSION_CODENAME') ?? 'trixie'] ?? DEBIAN['trixie']!;
  return { version, compiler, openssl, alpine: false };
}

export function versionText(b: Build, full: boolean): string {
  let text = `nginx version: nginx/${b.version}\n`;
  if (!full) return text;
  text += `built by ${b.compiler} \nbuilt with ${b.openssl}\nTLS SNI support enabled\n`;
  const cc = b.alpine
    ? "--with-cc-opt='-Os -fstack-clash-protection -Wformat -Werror=format-security -fno-plt -g' --with-ld-opt='-Wl,--as-needed,-O1,--sort-common -Wl,-z,pack-relative-relocs'"
    : `--with-cc-opt='-g -O2 -ffile-prefix-map=/home/builder/debuild/nginx-${b.version}/debian/debuild-base/nginx-${b.version}=. -fstack-protector-strong -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fPIC' --with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'`;
  text +=
    'configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules ' +
    '--conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log ' +
    '--pid-path=/run/nginx.pid --lock-path=/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp ' +
    '--http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp ' +
    '--http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp ' +
    '--user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module ' +
    '--with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module ' +
    '--with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module ' +
    '--with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module ' +
    '--with-http_sub_module --with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module ' +
    `--with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module ${cc}\n`;
  return text;
}

/** The minor version of the image's nginx (18 for 1.18.0), which decides its scripts' texts. */
export function nginxMinor(ctx: ProcessContext): number {
  return Number((ctx.env.get('NGINX_VERSION') ?? '1.31.3').split('.')[1]);
}
