'use strict';
// Preload (`node -r ./bind-loopback.cjs app.js`) that keeps TCP servers off
// the network.
//
// Why: the Microsoft 365 Agents Playground calls `server.listen(port, cb)`
// without a host, which Node turns into "all interfaces". On a dev machine
// that exposes an unauthenticated bot test harness (it relays to our bot,
// which runs without an app id locally) to anyone on the LAN. The package has
// no flag for a host, so we supply the host the caller left out.
//
// Only calls that leave the host unspecified are changed; an explicit host
// (including '0.0.0.0' or '::'), IPC paths, handles and file descriptors pass
// through untouched, so deliberate choices keep working.
//
// http/https/express servers all inherit from net.Server, so patching the one
// prototype covers them. Child processes started with child_process.fork()
// inherit process.execArgv (and so this -r) and are covered too.
//
// BIND_LOOPBACK_HOST overrides the address (e.g. '::1'); it exists so the
// behaviour can be changed without editing this file.

const net = require('node:net');

const HOST = process.env.BIND_LOOPBACK_HOST || '127.0.0.1';
const PATCHED = Symbol.for('billingbot.bindLoopback.patched');

// Node treats a string that is a non-negative number as a port and any other
// string as a pipe/socket path (see isPipeName in lib/net.js). We mirror that
// so `listen('3000')` is redirected but `listen('/tmp/x.sock')` is not.
function isPortLike(value) {
  if (typeof value === 'number') return true;
  if (typeof value === 'string') return value.trim() !== '' && Number(value) >= 0;
  return false;
}

// "No host" in Node's own terms: missing, null or '' all end up binding the
// unspecified address (lib/net.js checks `if (options.host)`).
function hostMissing(host) {
  return host === undefined || host === null || host === '';
}

function isPlainOptions(value) {
  if (value === null || typeof value !== 'object') return false;
  // Handles (objects with _handle) and { fd } / { handle } forms are
  // pre-bound sockets: a host is meaningless for them.
  if ('_handle' in value || 'handle' in value || 'fd' in value) return false;
  // IPC: { path } listens on a pipe, not TCP.
  if (value.path !== undefined && value.path !== null) return false;
  return true;
}

function rewriteArgs(args) {
  // listen() / listen(cb): Node picks a random port on all interfaces.
  if (args.length === 0 || typeof args[0] === 'function') {
    return [0, HOST, ...args];
  }

  const first = args[0];

  // listen({ port, host?, ... }[, cb])
  if (isPlainOptions(first)) {
    const portGiven = isPortLike(first.port) ||
      // { port: undefined | null } means "random port" to Node.
      ('port' in first && (first.port === undefined || first.port === null));
    if (portGiven && hostMissing(first.host)) {
      // Copy rather than mutate: the caller may reuse its options object.
      return [{ ...first, host: HOST }, ...args.slice(1)];
    }
    return args;
  }

  // listen(port[, host][, backlog][, cb]); null/undefined port = random port.
  if (isPortLike(first) || first === null || first === undefined) {
    const second = args[1];
    if (typeof second === 'string' && second !== '') return args; // explicit host
    if (args.length >= 2 && hostMissing(second)) {
      // listen(port, undefined|null|'', ...): fill the slot the caller left.
      return [first, HOST, ...args.slice(2)];
    }
    // listen(port), listen(port, cb), listen(port, backlog[, cb]): insert the
    // host. Node reads backlog from args[1] or args[2] (whichever is numeric)
    // and the callback from the last argument, so shifting them is safe.
    return [first, HOST, ...args.slice(1)];
  }

  return args; // pipe path string, handle, or something Node will reject itself
}

if (!net.Server.prototype[PATCHED]) {
  const originalListen = net.Server.prototype.listen;

  const descriptor = Object.getOwnPropertyDescriptor(net.Server.prototype, 'listen');

  const patched = function listen(...args) {
    return originalListen.apply(this, rewriteArgs(args));
  };
  // Keep length and the property's attributes so code that introspects
  // listen() sees the same shape as before.
  Object.defineProperty(patched, 'length', { value: originalListen.length });
  Object.defineProperty(net.Server.prototype, 'listen', { ...descriptor, value: patched });
  Object.defineProperty(net.Server.prototype, PATCHED, { value: true });
}

// Exported for tests only; preloading is the real entry point.
module.exports = { rewriteArgs, HOST };
