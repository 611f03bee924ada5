// The owner console: sign in with a token, read the publisher's records through the API, and run the owner's
// writes preview → confirm. Everything the page shows comes from the API's answers, rendered as text.
import { ApiError, get, signIn, signOut, write } from './api.js';
import { describe, el, hide, money, show, table } from './render.js';

const $ = id => document.getElementById(id);
const path = (...parts) => '/api/commerce/' + parts.map(encodeURIComponent).join('/');
const when = value => (value ? String(value).replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

// --- the sections: where each list comes from, its columns and the owner's actions on a row ---

const sections = {
  checkouts: {
    url: () => '/api/commerce/checkout-intents?limit=50',
    rows: json => json.checkouts,
    id: row => row.checkoutIntentId,
    columns: [
      { title: 'Checkout', id: true, value: row => row.checkoutIntentId },
      { title: 'Offer', value: row => row.offerId },
      { title: 'Status', value: row => row.status },
      { title: 'Total', value: row => money(row.total) },
      { title: 'Client', value: row => row.source && row.source.client },
      { title: 'Started by', value: row => row.source && row.source.startedBy },
      { title: 'Created', value: row => when(row.createdAt) },
      { title: 'Version', value: row => row.version },
    ],
    actions: row => [
      { action: 'entitlements', label: 'Entitlements', run: () => findEntitlements(row.checkoutIntentId, '') },
      ...(['started', 'open', 'session_failed'].includes(row.status) ? [{
        action: 'expire', label: 'Expire', run: () => openAction({
          title: 'Expire checkout ' + row.checkoutIntentId,
          url: path('checkout-intents', row.checkoutIntentId, 'expire'), version: row.version,
        }),
      }] : []),
    ],
  },
  entitlements: {
    url: () => {
      const checkout = $('entitlement-checkout').value.trim();
      const customer = $('entitlement-customer').value.trim();
      if (!checkout && !customer) {
        return null;
      }
      return '/api/commerce/entitlements?' + (checkout ? 'checkoutIntentId=' + encodeURIComponent(checkout)
        : 'customerId=' + encodeURIComponent(customer));
    },
    rows: json => json.entitlements,
    id: row => row.entitlementId,
    columns: [
      { title: 'Entitlement', id: true, value: row => row.entitlementId },
      { title: 'Checkout', id: true, value: row => row.checkoutIntentId },
      { title: 'Offer', value: row => row.offerId },
      { title: 'Customer', id: true, value: row => row.subject },
      { title: 'Access', value: row => row.access },
      { title: 'Revocation', value: row => (row.revocation ? row.revocation.status : '') },
      { title: 'Granted', value: row => when(row.grantedAt) },
      { title: 'Version', value: row => row.version },
    ],
    actions: row => [{
      action: 'revoke', label: 'Record revocation intent', run: () => openAction({
        title: 'Record a revocation intent for entitlement ' + row.entitlementId + ' (access is not removed)',
        url: path('entitlements', row.entitlementId, 'revocation-intents'), version: row.version,
        reason: true,
      }),
    }],
  },
  commissions: {
    url: () => '/api/commerce/commission-entries?limit=500',
    rows: json => json.entries,
    id: row => row.entryId,
    columns: [
      { title: 'Entry', id: true, value: row => row.entryId },
      { title: 'Partner', value: row => row.partnerId },
      { title: 'Checkout', id: true, value: row => row.checkoutIntentId },
      { title: 'Status', value: row => row.status },
      { title: 'Holds', value: row => (row.holds || []).join(', ') },
      { title: 'Commission', value: row => money(row.commission) },
      { title: 'Net', value: row => money(row.net) },
      { title: 'Version', value: row => row.version },
    ],
    actions: row => (row.status === 'reversed' ? [] : [
      ...(!row.reviewed ? [commission(row, 'review', 'Review', false)] : []),
      commission(row, 'hold', 'Hold', true),
      ...((row.holds || []).length ? [commission(row, 'release', 'Release', false)] : []),
      commission(row, 'reverse', 'Reverse', true),
    ]),
  },
  revocations: {
    url: () => '/api/commerce/revocation-intents?limit=500',
    rows: json => json.revocationIntents,
    id: row => row.revocationIntentId,
    columns: [
      { title: 'Intent', id: true, value: row => row.revocationIntentId },
      { title: 'Entitlement', id: true, value: row => row.entitlementId },
      { title: 'Status', value: row => row.status },
      { title: 'Reason', value: row => row.reason },
      { title: 'Opened by', value: row => row.source && row.source.actor },
      { title: 'Version', value: row => row.version },
    ],
    actions: row => ({
      proposed: [revocation(row, 'confirm', 'Confirm'), revocation(row, 'dismiss', 'Dismiss')],
      recorded: [revocation(row, 'cancel', 'Cancel intent')],
    }[row.status] || []),
  },
  'dead-letters': {
    url: () => '/api/commerce/stripe/dead-letters?limit=50',
    rows: json => json.deadLetters,
    id: row => row.evidenceId,
    columns: evidenceColumns(),
    actions: row => [redrive(row)],
  },
  evidence: {
    url: () => '/api/commerce/stripe/webhook-events?limit=50',
    rows: json => json.events,
    id: row => row.evidenceId,
    columns: evidenceColumns(),
    actions: row => (['failed', 'dead-lettered'].includes(row.status) ? [redrive(row)] : []),
  },
};

function evidenceColumns() {
  return [
    { title: 'Evidence', id: true, value: row => row.evidenceId },
    { title: 'Type', value: row => row.eventType },
    { title: 'Status', value: row => row.status },
    { title: 'Reason', value: row => row.reason || row.lastFailure },
    { title: 'Attempts', value: row => row.attempts },
    { title: 'Subject', id: true, value: row => row.subjectId },
    { title: 'Received', value: row => when(row.receivedAt) },
    { title: 'Version', value: row => row.version },
  ];
}

function commission(row, action, label, reason) {
  return {
    action, label, run: () => openAction({
      title: label + ' commission ' + row.entryId,
      url: path('commission-entries', row.entryId, action), version: row.version, reason,
    }),
  };
}

function revocation(row, action, label) {
  return {
    action, label, run: () => openAction({
      title: label + ' revocation intent ' + row.revocationIntentId,
      url: path('revocation-intents', row.revocationIntentId, action), version: row.version,
    }),
  };
}

function redrive(row) {
  return {
    action: 'redrive', label: 'Re-drive', run: () => openAction({
      title: 'Re-drive Stripe event ' + row.evidenceId,
      url: path('stripe', 'webhook-events', row.evidenceId, 'redrive'), version: row.version,
    }),
  };
}

// --- loading ---

async function load(name) {
  const section = sections[name];
  const node = $(name);
  const error = node.querySelector('.error');
  const rows = node.querySelector('.rows');
  const url = section.url();
  if (url === null) {
    hide(error);
    rows.replaceChildren(el('p', { class: 'empty', text: 'Choose a checkout or a customer.' }));
    return null;
  }
  try {
    const json = await get(url);
    hide(error);
    const items = section.rows(json) || [];
    rows.replaceChildren(table(section.columns, items, section.id, section.actions));
    return items;
  } catch (e) {
    rows.replaceChildren();
    show(error, describe(e));
    if (e instanceof ApiError && e.status === 401) {
      throw e;
    }
    return null;
  }
}

async function loadAll() {
  const checkouts = await load('checkouts');
  if (checkouts && !$('entitlement-checkout').value && !$('entitlement-customer').value) {
    const paid = checkouts.find(row => row.status === 'paid' || row.status === 'refunded');
    if (paid) {
      $('entitlement-checkout').value = paid.checkoutIntentId;
    }
  }
  await Promise.all(['entitlements', 'commissions', 'revocations', 'dead-letters', 'evidence'].map(load));
  document.body.dataset.loaded = String(Date.now());
}

function findEntitlements(checkout, customer) {
  $('entitlement-checkout').value = checkout;
  $('entitlement-customer').value = customer;
  load('entitlements');
}

// --- preview → confirm ---

let pending = null;

function openAction(spec) {
  pending = { spec, write: null, phrase: null };
  $('action-title').textContent = spec.title;
  $('action-confirm-box').hidden = true;
  $('action-phrase').textContent = '';
  hide($('action-result'));
  hide($('action-error'));
  $('action').hidden = false;
  if (spec.reason) {
    $('action-reason').value = '';
    $('action-reason-form').hidden = false;
    $('action-reason').focus();
  } else {
    $('action-reason-form').hidden = true;
    preview();
  }
}

async function preview() {
  const current = pending;
  const fields = current.spec.reason ? { reason: $('action-reason').value } : {};
  current.write = write(current.spec.url, current.spec.version, fields);
  hide($('action-error'));
  try {
    const answer = await current.write.preview();
    if (current !== pending) {
      return;
    }
    if (answer && answer.status === 'preview') {
      current.phrase = answer.requiredConfirmation;
      $('action-reason-form').hidden = true;
      $('action-phrase').textContent = current.phrase;
      $('action-confirm-box').hidden = false;
      $('action-confirm').focus();
    } else {
      show($('action-result'), 'The server answered without a preview: ' + (answer ? answer.status : ''));
    }
  } catch (e) {
    show($('action-error'), describe(e));
  }
}

async function confirm() {
  const current = pending;
  if (!current || !current.phrase) {
    return;
  }
  $('action-confirm-box').hidden = true;
  try {
    const answer = await current.write.confirm(current.phrase);
    if (answer && answer.status === 'preview') {
      // the record changed its phrase in between: the server executed nothing
      show($('action-error'), 'Not confirmed (' + answer.reason + '): nothing changed. The server now asks for: '
        + answer.requiredConfirmation);
    } else {
      show($('action-result'), 'Done: ' + (answer && answer.status ? answer.status : 'accepted') + ' — '
        + current.phrase);
    }
  } catch (e) {
    show($('action-error'), describe(e));
  }
  await refresh();
}

function cancel() {
  pending = null;
  $('action-confirm-box').hidden = true;
  $('action-reason-form').hidden = true;
  show($('action-result'), 'Cancelled: nothing was confirmed, nothing changed.');
}

function closeAction() {
  pending = null;
  $('action').hidden = true;
}

// --- signing in and out ---

async function refresh() {
  try {
    await loadAll();
  } catch (e) {
    signedOut(describe(e));
  }
}

async function onSignIn(event) {
  event.preventDefault();
  const token = $('token').value.trim();
  $('token').value = '';
  if (!token) {
    return;
  }
  signIn(token);
  hide($('sign-in-error'));
  $('sign-in').hidden = true;
  $('signed-in').hidden = false;
  $('sections').hidden = false;
  await refresh();
}

function signedOut(message) {
  signOut();
  pending = null;
  $('action').hidden = true;
  $('sections').hidden = true;
  for (const rows of document.querySelectorAll('.rows')) {
    rows.replaceChildren();
  }
  $('entitlement-checkout').value = '';
  $('entitlement-customer').value = '';
  $('signed-in').hidden = true;
  $('sign-in').hidden = false;
  if (message) {
    show($('sign-in-error'), message);
  } else {
    hide($('sign-in-error'));
  }
}

$('sign-in').addEventListener('submit', onSignIn);
$('sign-out').addEventListener('click', () => signedOut(null));
$('refresh').addEventListener('click', refresh);
// one filter at a time: typing a customer clears the checkout, and the other way round
$('entitlement-checkout').addEventListener('input', () => {
  $('entitlement-customer').value = '';
});
$('entitlement-customer').addEventListener('input', () => {
  $('entitlement-checkout').value = '';
});
$('entitlement-filter').addEventListener('submit', event => {
  event.preventDefault();
  load('entitlements');
});
$('action-reason-form').addEventListener('submit', event => {
  event.preventDefault();
  preview();
});
$('action-confirm').addEventListener('click', confirm);
$('action-cancel').addEventListener('click', cancel);
$('action-close').addEventListener('click', closeAction);
document.body.dataset.ready = 'true';
