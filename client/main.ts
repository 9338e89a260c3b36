import './styles.css';
import { CODE_LENGTH, cleanCode } from '#shared/protocol/joinCode';
import { joinForm } from './classroom/player/joinForm.ts';
import { ct } from './concepts/text.ts';
import { lang, onLangChange } from './i18n/index.ts';
import { mnistLink } from './mnist/link.ts';
import { el } from './ui/format.ts';
import { header, keepTranslated } from './ui/shell.ts';

// The first page: join a class game by code, or go solo. No Phaser and no KaTeX here.
const app = document.getElementById('app')!;
document.documentElement.lang = lang();
const query = new URLSearchParams(location.search);
const prefill = cleanCode(query.get('code') ?? '');

// The join page's own form: here it only carries the code and the nickname there.
const form = joinForm({
  page: 'home',
  code: prefill,
  name: '',
  submit(code, name) {
    location.href = `join.html?${new URLSearchParams({ code, name })}`;
  },
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
    form.root,
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
if (prefill.length === CODE_LENGTH) form.nickname.focus();
keepTranslated(document, 'app.title');
