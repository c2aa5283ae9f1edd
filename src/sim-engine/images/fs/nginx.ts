/**
 * nginx's layers: the package install (binary, configuration, welcome pages, log links,
 * the nginx user, curl on images since 1.21), the entrypoint and its
 * /docker-entrypoint.d scripts. Three generations of texts: `a` (1.17–1.20: the old
 * welcome page, `error_log … warn`, /var/run/nginx.pid), `b` (1.21–1.28), `c` (1.29+:
 * the F5 welcome page). The scripts are short equivalents of docker-nginx's, not copies.
 */
import { LayerBuilder } from './layer-builder.ts';
import { ALPINE_GROUP, ALPINE_PASSWD, DEBIAN_GROUP, DEBIAN_PASSWD } from './etc-texts.ts';
import { shadowOf } from './rootfs-alpine.ts';
import type { LayerEntry } from '../types.ts';

export function nginxConf(gen: string): string {
  const old = gen === 'a';
  return `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log ${old ? 'warn' : 'notice'};
pid        ${gen === 'c' ? '/run/nginx.pid' : '/var/run/nginx.pid'};


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;
}

export const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
`;

const STYLE_OLD = `<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>`;
const STYLE_NEW = `<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>`;

export function indexHtml(gen: string): string {
  const body =
    gen === 'c'
      ? `<p>If you see this page, nginx is successfully installed and working.
Further configuration is required for the web server, reverse proxy, 
API gateway, load balancer, content cache, or other features.</p>

<p>For online documentation and support please refer to
<a href="https://nginx.org/">nginx.org</a>.<br/>
To engage with the community please visit
<a href="https://community.nginx.org/">community.nginx.org</a>.<br/>
For enterprise grade support, professional services, additional 
security features and capabilities please refer to
<a href="https://f5.com/nginx">f5.com/nginx</a>.</p>`
      : `<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>`;
  return `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
${gen === 'a' ? STYLE_OLD : STYLE_NEW}
</head>
<body>
<h1>Welcome to nginx!</h1>
${body}

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
}

export function errorHtml(gen: string): string {
  const admin =
    gen === 'c'
      ? ''
      : `
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>`;
  return `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
${gen === 'a' ? STYLE_OLD : STYLE_NEW}
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>${admin}
</body>
</html>
`;
}

const MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    text/plain                                       txt;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/webp                                       webp;
    image/x-icon                                     ico;
    application/json                                 json;
    application/pdf                                  pdf;
    application/zip                                  zip;
    application/octet-stream                         bin exe dll;
    # (abridged)
}
`;

/** The package install layer: `nginx-deb:<version>:<suite>` or `nginx-apk:<version>`. */
export function nginxPackage(version: string, base: string, gen: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const alpine = base === 'alpine';
  b.bin('/usr/sbin/nginx', 'nginx', alpine ? 1_306_024 : 1_474_744);
  b.bin('/usr/sbin/nginx-debug', 'nginx', alpine ? 1_389_848 : 1_565_024);
  b.file('/etc/nginx/nginx.conf', nginxConf(gen)).file('/etc/nginx/conf.d/default.conf', DEFAULT_CONF);
  b.file('/etc/nginx/mime.types', MIME_TYPES);
  for (const f of ['fastcgi_params', 'scgi_params', 'uwsgi_params'])
    b.file(`/etc/nginx/${f}`, `# ${f} (abridged)\n`);
  b.link('/etc/nginx/modules', '/usr/lib/nginx/modules').dir('/usr/lib/nginx/modules');
  b.file('/usr/share/nginx/html/index.html', indexHtml(gen)).file(
    '/usr/share/nginx/html/50x.html',
    errorHtml(gen),
  );
  b.dir('/var/cache/nginx').dir('/docker-entrypoint.d');
  if (gen !== 'a' || version !== '1.17.10') {
    b.link('/var/log/nginx/access.log', '/dev/stdout').link('/var/log/nginx/error.log', '/dev/stderr');
  } else {
    b.dir('/var/log/nginx');
  }
  b.bin('/usr/bin/envsubst', 'envsubst', 35_288);
  if (!alpine && gen !== 'a') b.bin('/usr/bin/curl', 'curl', 310_608);
  if (alpine) b.bin('/usr/bin/curl', 'curl', 259_576);
  const user = alpine
    ? 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin'
    : gen === 'a'
      ? 'nginx:x:101:101:nginx user,,,:/nonexistent:/bin/false'
      : 'nginx:x:101:101:nginx user:/nonexistent:/bin/false';
  const passwd = `${alpine ? ALPINE_PASSWD : DEBIAN_PASSWD}${user}\n`;
  b.file('/etc/passwd', passwd).file(
    '/etc/group',
    `${alpine ? ALPINE_GROUP : DEBIAN_GROUP}nginx:x:101:${alpine ? 'nginx' : ''}\n`,
  );
  b.file('/etc/shadow', shadowOf(passwd), { mode: 0o640, gid: 42 });
  return b.entries();
}

export const NGINX_ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    if /usr/bin/find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

const SCRIPT_TEXT: Record<string, string> = {
  '10-listen-on-ipv6-by-default.sh': `#!/bin/sh
# Enables listening on IPv6 in /etc/nginx/conf.d/default.conf when the package's
# default.conf is unmodified and the kernel has IPv6.
set -e
ME=$(basename "$0")
DEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"
# ... checks /proc/net/if_inet6, that the file is writable and unmodified (dpkg or apk
# checksum), then:
# sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' "/$DEFAULT_CONF_FILE"
exit 0
`,
  '15-local-resolvers.envsh': `#!/bin/sh
# Exports NGINX_LOCAL_RESOLVERS from /etc/resolv.conf when NGINX_ENTRYPOINT_LOCAL_RESOLVERS is set.
set -eu
[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0
NGINX_LOCAL_RESOLVERS=$(awk 'BEGIN{ORS=" "} $1=="nameserver" {print $2}' /etc/resolv.conf)
export NGINX_LOCAL_RESOLVERS
`,
  '20-envsubst-on-templates.sh': `#!/bin/sh
# Renders /etc/nginx/templates/*.template into /etc/nginx/conf.d with envsubst.
set -e
ME=$(basename "$0")
template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
[ -d "$template_dir" ] || exit 0
# ... for each *.template: envsubst "$defined_envs" < "$template" > "$output_path"
exit 0
`,
  '30-tune-worker-processes.sh': `#!/bin/sh
# Sets worker_processes from the cgroup CPU limit when
# NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE is set.
set -eu
[ "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0
exit 0
`,
};

export function nginxEntrypoint(mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime)
    .script('/docker-entrypoint.sh', 'nginx-entrypoint', NGINX_ENTRYPOINT, { mode: 0o775 })
    .entries();
}

export function nginxScript(name: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  // one native program plays every script; the variant says which
  const program = `nginx-entrypoint-script@${name.replace(/\.(sh|envsh)$/, '')}`;
  b.script(`/docker-entrypoint.d/${name}`, program, SCRIPT_TEXT[name] ?? '#!/bin/sh\n', { mode: 0o775 });
  return b.entries();
}
