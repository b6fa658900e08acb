/**
 * The dev inbox page's own script and styles, served as files (the page's
 * Content-Security-Policy allows scripts from 'self' only). Plain browser
 * JavaScript: the page is a developer's tool, not part of the tab.
 *
 * Rules the script keeps:
 * - its own words come from the catalogue section the server embeds as JSON
 *   (`inbox.*` in the page's language) and are set with textContent;
 * - cards are drawn by the Adaptive Cards renderer; card text goes through
 *   `onProcessMarkdown`, which undoes the backslash escapes as Teams does
 *   (notify/escape.ts) and HTML-escapes the result, so no text of a card ever
 *   becomes HTML;
 * - Action.OpenUrl opens http(s) addresses in a new tab (the local tab's
 *   record, in development), and nothing else.
 */
export const INBOX_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('inbox-data').textContent);
  var S = data.strings || {};
  function t(key, params) {
    var s = typeof S[key] === 'string' ? S[key] : key;
    return s.replace(/\{\{\s*(\w+)\s*\}\}/g, function (whole, name) {
      return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }
  var query = new URLSearchParams(location.search);
  var current = query.get('channel') || '';
  var lang = data.locale === 'cy-GB' ? 'cy' : 'en';

  var other = new URLSearchParams(location.search);
  other.set('lang', data.otherLanguageTag);
  document.getElementById('other-language').setAttribute('href', '?' + other.toString());

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    var shown = String(text).replace(/\\([!-\/:-@\[-\x60{-~])/g, '$1');
    var holder = document.createElement('div');
    holder.textContent = shown;
    result.outputHtml = holder.innerHTML.replace(/\n/g, '<br>');
    result.didProcess = true;
  };

  function link(params) {
    var q = new URLSearchParams();
    q.set('lang', lang);
    Object.keys(params).forEach(function (k) { if (params[k]) q.set(k, params[k]); });
    return '?' + q.toString();
  }

  function renderCard(card, target) {
    var ac = new AdaptiveCards.AdaptiveCard();
    ac.onExecuteAction = function (action) {
      var url = action && action.url;
      if (typeof url === 'string' && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener');
    };
    try {
      ac.parse(card);
      var element = ac.render();
      if (element) target.appendChild(element);
    } catch (e) {
      var p = document.createElement('p');
      p.className = 'error';
      p.textContent = t('renderError', { error: (e && e.message) || String(e) });
      target.appendChild(p);
    }
  }

  var names = {};

  function showChannels(channels) {
    var list = document.getElementById('channels');
    list.textContent = '';
    var all = document.createElement('li');
    var a = document.createElement('a');
    a.href = link({});
    a.textContent = t('allChannels');
    if (!current) a.setAttribute('aria-current', 'page');
    all.appendChild(a);
    list.appendChild(all);
    channels.forEach(function (c) {
      names[c.key] = c.name;
      var li = document.createElement('li');
      var ch = document.createElement('a');
      ch.href = link({ channel: c.key });
      ch.textContent = c.name + ' (' + c.count + ')';
      if (!c.mapped) ch.title = t('unmapped');
      if (current === c.key) ch.setAttribute('aria-current', 'page');
      li.appendChild(ch);
      list.appendChild(li);
    });
  }

  function showMessages(messages) {
    var list = document.getElementById('messages');
    list.textContent = '';
    document.getElementById('count').textContent = messages.length ? t('count', { count: messages.length }) : data.empty;
    messages.slice().reverse().forEach(function (m) {
      var li = document.createElement('li');
      li.id = 'message-' + m.id;
      li.className = 'message';
      var head = document.createElement('p');
      head.className = 'received';
      head.textContent = t('received', {
        time: new Date(m.receivedAt).toLocaleString(data.locale),
        channel: m.channelName || names[m.channel] || m.channel
      });
      li.appendChild(head);
      var holder = document.createElement('div');
      holder.className = 'card';
      li.appendChild(holder);
      list.appendChild(li);
      renderCard(m.card, holder);
    });
    if (location.hash) {
      var target = document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView();
    }
    document.body.setAttribute('data-loaded', 'true');
  }

  function load() {
    var q = current ? '?channel=' + encodeURIComponent(current) : '';
    return fetch('/_dev/inbox/channels')
      .then(function (r) { return r.json(); })
      .then(showChannels)
      .then(function () { return fetch('/_dev/inbox/messages' + q); })
      .then(function (r) { return r.json(); })
      .then(showMessages)
      .catch(function (e) {
        document.getElementById('count').textContent = t('renderError', { error: (e && e.message) || String(e) });
      });
  }

  document.getElementById('refresh').addEventListener('click', load);
  load();
})();
`;

export const INBOX_CSS = `
:root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; line-height: 1.4; }
header h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
.layout { display: grid; grid-template-columns: 16rem 1fr; gap: 1.5rem; }
nav ul, ol#messages { list-style: none; padding: 0; margin: 0; }
nav li { margin: .25rem 0; }
nav a[aria-current="page"] { font-weight: 600; }
.message { margin: 0 0 1.5rem; }
.received { margin: 0 0 .25rem; font-size: .875rem; opacity: .8; }
.card { border: 1px solid #8884; border-radius: 4px; overflow: hidden; max-width: 48rem; background: #fff; color: #242424; }
.error { color: #b10e1c; }
button { font: inherit; margin-left: 1rem; }
@media (max-width: 48rem) { .layout { grid-template-columns: 1fr; } }
`;
