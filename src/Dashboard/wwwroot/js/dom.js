// Builds DOM nodes from data without ever parsing it as HTML: text goes in as text nodes, attributes
// through setAttribute. The pages use no innerHTML, so registry data cannot become markup or script.

/**
 * el('td', { class: 'num', dataset: { flagId: id }, title: full }, 'text', childNode, ...)
 * Children may be nodes, strings, numbers, arrays of those, or null/undefined/false (skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'class') {
      node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) {
    throw new Error(`Missing element #${id}`);
  }
  return node;
}

/** The link to an enterprise's page; the code only ever sits in the query string. */
export function enterpriseHref(code) {
  return `/enterprise?code=${encodeURIComponent(code)}`;
}

/** Briefly highlights a node (CSS animation), then removes the class so it can flash again. */
export function flash(node) {
  node.classList.remove('flash');
  // Reading layout restarts the animation when the class is re-added.
  void node.offsetWidth;
  node.classList.add('flash');
  node.addEventListener('animationend', () => node.classList.remove('flash'), { once: true });
}
