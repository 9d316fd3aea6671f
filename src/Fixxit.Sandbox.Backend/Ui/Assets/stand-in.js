// Shared client code of the stand-in UI. Like upstream's SPA it keeps the session token in localStorage.token and
// sends it as "authorization: Bearer"; the backend also sets the HttpOnly "token" cookie.
'use strict';
const WebUI = (() => {
  const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  class ApiError extends Error {
    constructor(status, detail) { super(typeof detail === 'string' ? detail : JSON.stringify(detail)); this.status = status; this.detail = detail; }
  }

  async function api(path, { method = 'GET', body, auth = true } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = localStorage.getItem('token');
    if (auth && token) headers.authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(path, { method, headers, credentials: 'include', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'Network error');
    }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = text; }
    if (!response.ok) throw new ApiError(response.status, data && data.detail !== undefined ? data.detail : (text || response.statusText));
    return data;
  }

  // svelte-sonner's DOM: section > ol[data-sonner-toaster] > li[data-sonner-toast][role=status]
  function toast(message, type = 'success') {
    let list = document.querySelector('ol[data-sonner-toaster]');
    if (!list) {
      const section = document.createElement('section');
      section.setAttribute('aria-label', 'Notifications alt+T');
      section.tabIndex = -1;
      list = document.createElement('ol');
      list.setAttribute('data-sonner-toaster', 'true');
      section.appendChild(list);
      document.body.appendChild(section);
    }
    const item = document.createElement('li');
    item.setAttribute('data-sonner-toast', '');
    item.setAttribute('data-type', type);
    item.setAttribute('role', 'status');
    item.setAttribute('aria-live', 'polite');
    item.innerHTML = `<div data-content=""><div data-title="">${esc(message)}</div></div>`;
    list.appendChild(item);
    setTimeout(() => item.remove(), 6000);
  }

  async function config() {
    try {
      return await api('/api/config', { auth: false });
    } catch (e) {
      // Upstream sends the browser to /error when the backend cannot be reached.
      if (e.status === 0 || e.status >= 500) location.href = '/error';
      throw e;
    }
  }

  function goToAuth() {
    location.href = `/auth?redirect=${encodeURIComponent(location.pathname + location.search)}`;
  }

  function pendingOverlay() {
    const overlay = document.createElement('div');
    overlay.id = 'account-pending';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'account-pending-title');
    overlay.innerHTML = `<div>
      <h1 id="account-pending-title">Account Activation Pending</h1>
      <p>Contact Admin for WebUI Access</p>
      <p>Your account status is currently pending activation. To access the WebUI, please reach out to the administrator. Admins can manage user statuses from the Admin Panel.</p>
      <button type="button" id="check-again">Check Again</button>
      <button type="button" id="pending-sign-out">Sign Out</button></div>`;
    document.body.appendChild(overlay);
    overlay.querySelector('#check-again').addEventListener('click', () => location.reload());
    overlay.querySelector('#pending-sign-out').addEventListener('click', signOut);
  }

  // The session user, or a redirect: no token -> /auth; invalid -> /auth; pending -> overlay; role not allowed -> /.
  async function session({ roles } = {}) {
    const cfg = await config();
    if (!localStorage.getItem('token')) { goToAuth(); throw new Error('not signed in'); }
    let user;
    try {
      user = await api('/api/v1/auths/');
    } catch (e) {
      if (e.status === 401) { localStorage.removeItem('token'); goToAuth(); }
      throw e;
    }
    if (user.role === 'pending') { pendingOverlay(); throw new Error('pending'); }
    if (roles && !roles.includes(user.role)) { location.href = '/'; throw new Error('not allowed'); }
    renderTopbar(user, cfg);
    return { user, config: cfg };
  }

  function renderTopbar(user) {
    const bar = document.getElementById('topbar-nav');
    if (!bar) return;
    const links = [['/', 'Chat']];
    if (user.role === 'admin') links.push(['/admin/users/overview', 'Users'], ['/admin/groups', 'Groups']);
    if (user.role === 'admin' || user.role === 'manager') links.push(['/admin/invitations', 'Invitations'], ['/manager', 'Manager Dashboard']);
    if (user.role === 'admin') links.push(['/logs', 'Logs']);
    bar.innerHTML = links.map(([href, text]) => `<a href="${href}">${esc(text)}</a>`).join('');
    const who = document.getElementById('topbar-user');
    if (who) {
      who.innerHTML = `<span id="user-name">${esc(user.name)}</span> <span id="user-role">(${esc(user.role)})</span> <button type="button" id="sign-out-button">Sign Out</button>`;
      who.querySelector('#sign-out-button').addEventListener('click', signOut);
    }
  }

  async function signOut() {
    try { await api('/api/v1/auths/signout'); } catch { /* signing out locally is enough */ }
    localStorage.removeItem('token');
    location.href = '/auth';
  }

  function fromNow(epochSeconds) {
    const s = Math.max(0, Math.floor(Date.now() / 1000 - epochSeconds));
    if (s < 45) return 'a few seconds ago';
    if (s < 3600) return `${Math.max(1, Math.round(s / 60))} minutes ago`;
    if (s < 86400) return `${Math.round(s / 3600)} hours ago`;
    return `${Math.round(s / 86400)} days ago`;
  }

  const date = (epochSeconds) => new Date(epochSeconds * 1000).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
  const dateTime = (epochSeconds) => new Date(epochSeconds * 1000).toISOString().replace('T', ' ').slice(0, 19);

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => { const r = Math.random() * 16 | 0; return (c === 'x' ? r : (r & 0x3 | 0x8)).toString(16); });
  }

  return { api, ApiError, esc, toast, config, session, signOut, fromNow, date, dateTime, uuid };
})();
