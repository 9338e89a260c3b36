import './styles.css';
import { NICKNAME_MAX } from '#shared/protocol/codes';
import { ct } from './concepts/text.ts';
import { lang, onLangChange, t } from './i18n/index.ts';
import { mnistLink } from './mnist/link.ts';
import { el } from './ui/format.ts';
import { header, keepTranslated } from './ui/shell.ts';

// The first page: join a class game by code, or go solo. No Phaser and no KaTeX here.
const app = document.getElementById('app')!;
document.documentElement.lang = lang();
const query = new URLSearchParams(location.search);
const prefill = (query.get('code') ?? '').replace(/\D/g, '').slice(0, 6);

const code = el('input', {
  id: 'code',
  name: 'code',
  inputmode: 'numeric',
  autocomplete: 'off',
  pattern: '[0-9]{6}',
  maxlength: '6',
  value: prefill,
});
const nickname = el('input', {
  id: 'nickname',
  name: 'nickname',
  maxlength: String(NICKNAME_MAX),
  autocomplete: 'nickname',
});
const message = el('p', { class: 'form-message', 'aria-live': 'polite' });
const form = el(
  'form',
  { class: 'join', novalidate: '' },
  el('h2', { 'data-i18n': 'home.join' }),
  el('label', { class: 'field' }, el('span', { 'data-i18n': 'home.code' }), code),
  el('label', { class: 'field' }, el('span', { 'data-i18n': 'home.nickname' }), nickname),
  el('button', { type: 'submit', class: 'primary', 'data-i18n': 'home.joinButton' }),
  message,
);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const c = code.value.trim();
  if (!/^\d{6}$/.test(c)) {
    message.textContent = t('home.codeInvalid');
    code.focus();
    return;
  }
  message.textContent = t('home.joinSoon', { code: c });
  const q = new URLSearchParams({ code: c, name: nickname.value.trim() });
  location.href = `join.html?${q}`;
});

// The concept check keeps its strings in its own dictionary.
const conceptsLink = el('a', { class: 'button', href: 'concepts/' }, ct('concepts.home'));
onLangChange(() => {
  conceptsLink.textContent = ct('concepts.home');
});

app.append(
  header([
    { href: 'play.html', key: 'nav.levels' },
    { href: 'play.html?sandbox=1', key: 'nav.sandbox' },
  ]),
  el(
    'main',
    { class: 'home' },
    el('h1', { 'data-i18n': 'app.title' }),
    el('p', { class: 'tagline', 'data-i18n': 'app.tagline' }),
    form,
    el(
      'nav',
      { class: 'solo-links' },
      el('a', { class: 'button primary', href: 'play.html', 'data-i18n': 'home.solo' }),
      el('a', { class: 'button', href: 'play.html?sandbox=1', 'data-i18n': 'home.sandbox' }),
      el('a', { class: 'button', href: 'host.html', 'data-i18n': 'home.host' }),
      conceptsLink,
      mnistLink(),
    ),
    el('p', { class: 'note', 'data-i18n': 'home.offline' }),
  ),
);
if (prefill.length === 6) nickname.focus();
keepTranslated(document, 'app.title');
