// Builds the page from data with DOM nodes only: every value goes in through textContent, never as markup.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'class') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child instanceof Node) {
      node.appendChild(child);
    } else if (child !== null && child !== undefined) {
      node.appendChild(el('span', { text: String(child) }));
    }
  }
  return node;
}

export function show(node, text) {
  node.textContent = text;
  node.hidden = false;
}

export function hide(node) {
  node.textContent = '';
  node.hidden = true;
}

/** A refusal as the owner should read it: status, code and the server's message. */
export function describe(error) {
  if (error && error.code) {
    return (error.status ? error.status + ' ' : '') + error.code + ': ' + error.message;
  }
  return 'console_error: ' + (error && error.message ? error.message : String(error));
}

export function money(value) {
  return value && value.display ? value.display : '';
}

/**
 * A table of rows: each column a title and a function from the row to its text; the last cell holds the row's
 * action buttons, each {action, label, run}.
 */
export function table(columns, rows, idOf, actionsOf) {
  if (rows.length === 0) {
    return el('p', { class: 'empty', text: 'Nothing to show.' });
  }
  const head = el('tr', {}, ...columns.map(column => el('th', { text: column.title })), el('th', { text: '' }));
  const body = rows.map(row => el('tr', { 'data-id': idOf(row) },
    ...columns.map(column => {
      const value = column.value(row);
      return el('td', { class: column.id ? 'id' : '', text: value === null || value === undefined ? '' : String(value) });
    }),
    el('td', { class: 'actions' }, ...actionsOf(row).map(action => el('button', {
      type: 'button', 'data-action': action.action, text: action.label, onclick: action.run,
    })))));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...body));
}
