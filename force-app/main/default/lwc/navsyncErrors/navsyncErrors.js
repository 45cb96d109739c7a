/**
 * What went wrong, from any error a component can catch: UI API record errors (`body.message`,
 * `body.output.errors`, `body.output.fieldErrors`), Apex errors (`body.message`, `body.pageErrors`,
 * `body.fieldErrors`), list/wire errors (an array of `{ errorCode, message }`), GraphQL `errors`, and plain
 * JavaScript errors. One reader, so every component shows the platform's own words.
 */
function asList(value) {
  if (!value) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function fieldErrorEntries(fieldErrors) {
  const out = [];
  Object.keys(fieldErrors || {}).forEach((field) => {
    asList(fieldErrors[field]).forEach((e) => out.push({ ...e, field }));
  });
  return out;
}

/** Every `{ code, message, field }` in an error, most specific first, without repeats. */
export function errorEntries(error) {
  const out = [];
  const seen = {};
  const add = (e) => {
    const message = e && typeof e.message === 'string' ? e.message.trim() : '';
    if (!message || seen[message]) {
      return;
    }
    seen[message] = true;
    out.push({ code: e.errorCode || e.statusCode || '', message, field: e.field || null });
  };
  asList(error).forEach((err) => {
    const count = out.length;
    if (typeof err === 'string') {
      add({ message: err });
      return;
    }
    const body = err && err.body;
    asList(Array.isArray(body) ? body : null).forEach(add);
    const b = body && !Array.isArray(body) ? body : {};
    const output = b.output || {};
    asList(output.errors).forEach(add);
    fieldErrorEntries(output.fieldErrors).forEach(add);
    asList(b.pageErrors).forEach(add);
    fieldErrorEntries(b.fieldErrors).forEach(add);
    // GraphQL wire errors.
    asList(err && err.errors).forEach(add);
    // The summary ("An error occurred while trying to update the record") only when nothing says more.
    if (out.length === count) {
      add(body ? b : err);
    }
  });
  return out;
}

/** The platform's messages as one text ("" when the error carries none). */
export function errorText(error) {
  return errorEntries(error)
    .map((e) => e.message)
    .join(' ');
}

/** The first error as the core's failure input: HTTP status, status code, message and the fields it names. */
export function errorDetails(error) {
  const entries = errorEntries(error);
  const first = entries[0] || { code: '', message: '' };
  const fields = entries.filter((e) => e.field).map((e) => e.field);
  return {
    httpStatus: error && error.status,
    code: first.code,
    message: first.message,
    fields: fields.filter((f, i) => fields.indexOf(f) === i),
  };
}
