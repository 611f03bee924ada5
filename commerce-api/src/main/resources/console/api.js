// The console's one way to call the API: the bearer token from this tab's memory (never a cookie, storage or a
// URL), the billing envelope on every write, and every refusal turned into an ApiError with the server's code.
export const CLIENT = 'bumpgrade-console/1.0';

let token = null;

export function signIn(value) {
  token = value;
}

export function signOut() {
  token = null;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function randomId(prefix) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function call(method, path, headers, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...headers, Accept: 'application/json', Authorization: 'Bearer ' + token },
      body,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, 'network_error', 'The service could not be reached, or the token holds characters '
      + 'a header cannot carry.');
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const error = json && json.error;
    throw new ApiError(response.status, error ? String(error.code) : 'http_' + response.status,
      error ? String(error.message) : 'The service answered ' + response.status + '.');
  }
  return json;
}

export function get(path) {
  return call('GET', path, {});
}

/**
 * One billing write, preview then confirm: both calls carry the same Idempotency-Key, correlation id and
 * If-Match, and the confirmation is the server's own phrase from the preview, sent back unchanged.
 */
export function write(path, version, fields) {
  const headers = {
    'Content-Type': 'application/json',
    'Idempotency-Key': randomId('console-'),
    'X-Correlation-Id': randomId('console-'),
    'X-Bumpgrade-Client': CLIENT,
  };
  if (version !== undefined && version !== null) {
    headers['If-Match'] = '"' + version + '"';
  }
  return {
    preview: () => call('POST', path, headers, JSON.stringify(fields)),
    confirm: phrase => call('POST', path, headers, JSON.stringify({ ...fields, confirmation: phrase })),
  };
}
