#!/usr/bin/env node
// ping28.mjs -- a stand-in for an Engine 28 daemon that answers only GET/HEAD /_ping.
//
// The docker CLI builds its help from what the daemon says in /_ping: flags and commands
// annotated with a newer API version than the negotiated one are hidden, and so are the
// swarm-manager commands when the "Swarm" header says the node is not a manager (docker/cli
// cmd/docker/docker.go hideUnsupportedFeatures). The recording daemon (20.10, API 1.41, no
// Swarm header) therefore makes the real CLI print Docker 20.10's help. record.sh runs the
// help scenario a second time with DOCKER_HOST pointing here, where /_ping answers as moby
// v28.5.2 does (api/server/router/system/system_routes.go pingHandler: Api-Version 1.51,
// Builder-Version 2, Swarm "inactive", Ostype linux), and make-golden28.mjs starts the
// golden28 transcript from that recording. Any other request gets a 501.
//
// usage: node test/fidelity/ping28.mjs SOCKET_PATH   (runs until killed)
import { createServer } from 'node:http';
import { existsSync, rmSync } from 'node:fs';

const socket = process.argv[2];
if (!socket) {
  console.error('usage: ping28.mjs SOCKET_PATH');
  process.exit(2);
}
if (existsSync(socket)) rmSync(socket);

const server = createServer((req, res) => {
  const path = (req.url ?? '').replace(/^\/v[0-9.]+/, '');
  if (path === '/_ping' && (req.method === 'GET' || req.method === 'HEAD')) {
    res.setHeader('Api-Version', '1.51');
    res.setHeader('Builder-Version', '2');
    res.setHeader('Cache-Control', 'no-cache, no-store, must-revalidate');
    res.setHeader('Docker-Experimental', 'false');
    res.setHeader('Ostype', 'linux');
    res.setHeader('Pragma', 'no-cache');
    res.setHeader('Server', 'Docker/28.5.2 (linux)');
    res.setHeader('Swarm', 'inactive');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    if (req.method === 'HEAD') {
      res.setHeader('Content-Length', '0');
      res.end();
    } else res.end('OK');
    return;
  }
  res.statusCode = 501;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ message: `ping28 stub: ${req.method} ${req.url} is not served` }) + '\n');
});
server.listen(socket);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
