// The JSON API of `reckon serve` (cookie session; every POST carries the CSRF token).

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

const session = {user: null, csrf: null};
const listeners = new Set();

export function currentUser() {
  return session.user;
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

function setSession(user) {
  session.user = user ? {name: user.name, role: user.role} : null;
  session.csrf = user ? user.csrf_token || null : null;
  for (const listener of listeners) listener(session.user);
}

export const ROLE_RANK = {viewer: 1, analyst: 2, investigator: 3, admin: 4};

export function hasRole(minimum) {
  const user = session.user;
  return Boolean(user) && (ROLE_RANK[user.role] || 0) >= (ROLE_RANK[minimum] || 99);
}

async function request(method, path, body) {
  const headers = {Accept: 'application/json'};
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (method !== 'GET' && method !== 'HEAD') {
    if (session.csrf) headers['X-CSRF-Token'] = session.csrf;
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, 'The server cannot be reached. Is `reckon serve` still running?');
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    data = await response.json().catch(() => null);
  } else {
    data = await response.text().catch(() => '');
  }
  if (!response.ok) {
    const message = (data && typeof data === 'object' && (data.error || data.message)) ||
        `${response.status} ${response.statusText || 'error'}`;
    if (response.status === 401 && path !== '/api/login' && session.user) {
      setSession(null);
    }
    throw new ApiError(response.status, message, data);
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
};

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value) !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Restores the session from the cookie; null when not logged in.
export async function loadSession() {
  try {
    const me = await request('GET', '/api/me');
    setSession(me);
    return session.user;
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      setSession(null);
      return null;
    }
    throw error;
  }
}

export async function login(name, password) {
  const user = await request('POST', '/api/login', {name, password});
  setSession(user);
  if (!session.csrf) await loadSession();
  return session.user;
}

export async function logout() {
  try {
    await request('POST', '/api/logout', {});
  } finally {
    setSession(null);
  }
}
