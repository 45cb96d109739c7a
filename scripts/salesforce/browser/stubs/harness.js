// The page's side of the LWC browser tests: wire adapters and imperative platform calls answer from fixtures the
// test installs (window.__navsync.fixtures / results), and every call is recorded (window.__navsync.calls).
// A wire fixture is {data} or {error}, or {by: '<config key>', values: {<key value>: {data}|{error}}}; no fixture
// keeps the component loading, as an unanswered request does.
// Like LDS, an answer is cached per adapter and config: a later change of the fixture (the server's data) is only
// seen after a refresh (refreshApex / notifyRecordUpdateAvailable), so a component that forgets to refresh shows it.
const state = (globalThis.__navsync = globalThis.__navsync || { fixtures: {}, results: {}, calls: [], adapters: [] });
const cache = {};

function objectName(v) {
  return v && typeof v === 'object' ? v.objectApiName : v;
}

function answer(name, config) {
  const key = `${name}:${JSON.stringify(config || {})}`;
  if (!Object.prototype.hasOwnProperty.call(cache, key)) {
    cache[key] = fixtureFor(name, config);
  }
  return cache[key];
}

function fixtureFor(name, config) {
  const fx = state.fixtures[name];
  if (!fx) {
    return undefined;
  }
  if (fx.by) {
    const key = objectName(config && config[fx.by]);
    return fx.values[key];
  }
  return fx;
}

/** A wire adapter class that emits the fixture for its name on every config change (and again on refresh). */
export function fixtureAdapter(name) {
  return class {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.config = undefined;
      state.adapters.push(this);
      this.name = name;
    }
    update(config) {
      this.config = config;
      this.emit();
    }
    emit() {
      const a = answer(name, this.config);
      if (a) {
        this.dataCallback(name === 'graphql' ? { data: a.data, errors: a.errors } : { data: a.data, error: a.error });
      }
    }
    connect() {}
    disconnect() {
      state.adapters = state.adapters.filter((x) => x !== this);
    }
  };
}

/** Emit every live adapter again (what refreshApex / notifyRecordUpdateAvailable make LDS do). */
export function reemit(names) {
  Object.keys(cache)
    .filter((k) => !names || names.indexOf(k.split(':')[0]) >= 0)
    .forEach((k) => delete cache[k]);
  state.adapters.filter((a) => !names || names.indexOf(a.name) >= 0).forEach((a) => a.emit());
}

/** An imperative call: recorded, then resolved or rejected as the test's `results[name]` says (a list = one per call). */
export function call(name, args) {
  state.calls.push({ name, args: JSON.parse(JSON.stringify(args === undefined ? null : args)) });
  let r = state.results[name];
  if (Array.isArray(r)) {
    r = r.length > 1 ? r.shift() : r[0];
  }
  if (r && r.reject) {
    return Promise.reject(r.reject);
  }
  return Promise.resolve(r ? r.resolve : undefined);
}
