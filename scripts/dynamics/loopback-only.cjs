// Preloaded into pcf-start (node --require) by the harness test: pcf-start has no host option and listens on every
// interface; here every TCP server it opens listens on loopback only.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const [first, second, ...rest] = args;
  if (typeof first === 'number' || first === undefined) {
    // listen(port[, host][, backlog][, callback]): the host, given or not, becomes loopback.
    return typeof second === 'string'
      ? listen.call(this, first, '127.0.0.1', ...rest)
      : listen.call(this, first, '127.0.0.1', ...args.slice(1));
  }
  if (first && typeof first === 'object' && first.port !== undefined) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
