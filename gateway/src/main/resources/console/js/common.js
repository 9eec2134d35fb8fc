/*
 * What every page shares: the language, the words, the API as the logged-in operator, formats.
 * The login is an HttpOnly cookie the gateway sets (no script here sees the token); every API call
 * carries X-Kinlink-Console, without which the gateway ignores the cookie.
 */
import { TEXTS } from './texts.js';

export const $ = (id) => document.getElementById(id);

let lang = localStorage.getItem('kinlink.console.lang') === 'en' ? 'en' : 'zh';

export const language = () => lang;

export function switchLanguage() {
  lang = lang === 'en' ? 'zh' : 'en';
  localStorage.setItem('kinlink.console.lang', lang);
}

export const t = (key, values) => Object.entries(values || {})
  .reduce((text, [name, value]) => text.replace('{' + name + '}', value), TEXTS[lang][key] || key);

/** Thrown when the session has ended: the app shows the login form. */
export class LoggedOut extends Error {
}

/** A problem from the API: its fields' errors, or its detail. */
export class Refused extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || String(status));
    this.errors = problem.errors || [];
    this.status = status;
  }
}

export async function api(path, options = {}) {
  const headers = { 'X-Kinlink-Console': '1', Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method: options.method || 'GET', headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body)
  });
  if (response.status === 401) {
    throw new LoggedOut();
  }
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    throw new Refused(body || {}, response.status);
  }
  return body;
}

export const percent = (value) => (value * 100).toFixed(1) + '%';
export const yuan = (fen) => '¥' + (fen / 100).toLocaleString(lang === 'en' ? 'en' : 'zh-CN',
  { maximumFractionDigits: 2 });
export const dateTime = (iso) => iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en' : 'zh-CN') : '';

/** An element with its class and text: pages build their DOM from text only, never from HTML strings. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** The month the month field shows (this month at first). */
export function thisMonth() {
  const now = new Date();
  return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
}

let branchList = null;

/** The directory's branches, closed ones too (their history stays), asked for once per login. */
export async function branches() {
  if (!branchList) {
    branchList = await api('/api/branches?includeClosed=true');
  }
  return branchList;
}

export function forgetBranches() {
  branchList = null;
}

/** A branch by its name in the console's language; its id when the directory does not name it. */
export function branchName(id) {
  const branch = (branchList || []).find((candidate) => candidate.id === id);
  return !branch ? id : lang === 'en' ? branch.nameEn : branch.nameZh;
}

/** Puts the branches into a select by name, after its first option ("all"), keeping what was chosen. */
export async function fillBranches(select) {
  const list = await branches();
  const chosen = select.value;
  select.querySelectorAll('option:not([value=""])').forEach((option) => option.remove());
  list.forEach((branch) => {
    const option = element('option', null, branchName(branch.id));
    option.value = branch.id;
    select.appendChild(option);
  });
  select.value = chosen;
}
